package org.gonghui.card.merchant;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.figures.FigureDefinition;
import org.gonghui.shared.figures.FigureSink;
import org.gonghui.shared.figures.FigureSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The 5·1 card's figures for the 数说 dashboards. Card holders under the member's organisation: members holding a
 * live card (issued, active or reported lost) now whose first card was issued by the year's end (the card module
 * keeps no holder-per-date history; a snapshot frozen at the year's end is exact). The merchants' figures — member-
 * visits (惠及人次), distinct members and the discount given — are {@link Figures}'s: the year's sums per member's
 * organisation path kept by {@link FigureSummary} (folded first), under the member's organisation; distinct members
 * add up over a subtree because the fold counts each member once a year, under one organisation path. Merchants
 * under contract at the year's end and their outlets belong to no organisation below the city: under the root.
 */
@Component
class CardFigureSource implements FigureSource {

    private final JdbcClient jdbc;
    private final FigureSummary summary;

    CardFigureSource(JdbcClient jdbc, FigureSummary summary) {
        this.jdbc = jdbc;
        this.summary = summary;
    }

    @Override
    public List<FigureDefinition> definitions() {
        return List.of(
                FigureDefinition.count("card", "card.holders"),
                FigureDefinition.count("card", "card.issued"),
                FigureDefinition.count("merchants", "merchants.live"),
                FigureDefinition.count("merchants", "merchants.outlets"),
                FigureDefinition.count("merchants", "merchants.visits"),
                FigureDefinition.count("merchants", "merchants.members"),
                FigureDefinition.amount("merchants", "merchants.discount"));
    }

    @Override
    public void collect(int year, FigureSink sink) {
        Date start = Date.valueOf(LocalDate.of(year, 1, 1));
        Date end = Date.valueOf(LocalDate.of(year, 12, 31));
        jdbc.sql("""
                select m.org_id, count(*) from card c join member m on m.id = c.live_member_id
                where exists (select 1 from card f where f.member_id = c.live_member_id and f.issued_on <= :end)
                group by m.org_id""")
                .param("end", end)
                .query(rs -> {
                    sink.add(rs.getLong(1), "card.holders", rs.getLong(2));
                });
        jdbc.sql("""
                select m.org_id, count(*) from card c join member m on m.id = c.member_id
                where c.replaces_id is null and c.issued_on between :start and :end group by m.org_id""")
                .param("start", start).param("end", end)
                .query(rs -> {
                    sink.add(rs.getLong(1), "card.issued", rs.getLong(2));
                });
        summary.fold(true);
        jdbc.sql("select org_path, visits, members, discount_fen from card_figure where yr = :y and kind = 'Y'")
                .param("y", year)
                .query(rs -> {
                    long org = new TreePath(rs.getString(1)).last();
                    sink.add(org, "merchants.visits", rs.getLong(2));
                    sink.add(org, "merchants.members", rs.getLong(3));
                    sink.add(org, "merchants.discount", rs.getLong(4));
                });
        Long root = jdbc.sql("select min(id) from organisation where parent_id is null").query(Long.class).single();
        if (root == null) {
            return;
        }
        jdbc.sql("""
                select count(distinct m.id), count(o.id) from card_merchant m left join card_outlet o on o.card_merchant_id = m.id
                where m.status in ('ACTIVE', 'EXITING') and m.contract_from <= :end and m.contract_until >= :end
                  and (m.discounts_stop_on is null or m.discounts_stop_on > :end)""")
                .param("end", end)
                .query(rs -> {
                    sink.add(root, "merchants.live", rs.getLong(1));
                    sink.add(root, "merchants.outlets", rs.getLong(2));
                });
    }
}
