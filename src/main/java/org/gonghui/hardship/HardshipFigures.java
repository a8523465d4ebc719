package org.gonghui.hardship;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.gonghui.organisation.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The archive's figures for the 数说 dashboards: for an organisation subtree and a year, the households standing in
 * each tier at the end of the year (or today, for the current year), those who entered the archive in the year and
 * those who left it. Anonymised archives still count. Two indexed queries over the subtree's archives.
 */
@Service
@org.gonghui.shared.db.MayLag
public class HardshipFigures {

    /** The figures of a subtree and year. */
    public record Figures(String scope, int year, Map<HardshipTier, Long> households, long entered, long left) {
        public Figures {
            households = Collections.unmodifiableMap(new EnumMap<>(households));
        }

        public long total() {
            return households.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final JdbcClient jdbc;

    HardshipFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Figures of(TreePath scope, int year) {
        Date start = Date.valueOf(LocalDate.of(year, 1, 1));
        Date end = Date.valueOf(LocalDate.of(year, 12, 31));
        Map<HardshipTier, Long> households = new EnumMap<>(HardshipTier.class);
        for (HardshipTier tier : HardshipTier.values()) {
            households.put(tier, 0L);
        }
        jdbc.sql("""
                select tier, count(*) from hardship_archive where org_path like :scope and status in ('APPROVED', 'LEFT')
                  and since <= :end and (left_on is null or left_on > :end) group by tier""")
                .param("scope", scope.likePattern()).param("end", end)
                .query((rs, n) -> Map.entry(HardshipTier.valueOf(rs.getString(1)), rs.getLong(2))).list()
                .forEach(e -> households.put(e.getKey(), e.getValue()));
        long[] moves = jdbc.sql("""
                select sum(case when since between :start and :end then 1 else 0 end),
                       sum(case when left_on between :start and :end then 1 else 0 end)
                from hardship_archive where org_path like :scope and status in ('APPROVED', 'LEFT')""")
                .param("scope", scope.likePattern()).param("start", start).param("end", end)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        return new Figures(scope.value(), year, households, moves[0], moves[1]);
    }
}
