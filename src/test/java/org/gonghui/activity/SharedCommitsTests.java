package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** Group commit: who shares a commit, and what each member is answered when the shared commit fails. */
class SharedCommitsTests {

    static final ActivityView ACTIVITY = new ActivityView(7, 1, "/1/", "游泳课", ActivityCategory.TRAINING, "", null,
            "place", false, AllocationMode.FIRST_COME, 100, Instant.now().minusSeconds(60),
            Instant.now().plusSeconds(3600), null, 24, Eligibility.everyoneIn("/1/"), null, false, false,
            ActivityStatus.PUBLISHED, null, null, null, null, null, List.of(), false, null, null);

    final RegistrationStore store = mock(RegistrationStore.class);
    final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    SharedCommits commits;

    @AfterEach
    void stop() {
        if (commits != null) {
            commits.stop();
        }
    }

    /** A transaction manager that only counts; the store is a mock. */
    static final class Counting extends AbstractPlatformTransactionManager {
        int commits;
        int rollbacks;

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            commits++;
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            rollbacks++;
        }
    }

    CompletableFuture<SharedCommits.Outcome> submit(long member) {
        return CompletableFuture.supplyAsync(() -> commits.store(ACTIVITY, member, (int) member, null, Instant.now()));
    }

    /**
     * One writer over a store whose first batch (member 1 alone) blocks until members {@code 2..last} have queued;
     * a batch holding {@code refused} fails on a unique index. Returns the answers of members 2..last, in order.
     */
    /** The queued members 2, 3, … were answered: {@code alone} must try on their own, every other is stored. */
    static void onlyMemberTriesAlone(List<CompletableFuture<SharedCommits.Outcome>> waiting, long alone)
            throws Exception {
        for (int i = 0; i < waiting.size(); i++) {
            SharedCommits.Outcome outcome = waiting.get(i).get(10, TimeUnit.SECONDS);
            if (i + 2 == alone) {
                assertThat(outcome).isSameAs(SharedCommits.Outcome.ALONE);
            } else {
                assertThat(outcome.stored().memberId()).isEqualTo(i + 2);
            }
        }
    }

    List<CompletableFuture<SharedCommits.Outcome>> firstAloneThenQueued(Counting tx, long last, long refused)
            throws Exception {
        return firstAloneThenQueued(tx, last, refused, -1);
    }

    /** The same, and the row of {@code leftOut} is left out by a unique index (the others of its batch stored). */
    List<CompletableFuture<SharedCommits.Outcome>> firstAloneThenQueued(Counting tx, long last, long refused,
            long leftOut) throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong ids = new AtomicLong(1000);
        when(store.insertAll(anyList())).thenAnswer(call -> {
            List<RegistrationStore.NewPlace> rows = call.getArgument(0);
            batchSizes.add(rows.size());
            if (batchSizes.size() == 1) {
                firstStarted.countDown();
                assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            }
            if (rows.stream().anyMatch(r -> r.memberId() == refused)) {
                throw new DataIntegrityViolationException("registration_member_id_fkey");
            }
            return rows.stream().map(r -> r.memberId() == leftOut ? null : ids.incrementAndGet()).toList();
        });
        commits = new SharedCommits(store, new TransactionTemplate(tx), 1, new SimpleMeterRegistry());

        var first = submit(1);
        assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<SharedCommits.Outcome>> waiting = new ArrayList<>();
        for (long m = 2; m <= last; m++) {
            waiting.add(submit(m));
        }
        for (int i = 0; i < 500 && commits.queued() < last - 1; i++) {
            Thread.sleep(10);
        }
        assertThat(commits.queued()).isEqualTo(last - 1);
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).stored().memberId()).isEqualTo(1);
        return waiting;
    }

    @Test
    void whatQueuesDuringACommitSharesTheNextOneAndEachMemberGetsTheirOwnRow() throws Exception {
        Counting tx = new Counting();
        List<CompletableFuture<SharedCommits.Outcome>> waiting = firstAloneThenQueued(tx, 6, -1);

        List<Long> members = new ArrayList<>();
        List<Long> rowIds = new ArrayList<>();
        for (var w : waiting) {
            RegistrationView stored = w.get(10, TimeUnit.SECONDS).stored();
            assertThat(stored.placeNo()).isEqualTo((int) stored.memberId());
            assertThat(stored.status()).isEqualTo(RegistrationStatus.CONFIRMED);
            members.add(stored.memberId());
            rowIds.add(stored.id());
        }
        // one commit for the first, one shared by the five that queued meanwhile, each with its own id
        assertThat(batchSizes).containsExactly(1, 5);
        assertThat(tx.commits).isEqualTo(2);
        assertThat(members).containsExactlyInAnyOrder(2L, 3L, 4L, 5L, 6L);
        assertThat(rowIds).doesNotHaveDuplicates().allMatch(id -> id > 1001);
    }

    @Test
    void aBatchRefusedByAnotherConstraintIsHalvedUntilTheRefusedRowIsAloneAndOnlyItsMemberTriesAlone()
            throws Exception {
        Counting tx = new Counting();
        List<CompletableFuture<SharedCommits.Outcome>> waiting = firstAloneThenQueued(tx, 9, 5);

        onlyMemberTriesAlone(waiting, 5);
        // the 8 refused; of its halves of 4, 2 and 1, the one holding member 5 refused each time, the other stored
        assertThat(batchSizes).containsExactlyInAnyOrder(1, 8, 4, 4, 2, 2, 1, 1);
        assertThat(tx.rollbacks).isEqualTo(4);
        assertThat(tx.commits).isEqualTo(4);
    }

    @Test
    void aRowLeftOutByAUniqueIndexIsTriedAloneWhileTheRestOfTheBatchSharesOneCommit() throws Exception {
        Counting tx = new Counting();
        List<CompletableFuture<SharedCommits.Outcome>> waiting = firstAloneThenQueued(tx, 9, -1, 5);

        onlyMemberTriesAlone(waiting, 5);
        // the place held by another instance costs its member a try alone, and the other seven nothing
        assertThat(batchSizes).containsExactly(1, 8);
        assertThat(tx.commits).isEqualTo(2);
        assertThat(tx.rollbacks).isZero();
    }

    @Test
    void aCommitWithAnUnknownOutcomeIsReportedToEveryoneInIt() throws Exception {
        var lost = new DataAccessResourceFailureException("connection reset");
        when(store.insertAll(anyList())).thenThrow(lost);
        commits = new SharedCommits(store, new TransactionTemplate(new Counting()), 1, new SimpleMeterRegistry());

        assertThat(submit(4).get(10, TimeUnit.SECONDS).failure()).isSameAs(lost);
    }

    @Test
    void withoutWritersNothingIsShared() {
        commits = new SharedCommits(store, new TransactionTemplate(new Counting()), 0, new SimpleMeterRegistry());
        assertThat(commits.enabled()).isFalse();
    }
}
