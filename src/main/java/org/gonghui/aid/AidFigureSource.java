package org.gonghui.aid;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.figures.FigureDefinition;
import org.gonghui.shared.figures.FigureSink;
import org.gonghui.shared.figures.FigureSource;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Aid's figures for the 数说 dashboards, per organisation of the grant, wish or visit: {@link AidFigures}'s three
 * queries grouped by organisation path (same conditions). Per programme (hardship living and medical aid, festival
 * visits, school aid) the grants approved in the year and their amount in fen. What was paid is the payment
 * engine's to publish ({@code aid.living.paid}, {@code aid.living.paidAmount} …: the payments made in the year),
 * not counted here a second time.
 */
@Component
class AidFigureSource implements FigureSource {

    static final String SECTION = "aid";
    /** The grant kinds, as {@code aid_grant.kind} holds them. */
    static final List<String> PROGRAMMES = List.of("LIVING", "MEDICAL", "FESTIVAL", "SCHOOL");

    private final JdbcClient jdbc;
    private final PlatformTime time;

    AidFigureSource(JdbcClient jdbc, PlatformTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    static String key(String kind, String figure) {
        return "aid." + kind.toLowerCase(Locale.ROOT) + "." + figure;
    }

    @Override
    public List<FigureDefinition> definitions() {
        List<FigureDefinition> list = new ArrayList<>();
        for (String kind : PROGRAMMES) {
            list.add(FigureDefinition.count(SECTION, key(kind, "approved")));
            list.add(FigureDefinition.amount(SECTION, key(kind, "approvedAmount")));
        }
        list.add(FigureDefinition.count(SECTION, "aid.wishesPosted"));
        list.add(FigureDefinition.count(SECTION, "aid.wishesClaimed"));
        list.add(FigureDefinition.count(SECTION, "aid.wishesFulfilled"));
        list.add(FigureDefinition.count(SECTION, "aid.heatVisits"));
        list.add(FigureDefinition.count(SECTION, "aid.heatPeople"));
        list.add(FigureDefinition.amount(SECTION, "aid.heatValue"));
        return list;
    }

    @Override
    @Transactional(readOnly = true)
    public void collect(int year, FigureSink sink) {
        jdbc.sql("""
                select org_path, kind, count(*) as approved, sum(amount_fen) as approved_fen
                from aid_grant where grant_year = :y and status in ('APPROVED', 'HANDED_OUT')
                group by org_path, kind""")
                .param("y", year)
                .query(rs -> {
                    long org = org(rs.getString("org_path"));
                    String kind = rs.getString("kind");
                    sink.add(org, key(kind, "approved"), rs.getLong("approved"));
                    sink.add(org, key(kind, "approvedAmount"), rs.getLong("approved_fen"));
                });
        jdbc.sql("""
                select org_path, count(*), sum(case when status in ('CLAIMED', 'FULFILLED') then 1 else 0 end),
                  sum(case when status = 'FULFILLED' then 1 else 0 end)
                from aid_wish where posted_at >= :from and posted_at < :to group by org_path""")
                .param("from", Timestamp.from(time.startOf(LocalDate.of(year, 1, 1))))
                .param("to", Timestamp.from(time.startOf(LocalDate.of(year + 1, 1, 1))))
                .query(rs -> {
                    long org = org(rs.getString(1));
                    sink.add(org, "aid.wishesPosted", rs.getLong(2));
                    sink.add(org, "aid.wishesClaimed", rs.getLong(3));
                    sink.add(org, "aid.wishesFulfilled", rs.getLong(4));
                });
        jdbc.sql("""
                select org_path, count(*), coalesce(sum(headcount), 0), coalesce(sum(value_fen), 0) from aid_heat_visit
                where visit_year = :y group by org_path""")
                .param("y", year)
                .query(rs -> {
                    long org = org(rs.getString(1));
                    sink.add(org, "aid.heatVisits", rs.getLong(2));
                    sink.add(org, "aid.heatPeople", rs.getLong(3));
                    sink.add(org, "aid.heatValue", rs.getLong(4));
                });
    }

    private static long org(String path) {
        return new TreePath(path).last();
    }
}
