package org.gonghui.shared.db;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.gonghui.shared.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where a connection goes when a read replica is configured: the replica for a read-only transaction inside a
 * {@link MayLag} method, the primary for everything else. A lagging read still goes to the primary when
 * <ul>
 * <li>the signed-in user wrote something the replica has not replayed yet — after each of their write transactions
 * the primary's WAL position ({@code pg_current_wal_lsn()}) is remembered ({@link WriteMarks}, in Redis under the
 * profile {@code cluster}, for the longest lag the replica is allowed plus two checks), and compared with the position
 * the replica last reported it had replayed ({@code pg_last_wal_replay_lsn()}): they read their own write;</li>
 * <li>the replica is down, has not answered a check for a few seconds, or is further behind than {@code maxLag}
 * (seconds since it replayed the last transaction while the primary has more).</li>
 * </ul>
 * The replica is checked every second on every instance ({@link #check}); routing itself asks nothing of it.
 */
final class ReadReplica implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadReplica.class);
    private static final ThreadLocal<int[]> LAGGING = ThreadLocal.withInitial(() -> new int[1]);

    /** Where a read went, and why. */
    enum Route {
        /** not a lagging read (outside {@link MayLag}, or not in a read-only transaction) */
        PRIMARY(false),
        REPLICA(true),
        /** the user wrote what the replica has not replayed yet */
        OWN_WRITE(false),
        /** the replica is down, silent or too far behind */
        FALLBACK(false);

        final boolean replica;

        Route(boolean replica) {
            this.replica = replica;
        }
    }

    /** What the last check found. */
    record State(boolean up, long replayed, long lagBytes, double lagSeconds, long checkedAt, String problem) {
    }

    private final DataSource primary;
    private final DataSource replica;
    private final WriteMarks marks;
    private final Duration maxLag;
    private final Duration checkEvery;
    private final LongSupplier nanoTime;
    private final Map<Route, AtomicLong> counts = new EnumMap<>(Route.class);
    private final Map<Route, Counter> counters = new EnumMap<>(Route.class);
    private volatile State state;

    ReadReplica(DataSource primary, DataSource replica, WriteMarks marks, Duration maxLag, Duration checkEvery,
            LongSupplier nanoTime) {
        this.primary = primary;
        this.replica = replica;
        this.marks = marks;
        this.maxLag = maxLag;
        this.checkEvery = checkEvery;
        this.nanoTime = nanoTime;
        this.state = new State(false, -1, -1, -1, nanoTime.getAsLong(), "not checked yet");
        for (Route route : Route.values()) {
            counts.put(route, new AtomicLong());
        }
    }

    void meters(MeterRegistry registry) {
        io.micrometer.core.instrument.Gauge.builder("gonghui.db.replica.in.use", this, r -> r.usable(r.state) ? 1 : 0)
                .description("1 while lagging reads go to the read replica, 0 while they fall back to the primary")
                .register(registry);
        io.micrometer.core.instrument.Gauge.builder("gonghui.db.replica.behind.seconds", this, r -> r.state.lagSeconds())
                .description("how long ago the primary first passed what the replica has replayed").register(registry);
        io.micrometer.core.instrument.Gauge.builder("gonghui.db.replica.behind.bytes", this, r -> r.state.lagBytes())
                .description("WAL the replica has not replayed yet").register(registry);
        for (Route route : Route.values()) {
            counters.put(route, Counter.builder("gonghui.db.reads").tag("route", route.name().toLowerCase())
                    .description("connections of read-only transactions, by where they went (replica routing)")
                    .register(registry));
        }
    }

    // ---------------------------------------------------------------------------------------------- the scope

    static void enter() {
        LAGGING.get()[0]++;
    }

    static void leave() {
        int[] depth = LAGGING.get();
        if (--depth[0] <= 0) {
            LAGGING.remove();
        }
    }

    static boolean lagging() {
        return LAGGING.get()[0] > 0;
    }

    // -------------------------------------------------------------------------------------------- the decision

    /** Where a connection asked for now, on this thread, goes. */
    Route route() {
        if (!lagging() || !TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return Route.PRIMARY;
        }
        return decide(CurrentUser.current().map(CurrentUser::accountId).orElse(null));
    }

    /** A lagging read's route, for the signed-in account (null: nobody signed in). */
    Route decide(Long accountId) {
        State now = state;
        if (!usable(now)) {
            return Route.FALLBACK;
        }
        if (accountId != null && marks.of(accountId) > now.replayed()) {
            return Route.OWN_WRITE;
        }
        return Route.REPLICA;
    }

    boolean usable(State s) {
        long silentFor = nanoTime.getAsLong() - s.checkedAt();
        return s.up() && silentFor < Math.max(checkEvery.toNanos() * 3, 3_000_000_000L)
                && s.lagSeconds() <= maxLag.toSeconds();
    }

    Connection connection(String user, String password) throws SQLException {
        Route route = route();
        counts.get(route).incrementAndGet();
        Counter counter = counters.get(route);
        if (counter != null) {
            counter.increment();
        }
        if (route.replica) {
            try {
                return user == null ? replica.getConnection() : replica.getConnection(user, password);
            } catch (SQLException e) {
                // gone since the last check: this read and every one until the next good check go to the primary
                down("no connection: " + e.getMessage());
            }
        }
        return user == null ? primary.getConnection() : primary.getConnection(user, password);
    }

    /** The routing data source: what {@code LazyConnectionDataSourceProxy} asks for a connection when one is used. */
    DataSource routing() {
        return new AbstractDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                return connection(null, null);
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return connection(username, password);
            }
        };
    }

    // ------------------------------------------------------------------------------------------- the writes

    /** After a write transaction of the signed-in account committed: remember how far the primary's WAL got. */
    void wrote(long accountId) {
        try (Connection c = primary.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select cast(pg_current_wal_lsn() as varchar)")) {
            long lsn = rs.next() ? Lsn.parse(rs.getString(1)) : -1;
            if (lsn >= 0) {
                marks.mark(accountId, lsn, maxLag.plus(checkEvery.multipliedBy(2)));
            }
        } catch (SQLException | RuntimeException e) {
            log.debug("could not remember the WAL position of a write of account {}", accountId, e);
        }
    }

    // ---------------------------------------------------------------------------------------------- the check

    /**
     * Asks the replica how far it has replayed, and the primary how far it has written. How far behind the replica is
     * in time is measured on this instance's clock alone: every check remembers when the primary was at which
     * position, and the replica is as old as the first remembered moment the primary was past what it has replayed.
     */
    synchronized void check() {
        long replayed;
        try (Connection c = replica.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        select cast(case when pg_is_in_recovery() then pg_last_wal_replay_lsn()
                                         else pg_current_wal_lsn() end as varchar)""")) {
            rs.next();
            replayed = Lsn.parse(rs.getString(1));
        } catch (SQLException | RuntimeException e) {
            down(e.getMessage());
            return;
        }
        long written;
        try (Connection c = primary.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select cast(pg_current_wal_lsn() as varchar)")) {
            rs.next();
            written = Lsn.parse(rs.getString(1));
        } catch (SQLException | RuntimeException e) {
            written = replayed; // the primary's trouble is the readiness check's business, not this one's
        }
        long now = nanoTime.getAsLong();
        State next = new State(replayed >= 0, replayed, Math.max(0, written - replayed), behind(replayed, written, now),
                now, replayed >= 0 ? null : "no WAL position");
        if (state.up() != next.up() || usable(state) != usable(next)) {
            log.info("read replica {}", usable(next) ? "in use" : "not used: " + describe(next));
        }
        state = next;
    }

    private static final int SAMPLES = 256;
    private final long[] sampleLsn = new long[SAMPLES];
    private final long[] sampleAt = new long[SAMPLES];
    private int samples;

    /** Seconds since the primary first was past {@code replayed} (0 when the replica has everything). */
    synchronized double behind(long replayed, long written, long now) {
        sampleLsn[samples % SAMPLES] = written;
        sampleAt[samples % SAMPLES] = now;
        samples++;
        if (replayed >= written) {
            return 0;
        }
        int oldest = Math.max(0, samples - SAMPLES);
        for (int i = oldest; i < samples; i++) {
            if (sampleLsn[i % SAMPLES] > replayed) {
                return (now - sampleAt[i % SAMPLES]) / 1e9;
            }
        }
        return 0;
    }

    void down(String problem) {
        State was = state;
        state = new State(false, was.replayed(), was.lagBytes(), was.lagSeconds(), nanoTime.getAsLong(), problem);
        if (was.up()) {
            log.warn("read replica down, lagging reads go to the primary: {}", problem);
        }
    }

    State state() {
        return state;
    }

    void state(State state) {
        this.state = state;
    }

    long count(Route route) {
        return counts.get(route).get();
    }

    private String describe(State s) {
        if (!s.up()) {
            return "down (" + s.problem() + ")";
        }
        return s.lagSeconds() > maxLag.toSeconds() ? "behind by " + Math.round(s.lagSeconds()) + " s" : "silent";
    }

    /** For the health endpoint: where lagging reads go now and why, and how far behind the replica is. */
    Map<String, Object> details() {
        State s = state;
        Map<String, Object> details = new LinkedHashMap<>();
        boolean usable = usable(s);
        details.put("laggingReads", usable ? "replica" : "primary");
        if (!usable) {
            details.put("why", describe(s));
        }
        details.put("replayedLsn", s.replayed() < 0 ? null
                : Long.toHexString(s.replayed() >>> 32).toUpperCase() + "/" + Long.toHexString(s.replayed() & 0xffffffffL).toUpperCase());
        details.put("behindBytes", s.lagBytes());
        details.put("behindSeconds", s.lagSeconds());
        details.put("maxLagSeconds", maxLag.toSeconds());
        Map<String, Long> reads = new LinkedHashMap<>();
        counts.forEach((route, n) -> reads.put(route.name().toLowerCase(), n.get()));
        details.put("reads", reads);
        return details;
    }

    @Override
    public void close() throws Exception {
        for (DataSource ds : new DataSource[] {primary, replica}) {
            if (ds instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }
}
