package org.gonghui.aid;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Aid's figures for an organisation subtree and a year (for the 数说 dashboards): per programme the grants approved and
 * what of it is paid, micro-wishes posted, claimed and fulfilled, and summer heat visits. A few grouped queries on the
 * subtree's path index.
 */
@Service
@org.gonghui.shared.db.MayLag
public class AidFigures {

    private final JdbcClient jdbc;
    private final PlatformTime time;

    AidFigures(JdbcClient jdbc, PlatformTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    /** One programme's year: grants approved (incl. goods handed out), their amount, how many and how much are paid. */
    public record Programme(long approved, BigDecimal approvedAmount, long paid, BigDecimal paidAmount) {
    }

    /** The year's figures of a subtree; programmes by their payment-programme code, each present (zero when none). */
    public record Figures(int year, Map<String, Programme> programmes, long wishesPosted, long wishesClaimed,
            long wishesFulfilled, long heatVisits, long heatPeople, BigDecimal heatValue) {

        public BigDecimal paidTotal() {
            return programmes.values().stream().map(Programme::paidAmount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        }
    }

    @Transactional(readOnly = true)
    public Figures of(TreePath subtree, int year) {
        Map<String, Programme> programmes = new LinkedHashMap<>();
        for (String code : new String[] {"HARDSHIP_LIVING", "HARDSHIP_MEDICAL", "FESTIVAL", "SCHOOL_AID"}) {
            programmes.put(code, new Programme(0, BigDecimal.ZERO.setScale(2), 0, BigDecimal.ZERO.setScale(2)));
        }
        jdbc.sql("""
                select kind, count(*) as approved, sum(amount_fen) as approved_fen,
                  sum(case when payment_status = 'PAID' then 1 else 0 end) as paid,
                  sum(case when payment_status = 'PAID' then amount_fen else 0 end) as paid_fen
                from aid_grant where org_path like :scope and grant_year = :y and status in ('APPROVED', 'HANDED_OUT')
                group by kind""")
                .param("scope", subtree.likePattern()).param("y", year)
                .query((rs, n) -> Map.entry(code(rs.getString("kind")), new Programme(rs.getLong("approved"),
                        BigDecimal.valueOf(rs.getLong("approved_fen"), 2), rs.getLong("paid"),
                        BigDecimal.valueOf(rs.getLong("paid_fen"), 2))))
                .list().forEach(e -> programmes.put(e.getKey(), e.getValue()));
        long[] wishes = jdbc.sql("""
                select count(*), sum(case when status in ('CLAIMED', 'FULFILLED') then 1 else 0 end),
                  sum(case when status = 'FULFILLED' then 1 else 0 end)
                from aid_wish where org_path like :scope and posted_at >= :from and posted_at < :to""")
                .param("scope", subtree.likePattern())
                .param("from", Timestamp.from(time.startOf(LocalDate.of(year, 1, 1))))
                .param("to", Timestamp.from(time.startOf(LocalDate.of(year + 1, 1, 1))))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        Object[] heat = jdbc.sql("""
                select count(*), coalesce(sum(headcount), 0), coalesce(sum(value_fen), 0) from aid_heat_visit
                where org_path like :scope and visit_year = :y""")
                .param("scope", subtree.likePattern()).param("y", year)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), BigDecimal.valueOf(rs.getLong(3), 2)})
                .single();
        return new Figures(year, programmes, wishes[0], wishes[1], wishes[2], (Long) heat[0], (Long) heat[1],
                (BigDecimal) heat[2]);
    }

    private static String code(String kind) {
        return switch (kind) {
            case "LIVING" -> "HARDSHIP_LIVING";
            case "MEDICAL" -> "HARDSHIP_MEDICAL";
            case "SCHOOL" -> "SCHOOL_AID";
            default -> kind;
        };
    }
}
