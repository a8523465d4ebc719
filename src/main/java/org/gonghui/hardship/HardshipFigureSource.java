package org.gonghui.hardship;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.figures.FigureDefinition;
import org.gonghui.shared.figures.FigureSink;
import org.gonghui.shared.figures.FigureSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The archive's figures for the 数说 dashboards, per organisation keeping the archive: {@link HardshipFigures}'s
 * queries grouped by the archive's organisation path instead of summed over one subtree (the same conditions, so
 * the numbers are the same). The aid paid to households is the aid module's ({@code aid.*}), not counted here.
 */
@Component
class HardshipFigureSource implements FigureSource {

    static final String SECTION = "hardship";

    private final JdbcClient jdbc;

    HardshipFigureSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<FigureDefinition> definitions() {
        List<FigureDefinition> list = new ArrayList<>();
        for (HardshipTier tier : HardshipTier.values()) {
            list.add(FigureDefinition.count(SECTION, key(tier)));
        }
        list.add(FigureDefinition.count(SECTION, "hardship.entered"));
        list.add(FigureDefinition.count(SECTION, "hardship.left"));
        return list;
    }

    static String key(HardshipTier tier) {
        return "hardship.households." + tier.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    @Transactional(readOnly = true)
    public void collect(int year, FigureSink sink) {
        Date start = Date.valueOf(LocalDate.of(year, 1, 1));
        Date end = Date.valueOf(LocalDate.of(year, 12, 31));
        jdbc.sql("""
                select org_path, tier, count(*) from hardship_archive where status in ('APPROVED', 'LEFT')
                  and since <= :end and (left_on is null or left_on > :end) group by org_path, tier""")
                .param("end", end)
                .query(rs -> {
                    sink.add(org(rs.getString(1)), key(HardshipTier.valueOf(rs.getString(2))), rs.getLong(3));
                });
        jdbc.sql("""
                select org_path, sum(case when since between :start and :end then 1 else 0 end),
                       sum(case when left_on between :start and :end then 1 else 0 end)
                from hardship_archive where status in ('APPROVED', 'LEFT')
                  and ((since between :start and :end) or (left_on between :start and :end))
                group by org_path""")
                .param("start", start).param("end", end)
                .query(rs -> {
                    long org = org(rs.getString(1));
                    sink.add(org, "hardship.entered", rs.getLong(2));
                    sink.add(org, "hardship.left", rs.getLong(3));
                });
    }

    private static long org(String path) {
        return new TreePath(path).last();
    }
}
