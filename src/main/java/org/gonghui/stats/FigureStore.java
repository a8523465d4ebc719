package org.gonghui.stats;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables {@code dashboard_figure} and {@code dashboard_year}: reads for the pages, writes for the refresh. */
@Repository
class FigureStore {

    /** A stored subtree total. */
    record StoredFigure(long orgId, int year, String key, Long parentId, String orgPath, long value) {
    }

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    FigureStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Every figure of one organisation for the given years: one primary-key range read per year. */
    List<StoredFigure> ofOrganisation(long orgId, Collection<Integer> years) {
        return jdbc.sql("select * from dashboard_figure where figure_year in (:years) and org_id = :org")
                .param("years", years).param("org", orgId).query(FigureStore::figure).list();
    }

    /** Some figures (all when {@code keys} is null) of the organisations that were the children of {@code parentId}. */
    List<StoredFigure> ofChildren(long parentId, Collection<Integer> years, Collection<String> keys) {
        if (keys == null) {
            return jdbc.sql("select * from dashboard_figure where figure_year in (:years) and parent_id = :parent")
                    .param("years", years).param("parent", parentId).query(FigureStore::figure).list();
        }
        return jdbc.sql("select * from dashboard_figure where figure_year in (:years) and parent_id = :parent and figure_key in (:keys)")
                .param("years", years).param("parent", parentId).param("keys", keys).query(FigureStore::figure).list();
    }

    Map<Integer, YearStatus> years(Collection<Integer> years) {
        Map<Integer, YearStatus> byYear = new HashMap<>();
        for (int year : years) {
            byYear.put(year, YearStatus.never(year));
        }
        jdbc.sql("select * from dashboard_year where figure_year in (:years)").param("years", years).query(FigureStore::status)
                .list().forEach(s -> byYear.put(s.year(), s));
        return byYear;
    }

    /** The year's row, created when missing and locked until the transaction ends: refreshes of a year queue up. */
    YearStatus lockYear(int year) {
        List<YearStatus> locked = selectForUpdate(year);
        if (locked.isEmpty()) {
            try {
                jdbc.sql("insert into dashboard_year (figure_year) values (:year)").param("year", year).update();
            } catch (DuplicateKeyException raced) {
                // another refresh created it first: lock it below
            }
            locked = selectForUpdate(year);
        }
        return locked.get(0);
    }

    private List<YearStatus> selectForUpdate(int year) {
        return jdbc.sql("select * from dashboard_year where figure_year = :year for update").param("year", year)
                .query(FigureStore::status).list();
    }

    List<StoredFigure> ofYear(int year) {
        return jdbc.sql("select * from dashboard_figure where figure_year = :year").param("year", year)
                .query(FigureStore::figure).list();
    }

    void insert(List<StoredFigure> rows) {
        batch("insert into dashboard_figure (figure_year, org_id, figure_key, parent_id, org_path, figure_value) values (?, ?, ?, ?, ?, ?)",
                rows, f -> new Object[] {f.year(), f.orgId(), f.key(), f.parentId(), f.orgPath(), f.value()});
    }

    void update(List<StoredFigure> rows) {
        batch("update dashboard_figure set parent_id = ?, org_path = ?, figure_value = ? where figure_year = ? and org_id = ? and figure_key = ?",
                rows, f -> new Object[] {f.parentId(), f.orgPath(), f.value(), f.year(), f.orgId(), f.key()});
    }

    void delete(List<StoredFigure> rows) {
        batch("delete from dashboard_figure where figure_year = ? and org_id = ? and figure_key = ?",
                rows, f -> new Object[] {f.year(), f.orgId(), f.key()});
    }

    void markRefreshed(int year, Instant at, long millis) {
        jdbc.sql("update dashboard_year set refreshed_at = :at, refresh_millis = :millis where figure_year = :year")
                .param("at", utc(at)).param("millis", millis).param("year", year).update();
    }

    void markFrozen(int year, Instant at, String by) {
        jdbc.sql("update dashboard_year set frozen_at = :at, frozen_by = :by where figure_year = :year")
                .param("at", utc(at)).param("by", by).param("year", year).update();
    }

    private void batch(String sql, List<StoredFigure> rows, java.util.function.Function<StoredFigure, Object[]> args) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Object[]> chunk = new ArrayList<>();
            for (StoredFigure row : rows.subList(from, Math.min(rows.size(), from + BATCH))) {
                chunk.add(args.apply(row));
            }
            template.batchUpdate(sql, chunk);
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static StoredFigure figure(ResultSet rs, int n) throws SQLException {
        return new StoredFigure(rs.getLong("org_id"), rs.getInt("figure_year"), rs.getString("figure_key"),
                rs.getObject("parent_id", Long.class), rs.getString("org_path"), rs.getLong("figure_value"));
    }

    private static YearStatus status(ResultSet rs, int n) throws SQLException {
        return new YearStatus(rs.getInt("figure_year"), instant(rs, "refreshed_at"), rs.getObject("refresh_millis", Long.class),
                instant(rs, "frozen_at"), rs.getString("frozen_by"));
    }
}
