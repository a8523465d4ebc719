package org.gonghui.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The routing of reads between the primary and a read replica, on two in-memory H2 databases standing for them (the
 * default suite has no replica): each has a table {@code which} that names it, so a query shows where it went.
 */
public class ReadReplicaTests {

    private static int n;
    private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);
    private DataSource primary;
    private DataSource replica;
    private boolean replicaRefuses;
    private WriteMarks marks;
    private ReadReplica routing;
    private JdbcTemplate jdbc;
    private TransactionTemplate readOnly;
    private TransactionTemplate readWrite;

    @BeforeEach
    void databases() {
        n++;
        primary = h2("primary", n);
        DataSource replicaDb = h2("replica", n);
        replica = new AbstractDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                if (replicaRefuses) {
                    throw new SQLException("Connection refused");
                }
                return replicaDb.getConnection();
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return getConnection();
            }
        };
        marks = new WriteMarks.InProcess(nanos::get);
        routing = new ReadReplica(primary, replica, marks, Duration.ofSeconds(10), Duration.ofSeconds(1), nanos::get);
        DataSource dataSource = new LazyConnectionDataSourceProxy(routing.routing());
        jdbc = new JdbcTemplate(dataSource);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readWrite = new TransactionTemplate(transactions);
        replicaIsAt(0x100, 0);
    }

    private DataSource h2(String name, int run) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:replica-test-" + name + "-" + run + ";DB_CLOSE_DELAY=-1");
        JdbcTemplate setup = new JdbcTemplate(ds);
        setup.execute("create table which (name varchar(10))");
        setup.update("insert into which values (?)", name);
        setup.execute("create alias pg_current_wal_lsn for \"" + getClass().getName() + ".current\"");
        return ds;
    }

    private static volatile String current = "0/100";

    public static String current() {
        return current;
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private void replicaIsAt(long replayed, double behindSeconds) {
        routing.state(new ReadReplica.State(true, replayed, 0, behindSeconds, nanos.get(), null));
    }

    private String laggingRead() {
        ReadReplica.enter();
        try {
            return readOnly.execute(s -> where());
        } finally {
            ReadReplica.leave();
        }
    }

    private String where() {
        return jdbc.queryForObject("select name from which", String.class);
    }

    private static void signIn(long accountId) {
        CurrentUser user = new CurrentUser(accountId, "u" + accountId, "U", null, 1L, "/1/", null, EnumSet.of(Role.STAFF),
                false, true);
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    }

    @Test
    void aLaggingReadInAReadOnlyTransactionGoesToTheReplicaEverythingElseToThePrimary() {
        assertThat(laggingRead()).isEqualTo("replica");
        assertThat((String) readOnly.execute(s -> where())).as("read-only, but not a lagging read").isEqualTo("primary");
        ReadReplica.enter();
        try {
            assertThat((String) readWrite.execute(s -> where())).as("a lagging read in a read-write transaction").isEqualTo("primary");
            assertThat(where()).as("a lagging read outside any transaction").isEqualTo("primary");
        } finally {
            ReadReplica.leave();
        }
        assertThat(ReadReplica.lagging()).isFalse();
        assertThat(routing.count(ReadReplica.Route.REPLICA)).isEqualTo(1);
    }

    @Test
    void aUserReadsTheirOwnWriteFromThePrimaryUntilTheReplicaHasReplayedIt() {
        signIn(7);
        current = "0/2A0";
        routing.wrote(7); // the primary's WAL is at 0/2A0 after account 7's write
        assertThat(marks.of(7)).isEqualTo(0x2A0);
        replicaIsAt(0x29F, 0.4);
        assertThat(laggingRead()).as("the replica is one byte short of the write").isEqualTo("primary");
        assertThat(routing.count(ReadReplica.Route.OWN_WRITE)).isEqualTo(1);
        signIn(8);
        assertThat(laggingRead()).as("another user did not write").isEqualTo("replica");
        signIn(7);
        replicaIsAt(0x2A0, 0);
        assertThat(laggingRead()).as("replayed").isEqualTo("replica");
    }

    @Test
    void theMarkOfAWriteLastsTheLongestAllowedLagAndTwoChecks() {
        signIn(7);
        current = "0/900";
        routing.wrote(7);
        replicaIsAt(0x100, 0);
        nanos.addAndGet(Duration.ofSeconds(11).toNanos());
        replicaIsAt(0x100, 0);
        assertThat(laggingRead()).isEqualTo("primary");
        nanos.addAndGet(Duration.ofSeconds(1).toNanos() + 1);
        replicaIsAt(0x100, 0);
        assertThat(marks.of(7)).isEqualTo(-1);
        assertThat(laggingRead()).isEqualTo("replica");
    }

    @Test
    void aReplicaDownSilentOrTooFarBehindIsNotReadButSaysSo() {
        routing.state(new ReadReplica.State(false, 0x100, 0, 0, nanos.get(), "Connection refused"));
        assertThat(laggingRead()).isEqualTo("primary");
        assertThat(routing.details()).containsEntry("laggingReads", "primary")
                .containsEntry("why", "down (Connection refused)");

        replicaIsAt(0x100, 10.5);
        assertThat(laggingRead()).as("behind by more than 10 s").isEqualTo("primary");
        assertThat(routing.details().get("why")).isEqualTo("behind by 11 s");

        replicaIsAt(0x100, 9);
        assertThat(laggingRead()).isEqualTo("replica");
        nanos.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(laggingRead()).as("no check for 4 s").isEqualTo("primary");
        assertThat(routing.count(ReadReplica.Route.FALLBACK)).isEqualTo(3);
        assertThat(routing.details()).containsEntry("laggingReads", "primary");
    }

    @Test
    void aReplicaGoneBetweenTwoChecksCostsNoRead() {
        replicaRefuses = true;
        assertThat(laggingRead()).isEqualTo("primary");
        assertThat(routing.state().up()).isFalse();
        assertThat(laggingRead()).isEqualTo("primary");
        assertThat(routing.count(ReadReplica.Route.FALLBACK)).isEqualTo(1);
    }

    @Test
    void aCheckThatFailsTakesTheReplicaOutOfUse() {
        replicaRefuses = true;
        routing.check();
        assertThat(routing.state().up()).isFalse();
        assertThat(routing.details().get("why").toString()).contains("Connection refused");
        assertThat(laggingRead()).isEqualTo("primary");
    }

    @Test
    void mayLagPutsAnAnnotatedBeansMethodsInTheLaggingScope() {
        ReadReplicaConfiguration.MayLagPostProcessor processor = new ReadReplicaConfiguration.MayLagPostProcessor();
        Dashboard plain = (Dashboard) processor.postProcessAfterInitialization(new Dashboard(), "dashboard");
        assertThat(plain.lagging()).isTrue();
        assertThat(ReadReplica.lagging()).isFalse();
        Decides decides = (Decides) processor.postProcessAfterInitialization(new Decides(), "decides");
        assertThat(decides.lagging()).isFalse();
        assertThat(decides.report()).isTrue();
    }

    @Test
    void howFarBehindIsTheTimeSinceThePrimaryFirstWasPastWhatTheReplicaReplayed() {
        long second = 1_000_000_000L;
        assertThat(routing.behind(0x100, 0x100, 0)).isZero();
        assertThat(routing.behind(0x100, 0x200, second)).as("first seen past it now").isZero();
        assertThat(routing.behind(0x100, 0x300, 2 * second)).isEqualTo(1.0);
        assertThat(routing.behind(0x250, 0x300, 3 * second)).as("the primary passed 0/250 at the check of 2 s").isEqualTo(1.0);
        assertThat(routing.behind(0x300, 0x300, 4 * second)).isZero();
        for (int i = 0; i < 300; i++) { // longer than remembered: as old as the oldest remembered check at least
            routing.behind(0x300, 0x400, (5 + i) * second);
        }
        assertThat(routing.behind(0x300, 0x400, 305 * second)).isEqualTo(255.0);
    }

    @Test
    void walPositionsCompare() {
        assertThat(Lsn.parse("16/B374D848")).isEqualTo(0x16B374D848L);
        assertThat(Lsn.parse("0/2A0")).isLessThan(Lsn.parse("1/0"));
        assertThat(Lsn.parse(null)).isEqualTo(-1);
        assertThat(Lsn.parse("x/1")).isEqualTo(-1);
        assertThat(Lsn.parse("12")).isEqualTo(-1);
    }

    @MayLag
    static class Dashboard {
        boolean lagging() {
            return ReadReplica.lagging();
        }
    }

    static class Decides {
        boolean lagging() {
            return ReadReplica.lagging();
        }

        @MayLag
        boolean report() {
            return ReadReplica.lagging();
        }
    }
}
