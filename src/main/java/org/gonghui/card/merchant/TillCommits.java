package org.gonghui.card.merchant;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
import org.gonghui.card.DiscountRedeemed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit at the tills (PostgreSQL): the redemptions that reach the tills while the previous commit runs are
 * written together by one writer thread — one call of {@code card_redeem_many} (V18_1), their
 * {@link DiscountRedeemed} events published in the same transaction (a listener's writes commit with them), one
 * commit — so a campaign's rush at many outlets shares the round trips, the transaction and the commit instead of
 * paying them per redemption. Nobody waits for a batch to fill: a redemption alone is written at once.
 *
 * <p>Each redemption is done as on its own and a refusal (the member's limit, the budget spent, a replayed code …)
 * undoes only what was written for it; every till is answered after the commit that holds its redemption. If the
 * batch fails as a whole (a listener's error, a deadlock, a lost connection), its redemptions are answered
 * {@link Outcome#ALONE} and each is redeemed again in a transaction of its own, where the idempotency key answers
 * one that was stored after all. On H2, or with {@code gonghui.card.till-writers=0}, there are no writers and every
 * redemption is written on its own.
 */
@Component
class TillCommits {

    private static final Logger log = LoggerFactory.getLogger(TillCommits.class);
    static final int MAX_BATCH = 200;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private final DistributionSummary batches;
    private final Timer commitTime;
    private volatile boolean stopped;

    TillCommits(JdbcTemplate jdbc, PlatformTransactionManager transactions, DataSource dataSource,
            ApplicationEventPublisher events, MeterRegistry meters,
            @Value("${gonghui.card.till-writers:1}") int writerCount) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.events = events;
        this.batches = DistributionSummary.builder("gonghui.card.till-commit.redemptions")
                .description("redemptions written per shared commit at the tills").register(meters);
        this.commitTime = Timer.builder("gonghui.card.till-commit.duration")
                .description("one shared commit at the tills: the call, the events, the commit").register(meters);
        if (Till.isPostgres(dataSource)) {
            for (int i = 0; i < writerCount; i++) {
                Thread writer = new Thread(this::write, "till-writer-" + i);
                writer.setDaemon(true);
                writer.start();
                writers.add(writer);
            }
        }
    }

    /** Whether redemptions go through shared commits. */
    boolean enabled() {
        return !writers.isEmpty() && !stopped;
    }

    /**
     * A redemption checked in memory and ready to write: what {@code card_redeem} takes, and what the event needs
     * beyond it; {@code shards}: how many budget shards the campaign has (the writer picks one per batch).
     */
    record Redemption(long cardId, long memberId, String nonce, long minute, long merchantId, String merchantName,
            long outletId, String outletName, String key, String category, long billFen, long discountFen,
            Long discountId, Long campaignId, int perMember, int shards, Instant at, int ym, String by) {
    }

    /** Written (id, masked card number), refused (the refusal's code, see V18_1), or to be redeemed alone. */
    record Outcome(Long id, String masked, String refusal) {
        static final Outcome ALONE = new Outcome(null, null, null);

        boolean alone() {
            return id == null && refusal == null;
        }
    }

    /** Queues the redemption and answers after the commit that holds it (or refuses it, or sends it back alone). */
    Outcome redeem(Redemption redemption) {
        Pending pending = new Pending(redemption, MDC.getCopyOfContextMap(), new CompletableFuture<>());
        queue.add(pending);
        if (stopped) {
            drainAlone();
        }
        return pending.answer.join();
    }

    private void write() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (!stopped) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            List<Outcome> outcomes;
            try {
                long started = System.nanoTime();
                outcomes = commit(batch);
                commitTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                batches.record(batch.size());
            } catch (RuntimeException | Error e) {
                log.warn("shared commit of {} redemptions failed; each is redeemed alone", batch.size(), e);
                outcomes = null;
            }
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).answer.complete(outcomes == null ? Outcome.ALONE : outcomes.get(i));
            }
            batch.clear();
        }
        drainAlone();
    }

    /** The batch in one transaction: one call, the events of what was written, the commit. */
    List<Outcome> commit(List<Pending> batch) {
        return tx.execute(status -> {
            List<Outcome> outcomes = jdbc.execute((ConnectionCallback<List<Outcome>>) c -> call(c, batch));
            Map<String, String> before = MDC.getCopyOfContextMap();
            try {
                for (int i = 0; i < batch.size(); i++) {
                    Outcome o = outcomes.get(i);
                    if (o.id() == null) {
                        continue;
                    }
                    Pending p = batch.get(i);
                    Redemption r = p.redemption();
                    if (p.mdc() == null) {
                        MDC.clear();
                    } else {
                        MDC.setContextMap(p.mdc());
                    }
                    // inside the batch's transaction: a listener's writes commit or roll back with it
                    events.publishEvent(new DiscountRedeemed(o.id(), r.memberId(), r.merchantId(), r.merchantName(),
                            r.outletName(), r.billFen(), r.discountFen(), r.campaignId(), r.at()));
                }
            } finally {
                if (before == null) {
                    MDC.clear();
                } else {
                    MDC.setContextMap(before);
                }
            }
            return outcomes;
        });
    }

    private static List<Outcome> call(Connection c, List<Pending> batch) throws SQLException {
        // one budget shard per campaign for the whole batch, chosen at random: two writers' batches (of this
        // instance or another) seldom hold the same shard's row until their commits
        Map<Long, Integer> shards = new HashMap<>();
        int n = batch.size();
        try (PreparedStatement ps = c.prepareStatement("""
                select ord, redemption_id, masked, refusal from card_redeem_many(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                  ?, ?, ?) order by ord""")) {
            List<Redemption> rs = batch.stream().map(Pending::redemption).toList();
            ps.setArray(1, array(c, "bigint", rs, Redemption::cardId));
            ps.setArray(2, array(c, "bigint", rs, Redemption::memberId));
            ps.setArray(3, array(c, "varchar", rs, Redemption::nonce));
            ps.setArray(4, array(c, "bigint", rs, Redemption::minute));
            ps.setArray(5, array(c, "bigint", rs, Redemption::merchantId));
            ps.setArray(6, array(c, "bigint", rs, Redemption::outletId));
            ps.setArray(7, array(c, "varchar", rs, Redemption::key));
            ps.setArray(8, array(c, "varchar", rs, Redemption::category));
            ps.setArray(9, array(c, "bigint", rs, Redemption::billFen));
            ps.setArray(10, array(c, "bigint", rs, Redemption::discountFen));
            ps.setArray(11, array(c, "bigint", rs, Redemption::discountId));
            ps.setArray(12, array(c, "bigint", rs, Redemption::campaignId));
            ps.setArray(13, array(c, "integer", rs, Redemption::perMember));
            ps.setArray(14, array(c, "integer", rs, r -> r.campaignId() == null ? 0
                    : shards.computeIfAbsent(r.campaignId(), id -> ThreadLocalRandom.current().nextInt(r.shards()))));
            ps.setArray(15, array(c, "timestamptz", rs, r -> r.at().atOffset(ZoneOffset.UTC).toString()));
            ps.setArray(16, array(c, "integer", rs, Redemption::ym));
            ps.setArray(17, array(c, "varchar", rs, Redemption::by));
            List<Outcome> outcomes = new ArrayList<>(n);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    long id = r.getLong(2);
                    outcomes.add(r.wasNull() ? new Outcome(null, null, r.getString(4)) : new Outcome(id, r.getString(3), null));
                }
            }
            if (outcomes.size() != n) {
                throw new IllegalStateException("card_redeem_many answered " + outcomes.size() + " of " + n);
            }
            return outcomes;
        }
    }

    private static Array array(Connection c, String type, List<Redemption> rs, Function<Redemption, Object> field)
            throws SQLException {
        Object[] values = new Object[rs.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = field.apply(rs.get(i));
        }
        return c.createArrayOf(type, values);
    }

    /** After the writers stop, whoever is still queued redeems alone. */
    private void drainAlone() {
        Pending p;
        while ((p = queue.poll()) != null) {
            p.answer.complete(Outcome.ALONE);
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        writers.forEach(Thread::interrupt);
        drainAlone();
    }

    record Pending(Redemption redemption, Map<String, String> mdc, CompletableFuture<Outcome> answer) {
    }
}
