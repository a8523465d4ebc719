package org.gonghui.modelworker;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The model-worker figures of an organisation subtree and a year for the 数说 dashboards: model workers per level on
 * the books at the year's end (registered, not dead or revoked by then), and the allowances of the year's months —
 * entitled, and paid by the bank. Two indexed queries over the subtree.
 */
@Service
@org.gonghui.shared.db.MayLag
public class ModelWorkerFigures {

    private final JdbcClient jdbc;

    ModelWorkerFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The figures: model workers per level, and the year's allowances entitled and paid (yuan, scale 2). */
    public record Figures(int year, Map<ModelWorkerLevel, Long> perLevel, BigDecimal entitled, BigDecimal paid,
            long months) {
    }

    @Transactional(readOnly = true)
    public Figures of(TreePath subtree, int year) {
        if (year < 2000 || year > 2100) {
            throw DomainException.invalid("modelworker.figures.year");
        }
        Date end = Date.valueOf(LocalDate.of(year, 12, 31));
        Map<ModelWorkerLevel, Long> perLevel = new EnumMap<>(ModelWorkerLevel.class);
        for (ModelWorkerLevel level : ModelWorkerLevel.values()) {
            perLevel.put(level, 0L);
        }
        jdbc.sql("""
                select level, count(*) as n from model_worker where org_path like :scope and title_year <= :year
                  and (deceased_on is null or deceased_on > :end) and (revoked_on is null or revoked_on > :end)
                group by level""")
                .param("scope", subtree.likePattern()).param("year", year).param("end", end)
                .query((rs, n) -> Map.entry(ModelWorkerLevel.valueOf(rs.getString("level")), rs.getLong("n")))
                .list().forEach(e -> perLevel.put(e.getKey(), e.getValue()));
        return jdbc.sql("""
                select coalesce(sum(amount), 0) as entitled,
                       coalesce(sum(case when paid_at is not null then amount else 0 end), 0) as paid, count(*) as months
                from model_allowance_line where org_path like :scope and status = 'ENTITLED'
                  and month_start >= :first and month_start <= :end""")
                .param("scope", subtree.likePattern()).param("first", Date.valueOf(LocalDate.of(year, 1, 1)))
                .param("end", end)
                .query((rs, n) -> new Figures(year, perLevel, rs.getBigDecimal("entitled").setScale(2),
                        rs.getBigDecimal("paid").setScale(2), rs.getLong("months"))).single();
    }
}
