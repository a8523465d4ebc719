package org.gonghui.modelworker.allowance;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gonghui.modelworker.ModelWorkerLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the allowance terms of model workers from the archive's table (one module, one set of tables). */
@Component
class WorkerTermsStore {

    private static final String COLUMNS = """
            select w.id, w.level, w.allowance_from, w.retired_on, w.deceased_on, w.revoked_on, w.attested_until,
              w.member_id, w.org_path from model_worker w""";

    private final JdbcClient jdbc;

    WorkerTermsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A worker's terms and organisation path. */
    record Placed(AllowanceTerms terms, String orgPath) {
    }

    /**
     * The workers of the subtree who may be owed something for the month and have no line for it yet: started by its
     * end, not dead before it, not revoked by its first day. One indexed scan of the subtree, then the month's lines
     * of those workers by the unique key (worker, month), a thousand at a time — no anti-join whose plan would depend
     * on how fresh the line table's statistics are.
     */
    List<Placed> candidates(String scopePattern, YearMonth month) {
        Date first = Date.valueOf(month.atDay(1));
        List<Placed> all = jdbc.sql(COLUMNS + " " + """
                where w.org_path like :scope and w.allowance_from <= :last
                  and (w.deceased_on is null or w.deceased_on >= :first)
                  and (w.revoked_on is null or w.revoked_on > :first)""")
                .param("scope", scopePattern).param("first", first)
                .param("last", Date.valueOf(month.atEndOfMonth())).query(WorkerTermsStore::placed).list();
        Set<Long> made = new HashSet<>();
        List<Long> ids = all.stream().map(p -> p.terms().workerId()).toList();
        for (int i = 0; i < ids.size(); i += 1000) {
            made.addAll(jdbc.sql("select worker_id from model_allowance_line where month_start = :m and worker_id in (:ids)")
                    .param("m", first).param("ids", ids.subList(i, Math.min(ids.size(), i + 1000)))
                    .query(Long.class).list());
        }
        return made.isEmpty() ? all : all.stream().filter(p -> !made.contains(p.terms().workerId())).toList();
    }

    Placed of(long workerId) {
        return jdbc.sql(COLUMNS + " where w.id = :id").param("id", workerId).query(WorkerTermsStore::placed).single();
    }

    private static Placed placed(ResultSet rs, int n) throws SQLException {
        return new Placed(new AllowanceTerms(rs.getLong("id"), ModelWorkerLevel.valueOf(rs.getString("level")),
                rs.getDate("allowance_from").toLocalDate(), date(rs, "retired_on"), date(rs, "deceased_on"),
                date(rs, "revoked_on"), date(rs, "attested_until"), rs.getObject("member_id", Long.class)),
                rs.getString("org_path"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
