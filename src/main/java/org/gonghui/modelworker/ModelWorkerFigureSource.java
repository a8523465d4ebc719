package org.gonghui.modelworker;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.figures.FigureDefinition;
import org.gonghui.shared.figures.FigureSink;
import org.gonghui.shared.figures.FigureSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The model-worker figures for the 数说 dashboards, per organisation keeping the record: {@link ModelWorkerFigures}'s
 * two queries grouped by organisation path (same conditions): model workers per level, the allowances entitled for
 * the year's months (fen) and how many worker-months. What was paid is the payment engine's to publish
 * ({@code modelworkers.allowance.paid}, {@code modelworkers.allowance.paidAmount}), not counted here again.
 */
@Component
class ModelWorkerFigureSource implements FigureSource {

    static final String SECTION = "modelworkers";

    private final JdbcClient jdbc;

    ModelWorkerFigureSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<FigureDefinition> definitions() {
        List<FigureDefinition> list = new ArrayList<>();
        for (ModelWorkerLevel level : ModelWorkerLevel.values()) {
            list.add(FigureDefinition.count(SECTION, key(level)));
        }
        list.add(FigureDefinition.amount(SECTION, "modelworkers.allowanceEntitled"));
        list.add(FigureDefinition.count(SECTION, "modelworkers.allowanceMonths"));
        return list;
    }

    static String key(ModelWorkerLevel level) {
        return "modelworkers.level." + level.name().toLowerCase(Locale.ROOT);
    }

    @Override
    @Transactional(readOnly = true)
    public void collect(int year, FigureSink sink) {
        Date end = Date.valueOf(LocalDate.of(year, 12, 31));
        jdbc.sql("""
                select org_path, level, count(*) as n from model_worker where title_year <= :year
                  and (deceased_on is null or deceased_on > :end) and (revoked_on is null or revoked_on > :end)
                group by org_path, level""")
                .param("year", year).param("end", end)
                .query(rs -> {
                    sink.add(org(rs.getString(1)), key(ModelWorkerLevel.valueOf(rs.getString(2))), rs.getLong(3));
                });
        jdbc.sql("""
                select org_path, coalesce(sum(amount), 0) as entitled, count(*) as months
                from model_allowance_line where status = 'ENTITLED' and month_start >= :first and month_start <= :end
                group by org_path""")
                .param("first", Date.valueOf(LocalDate.of(year, 1, 1))).param("end", end)
                .query(rs -> {
                    long org = org(rs.getString(1));
                    sink.add(org, "modelworkers.allowanceEntitled", rs.getBigDecimal(2).movePointRight(2).longValueExact());
                    sink.add(org, "modelworkers.allowanceMonths", rs.getLong(3));
                });
    }

    private static long org(String path) {
        return new TreePath(path).last();
    }
}
