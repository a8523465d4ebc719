package org.gonghui.mutualaid;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.gonghui.shared.figures.FigureDefinition;
import org.gonghui.shared.figures.FigureSink;
import org.gonghui.shared.figures.FigureSource;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mutual aid's figures for the 数说 dashboards. Enrolments of the cover year starting in the year and their
 * contributions (fen), under the member's organisation at enrolment (what {@link Plans#enrolments} counts per plan);
 * claims submitted and claims granted (decided 已核准 or later) in the calendar year, under the claim's organisation;
 * and the fund's bank balance (基金存款, all projects and cover years) at the year's end from its ledger, as
 * {@link Fund#balances} sums it, under the root organisation only (the fund is the city's). The benefits paid are
 * the payment engine's to publish ({@code mutualaid.claims.paid}, {@code mutualaid.claims.paidAmount}).
 */
@Component
class MutualAidFigureSource implements FigureSource {

    static final String SECTION = "mutualaid";

    private final JdbcClient jdbc;
    private final PlatformTime time;

    MutualAidFigureSource(JdbcClient jdbc, PlatformTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    @Override
    public List<FigureDefinition> definitions() {
        return List.of(
                FigureDefinition.count(SECTION, "mutualaid.enrolments"),
                FigureDefinition.amount(SECTION, "mutualaid.contributions"),
                FigureDefinition.count(SECTION, "mutualaid.claimsSubmitted"),
                FigureDefinition.count(SECTION, "mutualaid.claimsGranted"),
                FigureDefinition.amount(SECTION, "mutualaid.fundBalance"));
    }

    @Override
    @Transactional(readOnly = true)
    public void collect(int year, FigureSink sink) {
        Timestamp from = Timestamp.from(time.startOf(LocalDate.of(year, 1, 1)));
        Timestamp to = Timestamp.from(time.startOf(LocalDate.of(year + 1, 1, 1)));
        jdbc.sql("""
                select org_id, count(*), coalesce(sum(contribution), 0) from mutualaid_enrolment where cover_year = :y
                group by org_id""")
                .param("y", year)
                .query(rs -> {
                    sink.add(rs.getLong(1), "mutualaid.enrolments", rs.getLong(2));
                    sink.add(rs.getLong(1), "mutualaid.contributions", rs.getBigDecimal(3).movePointRight(2).longValueExact());
                });
        jdbc.sql("""
                select org_id, sum(case when submitted_at >= :from and submitted_at < :to then 1 else 0 end),
                  sum(case when decided_at >= :from and decided_at < :to
                      and status in ('APPROVED', 'IN_PAYMENT', 'PAID', 'PAYMENT_FAILED') then 1 else 0 end)
                from mutualaid_claim
                where (submitted_at >= :from and submitted_at < :to) or (decided_at >= :from and decided_at < :to)
                group by org_id""")
                .param("from", from).param("to", to)
                .query(rs -> {
                    sink.add(rs.getLong(1), "mutualaid.claimsSubmitted", rs.getLong(2));
                    sink.add(rs.getLong(1), "mutualaid.claimsGranted", rs.getLong(3));
                });
        Long root = jdbc.sql("select min(id) from organisation where parent_id is null").query(Long.class).single();
        if (root != null) {
            sink.add(root, "mutualaid.fundBalance", jdbc.sql("""
                    select coalesce(sum(l.amount), 0) from mutualaid_ledger_line l
                    join mutualaid_ledger_txn t on t.id = l.txn_id where l.account = 'BANK' and t.posted_at < :to""")
                    .param("to", to).query(java.math.BigDecimal.class).single().movePointRight(2).longValueExact());
        }
    }
}
