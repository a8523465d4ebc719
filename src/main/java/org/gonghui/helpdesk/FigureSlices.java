package org.gonghui.helpdesk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gonghui.organisation.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The figures' reads: requests of a subtree received in a period, grouped by handling organisation, type, channel
 * and state, in at most three statements. Closed requests of whole months come from
 * {@code help_request_month_figures} (PostgreSQL: a table kept exact by a trigger on every write; H2: a view), cut
 * at the township level — so it serves subtrees down to districts; a township's own subtree (a few thousand
 * requests a year) and the days of a period outside whole months are read from the requests themselves. Open
 * requests are always read live from the open-requests index.
 */
@Component
class FigureSlices {

    /** Organisations deeper than this are summed into their township in the month figures. */
    static final int ROLLED_DEPTH = 3;

    private final JdbcClient jdbc;

    FigureSlices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts for requests handled at {@code path}, the scope itself or one of its children, or below that child. */
    record Slice(String path, RequestType type, Channel channel, boolean closed, Light light, long count, long onTime,
            long timed, long workingSeconds, long rated, long satisfied) {
    }

    /** A period in instants [from, to) and the whole months inside it ({@code firstMonth} > {@code lastMonth}: none). */
    record Period(Instant from, Instant to, int firstMonth, int lastMonth, Instant wholeFrom, Instant wholeTo) {

        boolean hasWholeMonths() {
            return firstMonth <= lastMonth;
        }
    }

    /*
     * Rows are summed per child organisation of the scope (with everything below it) in the database, not per handling
     * organisation — a city's open requests are a few hundred groups, not twenty thousand; the child's path is the
     * scope's path and the next id (a substring, cheaper than a regular expression over thirty thousand rows).
     */
    List<Slice> read(TreePath scope, Period period) {
        List<Slice> slices = new ArrayList<>(open(scope, period));
        if (period.hasWholeMonths() && scope.depth() < ROLLED_DEPTH) {
            slices.addAll(closedMonths(scope, period.firstMonth(), period.lastMonth()));
            if (period.from().isBefore(period.wholeFrom())) {
                slices.addAll(closed(scope, period.from(), period.wholeFrom()));
            }
            if (period.wholeTo().isBefore(period.to())) {
                slices.addAll(closed(scope, period.wholeTo(), period.to()));
            }
        } else {
            slices.addAll(closed(scope, period.from(), period.to()));
        }
        return slices;
    }

    private List<Slice> open(TreePath scope, Period period) {
        return jdbc.sql("""
                select child, request_type, channel, light, count(*) as n
                from (select case when length(handling_org_path) > :len then substring(handling_org_path, 1,
                          :len + position('/' in substring(handling_org_path, :len + 1))) else handling_org_path end as child, request_type,
                        channel, light
                      from help_request
                      where status <> 'CLOSED' and handling_org_path like :scope and received_at >= :from
                        and received_at < :to) r
                group by child, request_type, channel, light""")
                .param("scope", scope.likePattern()).param("len", scope.value().length()).param("from", Timestamp.from(period.from()))
                .param("to", Timestamp.from(period.to()))
                .query((rs, n) -> new Slice(rs.getString(1), RequestType.valueOf(rs.getString(2)),
                        Channel.valueOf(rs.getString(3)), false, rs.getString(4) == null ? null : Light.valueOf(rs.getString(4)),
                        rs.getLong(5), 0, 0, 0, 0, 0))
                .list();
    }

