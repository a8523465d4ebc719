package org.gonghui.activity;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for the rush: confirmed places that members take at the same moment are stored together, in
 * one transaction with one batched insert, by a few writer threads. A writer takes whatever has queued up while
 * the previous commit ran, so nobody waits for a batch to fill: one registration alone is written at once, a
 * thousand arriving together share a few commits (and the database's fsync, round trips and the activity row's
 * foreign-key lock).
 *
 * <p>Each member is still answered only after the commit that holds their row. A row that a unique index refuses
 * (a second registration of one member, a place held by another instance, a code collision) is left out of the
 * batch while the others are stored; its member stores it on their own, where the usual rules decide. Left out
 * rather than refusing the batch: with several instances, places handed out by two of them at once are common
 * at the end of a rush, and a refused batch cost a string of commits while every member in it waited. If the
 * batch is refused anyway (another constraint) nothing of it was stored: it is split in halves and each
 * committed again, until the refused row is alone. If a commit's outcome is unknown, each member in it is looked
 * up as after a single registration.
 */
@Component
class SharedCommits {

    private static final Logger log = LoggerFactory.getLogger(SharedCommits.class);
    static final int MAX_BATCH = 200;

    private final RegistrationStore store;
    private final TransactionTemplate tx;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private final DistributionSummary batches;
    private volatile boolean stopped;

    SharedCommits(RegistrationStore store, TransactionTemplate tx,
            @Value("${gonghui.activity.commit-writers:2}") int writerCount, MeterRegistry meters) {
        this.store = store;
        this.tx = tx;
        this.batches = DistributionSummary.builder("gonghui.activity.shared-commit.registrations")
                .description("registrations stored per shared commit").register(meters);
        for (int i = 0; i < writerCount; i++) {
            Thread writer = new Thread(this::write, "registration-writer-" + i);
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
    }

    /** Whether registrations go through shared commits (writers configured and running). */
    boolean enabled() {
        return !writers.isEmpty() && !stopped;
    }

    /** How many registrations wait for a writer. */
    int queued() {
        return queue.size();
    }

    /** A confirmed registration to store with others; the answer comes after its commit. */
    Outcome store(ActivityView a, long memberId, int place, ShippingAddress address, Instant now) {
        Pending pending = new Pending(new RegistrationStore.NewPlace(a, memberId, place, address, now),
                new CompletableFuture<>());
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
            try {
                commit(batch);
            } catch (Throwable e) {
                // never leave a member waiting
                batch.forEach(p -> p.answer.complete(Outcome.failed(e instanceof RuntimeException r ? r
                        : new IllegalStateException(e))));
            }
            batch.clear();
        }
        drainAlone();
    }

    private void commit(List<Pending> batch) {
        List<RegistrationStore.NewPlace> rows = batch.stream().map(Pending::row).toList();
        List<Long> ids;
        try {
            ids = tx.execute(s -> store.insertAll(rows));
        } catch (DataIntegrityViolationException e) {
            // refused by a constraint other than the unique indexes (whose refusals leave rows out): nothing of the
            // batch was stored. Halves again, so that one bad row costs a few more commits, not one per member of
            // the batch; the row refused on its own is stored alone by its caller, where the usual rules apply.
            if (batch.size() == 1) {
                batch.get(0).answer.complete(Outcome.ALONE);
            } else {
                commit(batch.subList(0, batch.size() / 2));
                commit(batch.subList(batch.size() / 2, batch.size()));
            }
            return;
        } catch (RuntimeException e) {
            log.warn("shared commit of {} registrations: outcome unknown", batch.size(), e);
            batch.forEach(p -> p.answer.complete(Outcome.failed(e)));
            return;
        }
        batches.record(ids.stream().filter(java.util.Objects::nonNull).count());
        for (int i = 0; i < batch.size(); i++) {
            RegistrationStore.NewPlace r = rows.get(i);
            Long id = ids.get(i);
            batch.get(i).answer.complete(id == null ? Outcome.ALONE
                    : Outcome.stored(RegistrationView.stored(id, r.activity().id(), r.memberId(),
                            RegistrationStatus.CONFIRMED, r.place(), r.now(), r.address())));
        }
    }

    /** After the writers stop, whoever is still queued stores their registration on their own. */
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

    private record Pending(RegistrationStore.NewPlace row, CompletableFuture<Outcome> answer) {
    }

    /** Stored (with the registration), to be stored alone, or failed with the outcome unknown. */
    record Outcome(RegistrationView stored, RuntimeException failure) {
        static final Outcome ALONE = new Outcome(null, null);

        static Outcome stored(RegistrationView view) {
            return new Outcome(view, null);
        }

        static Outcome failed(RuntimeException e) {
            return new Outcome(null, e);
        }
    }
}
