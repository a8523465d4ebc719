package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.gonghui.member.MemberType;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database drops every connection of the application in the middle of a rush (PostgreSQL only:
 * {@code pg_terminate_backend}). No member told "registered" lacks a stored registration, and every stored one
 * belongs to a member told "registered" or "busy — look up the result", never to one told a definite refusal.
 */
@IntegrationTest
@Import(ActivityTestData.class)
class RegistrationFaultIntegrationTests {

    @Autowired Activities activities;
    @Autowired Registrations registrations;
    @Autowired ActivityTestData data;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;

    @Test
    void connectionsDroppedMidRushLoseNothingAndInventNothing() throws Exception {
        Assumptions.assumeTrue(TestDatabase.isPostgres(), "needs PostgreSQL to drop connections");
        List<Long> members = data.members(1500, MemberType.IN_SERVICE, false);
        ActivityView activity = activities.publish(data.staffAt("NB"),
                ActivityTestData.open("断线演练", 400, AllocationMode.FIRST_COME));
        Map<Long, String> answers = new ConcurrentHashMap<>();
        // the database drops every connection three times, when 300, 700 and 1,100 attempts have started
        AtomicInteger started = new AtomicInteger();
        Semaphore drop = new Semaphore(0);
        Thread killer = new Thread(() -> {
            for (int i = 0; i < 3; i++) {
                try {
                    drop.acquire();
                    jdbc.sql("""
                            select count(pg_terminate_backend(pid)) from pg_stat_activity
                            where datname = current_database() and pid <> pg_backend_pid()""").query(Long.class).single();
                } catch (Exception e) {
                    // the killer's own connection may be dropped too
                }
            }
        });
        killer.start();
        Map<Long, String> raw = RegistrationConcurrencyIntegrationTests.rush(members.size(), i -> () -> {
            long member = members.get(i);
            int attempt = started.incrementAndGet();
            if (attempt == 300 || attempt == 700 || attempt == 1100) {
                drop.release();
            }
            try {
                registrations.register(member, activity.id(), null, false);
                return member;
            } catch (org.gonghui.shared.DomainException e) {
                answers.put(member, e.code());
                throw e;
            } catch (RuntimeException e) {
                answers.put(member, "ERROR");
                throw new org.gonghui.shared.DomainException(org.gonghui.shared.DomainException.Kind.CONFLICT, "ERROR");
            }
        });
        killer.join();
        // the next test must not be handed a connection the database dropped
        dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
        raw.forEach((k, v) -> {
            if (v.equals("OK")) {
                answers.put(k, "OK");
            }
        });

        List<Long> stored = jdbc.sql("select member_id from registration where activity_id = :a and place_no is not null")
                .param("a", activity.id()).query(Long.class).list();
        Set<Long> told = new HashSet<>();
        answers.forEach((m, a) -> {
            if (a.equals("OK")) {
                told.add(m);
            }
        });
        assertThat(stored).hasSizeLessThanOrEqualTo(400).doesNotHaveDuplicates();
        assertThat(stored).containsAll(told);
        for (long m : stored) {
            assertThat(answers.get(m)).as("answer to member %d who holds a place", m)
                    .isIn("OK", Refusal.BUSY);
        }
    }
}