    private List<Slice> closed(TreePath scope, Instant from, Instant to) {
        return jdbc.sql("""
                select child, request_type, channel, count(*),
                  sum(case when resolution_due is not null and closed_at <= resolution_due then 1 else 0 end),
                  sum(case when close_working_seconds is not null then 1 else 0 end),
                  sum(coalesce(close_working_seconds, 0)),
                  sum(case when satisfaction is not null then 1 else 0 end),
                  sum(case when satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED') then 1 else 0 end)
                from (select case when length(handling_org_path) > :len then substring(handling_org_path, 1,
                          :len + position('/' in substring(handling_org_path, :len + 1))) else handling_org_path end as child, request_type,
                        channel, resolution_due, closed_at, close_working_seconds, satisfaction
                      from help_request
                      where status = 'CLOSED' and duplicate_of is null and handling_org_path like :scope
                        and received_at >= :from and received_at < :to) r
                group by child, request_type, channel""")
                .param("scope", scope.likePattern()).param("len", scope.value().length()).param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> closedSlice(rs)).list();
    }

    private List<Slice> closedMonths(TreePath scope, int firstMonth, int lastMonth) {
        return jdbc.sql("""
                select child, request_type, channel, sum(closed), sum(closed_on_time), sum(timed), sum(working_seconds),
                  sum(rated), sum(satisfied)
                from (select case when length(roll_path) > :len then substring(roll_path, 1,
                          :len + position('/' in substring(roll_path, :len + 1))) else roll_path end as child, request_type, channel, closed,
                        closed_on_time, timed, working_seconds, rated, satisfied
                      from help_request_month_figures
                      where month_key between :first and :last and roll_path like :scope) m
                group by child, request_type, channel""")
                .param("first", firstMonth).param("last", lastMonth).param("scope", scope.likePattern())
                .param("len", scope.value().length())
                .query((rs, n) -> closedSlice(rs)).list();
    }

    private static Slice closedSlice(ResultSet rs) throws SQLException {
        return new Slice(rs.getString(1), RequestType.valueOf(rs.getString(2)), Channel.valueOf(rs.getString(3)), true,
                null, rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9));
    }

    /** Every red request of the subtree now, the most overdue first: where each is handled, and its deadline. */
    /**
     * The red requests of the subtree by level: how many on each, and the {@code perLevel} most overdue of each (their
     * keys, most overdue first) — chosen in the database, so a city with thousands of reds sends back a few dozen rows.
     */
    RedLevels red(TreePath scope, int perLevel) {
        java.util.Map<Integer, Long> counts = new java.util.TreeMap<>();
        List<RedKey> listed = new ArrayList<>();
        jdbc.sql("""
                select id, lvl, resolution_due, n from (
                  select id, lvl, resolution_due,
                    row_number() over (partition by lvl order by resolution_due nulls last, id) as rn,
                    count(*) over (partition by lvl) as n
                  from (select id, length(handling_org_path) - length(replace(handling_org_path, '/', '')) - 1 as lvl,
                          resolution_due
                        from help_request
                        where status <> 'CLOSED' and light = 'RED' and handling_org_path like :scope) r) t
                where rn <= :perLevel
                order by lvl, rn""")
                .param("scope", scope.likePattern()).param("perLevel", perLevel)
                .query(rs -> {
                    RedKey key = new RedKey(rs.getLong(1), rs.getInt(2), instant(rs.getTimestamp(3)));
                    counts.put(key.level(), rs.getLong(4));
                    listed.add(key);
                });
        return new RedLevels(counts, listed);
    }

    /** Red requests per level ({@code counts}) and the keys listed of each, most overdue first. */
    record RedLevels(java.util.Map<Integer, Long> counts, List<RedKey> listed) {
    }

    record RedKey(long id, int level, Instant resolutionDue) {
        static final java.util.Comparator<RedKey> MOST_OVERDUE = java.util.Comparator.comparing(RedKey::resolutionDue,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())).thenComparingLong(RedKey::id);
    }

    /** The listed red requests, in the order of the ids given. */
    List<RedRow> redRows(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        java.util.Map<Long, RedRow> rows = new java.util.HashMap<>();
        jdbc.sql("""
                select id, request_no, request_type, subject, handling_org_id, handling_org_path, received_at, resolution_due,
                  light_since, supervised
                from help_request where id in (:ids)""")
                .param("ids", ids)
                .query((rs, n) -> new RedRow(rs.getLong(1), rs.getString(2), RequestType.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getLong(5), new TreePath(rs.getString(6)).depth(), instant(rs.getTimestamp(7)),
                        instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)), rs.getBoolean(10)))
                .list().forEach(row -> rows.put(row.id(), row));
        return ids.stream().map(rows::get).filter(java.util.Objects::nonNull).toList();
    }

    record RedRow(long id, String requestNo, RequestType type, String subject, long handlingOrgId, int level,
            Instant receivedAt, Instant resolutionDue, Instant redSince, boolean supervised) {
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
