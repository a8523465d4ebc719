package org.gonghui.activity;

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
 * The activities' figures for the 数说 dashboards, under the organisation that holds the activity or makes the offer.
 * An activity is held in the year its first session starts (without sessions: the year its registration closes),
 * unless cancelled; its places are its capacity, its participants counted as {@link ActivityFigures} counts an
 * activity's registrations (confirmed places, and those who attended). Welfare: vouchers claimed and redeemed in the
 * year (the claims and redemptions {@link Welfare#figures} counts per offer, by their date).
 */
@Component
class ActivityFigureSource implements FigureSource {

    static final String SECTION = "activities";

    /** The activities held in [:from, :to): id, organisation, capacity. */
    private static final String HELD = """
            select a.id, a.org_id, a.capacity from activity a
            left join (select activity_id, min(starts_at) as first_start from activity_session group by activity_id) s
              on s.activity_id = a.id
            where a.status <> 'CANCELLED' and coalesce(s.first_start, a.closes_at) >= :from
              and coalesce(s.first_start, a.closes_at) < :to""";

    private final JdbcClient jdbc;
    private final PlatformTime time;

    ActivityFigureSource(JdbcClient jdbc, PlatformTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    @Override
    public List<FigureDefinition> definitions() {
        return List.of(
                FigureDefinition.count(SECTION, "activities.held"),
                FigureDefinition.count(SECTION, "activities.places"),
                FigureDefinition.count(SECTION, "activities.confirmed"),
                FigureDefinition.count(SECTION, "activities.attended"),
                FigureDefinition.count(SECTION, "activities.welfareClaimed"),
                FigureDefinition.count(SECTION, "activities.welfareRedeemed"));
    }

    @Override
    @Transactional(readOnly = true)
    public void collect(int year, FigureSink sink) {
        Timestamp from = Timestamp.from(time.startOf(LocalDate.of(year, 1, 1)));
        Timestamp to = Timestamp.from(time.startOf(LocalDate.of(year + 1, 1, 1)));
        jdbc.sql("select h.org_id, count(*), sum(h.capacity) from (" + HELD + ") h group by h.org_id")
                .param("from", from).param("to", to)
                .query(rs -> {
                    sink.add(rs.getLong(1), "activities.held", rs.getLong(2));
                    sink.add(rs.getLong(1), "activities.places", rs.getLong(3));
                });
        jdbc.sql("select h.org_id, sum(case when r.status = 'CONFIRMED' then 1 else 0 end), "
                + "sum(case when r.attended_at is not null then 1 else 0 end) "
                + "from (" + HELD + ") h join registration r on r.activity_id = h.id group by h.org_id")
                .param("from", from).param("to", to)
                .query(rs -> {
                    sink.add(rs.getLong(1), "activities.confirmed", rs.getLong(2));
                    sink.add(rs.getLong(1), "activities.attended", rs.getLong(3));
                });
        jdbc.sql("""
                select o.org_id, sum(case when v.claimed_at >= :from and v.claimed_at < :to then 1 else 0 end),
                  sum(case when v.redeemed_at >= :from and v.redeemed_at < :to then 1 else 0 end)
                from voucher v join welfare_offer o on o.id = v.offer_id
                where (v.claimed_at >= :from and v.claimed_at < :to) or (v.redeemed_at >= :from and v.redeemed_at < :to)
                group by o.org_id""")
                .param("from", from).param("to", to)
                .query(rs -> {
                    sink.add(rs.getLong(1), "activities.welfareClaimed", rs.getLong(2));
                    sink.add(rs.getLong(1), "activities.welfareRedeemed", rs.getLong(3));
                });
    }
}
