package org.gonghui.activity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The free places of one first-come activity in memory, split by its {@link QuotaPlan}: one {@link NumberPool}
 * per quota (its range of place numbers) and one for the common pool. A member takes from their own quota
 * first, then from the common pool; once the quotas are released, from any quota. Without quotas this is a
 * single pool of 1..capacity.
 */
final class ActivityPlaces {

    private static final long POLL_MILLIS = 2;

    private final int capacity;
    private final QuotaPlan plan;
    private final List<NumberPool> quotaPools;
    private final NumberPool common;
    private final AtomicBoolean learning = new AtomicBoolean();

    ActivityPlaces(int capacity, QuotaPlan plan, Collection<Integer> taken) {
        this.capacity = capacity;
        this.plan = plan;
        this.quotaPools = new ArrayList<>();
        boolean[] inQuota = new boolean[capacity + 1];
        for (PlaceQuota q : plan.quotas()) {
            quotaPools.add(new NumberPool(q.firstPlace(), Math.min(capacity, q.lastPlace()), taken));
            for (int n = q.firstPlace(); n <= Math.min(capacity, q.lastPlace()); n++) {
                inQuota[n] = true;
            }
        }
        // the common pool: the places in no quota (quotas are laid out from place 1, so the rest is one range)
        int firstCommon = 1;
        while (firstCommon <= capacity && inQuota[firstCommon]) {
            firstCommon++;
        }
        this.common = new NumberPool(firstCommon, capacity, taken);
    }

    int capacity() {
        return capacity;
    }

    QuotaPlan plan() {
        return plan;
    }

    boolean hasQuotas() {
        return !plan.isEmpty();
    }

    /**
     * A free place for a member of {@code memberPath}, or -1 when none of the places they may hold is left.
     * Waits up to {@code waitMillis} while such places are in flight. The caller must {@link #stored} or
     * {@link #give} it.
     */
    int take(String memberPath, Instant now, long waitMillis) {
        if (quotaPools.isEmpty()) {
            return common.take(waitMillis);
        }
        List<NumberPool> order = poolsFor(memberPath, now);
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        while (true) {
            boolean waiting = false;
            for (NumberPool pool : order) {
                int n = pool.take(0);
                if (n > 0) {
                    return n;
                }
                waiting |= !pool.isFull();
            }
            if (!waiting || System.nanoTime() > deadline) {
                return -1;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
    }

    /** Every place is held by a stored row: the fast refusal, without knowing who asks. */
    boolean isFull() {
        if (!common.isFull()) {
            return false;
        }
        for (NumberPool pool : quotaPools) {
            if (!pool.isFull()) {
                return false;
            }
        }
        return true;
    }

    /** Every place this member may hold now is held by a stored row. */
    boolean isFullFor(String memberPath, Instant now) {
        return poolsFor(memberPath, now).stream().allMatch(NumberPool::isFull);
    }

    /** The taken place is now held by a stored row. */
    void stored(int n) {
        poolOf(n).stored();
    }

    /** A taken place that was not stored after all. */
    void give(int n) {
        poolOf(n).give(n);
    }

    /** A place freed by a cancellation. */
    void release(int n) {
        poolOf(n).release(n);
    }

    /**
     * Place {@code clashed}, handed out here, was found held by another instance: learn the places stored (read by
     * {@code stored}, unless another thread is reading them already) and go on from a random free place of that
     * place's pool.
     */
    void takenElsewhere(int clashed, java.util.function.Supplier<Collection<Integer>> stored) {
        if (learning.compareAndSet(false, true)) {
            try {
                Collection<Integer> taken = stored.get();
                quotaPools.forEach(pool -> pool.learnTaken(taken));
                common.learnTaken(taken);
            } finally {
                learning.set(false);
            }
        }
        poolOf(clashed).scatter();
    }

    /** Every pool of the activity goes on from a random free place (see {@link NumberPool#scatter}). */
    void scatter() {
        quotaPools.forEach(NumberPool::scatter);
        common.scatter();
    }

    int available() {
        int sum = common.available();
        for (NumberPool pool : quotaPools) {
            sum += pool.available();
        }
        return sum;
    }

    /** How many places a member of {@code memberPath} could take now. */
    int availableFor(String memberPath, Instant now) {
        return poolsFor(memberPath, now).stream().mapToInt(NumberPool::available).sum();
    }

    /** Free places of each quota, in the plan's order, as the gate sees them. */
    List<Integer> availableByQuota() {
        return quotaPools.stream().map(NumberPool::available).toList();
    }

    int availableInCommon() {
        return common.available();
    }

    private List<NumberPool> poolsFor(String memberPath, Instant now) {
        List<NumberPool> order = new ArrayList<>(quotaPools.size() + 1);
        boolean released = plan.releasedAt(now);
        for (int i = 0; i < quotaPools.size(); i++) {
            if (plan.quotas().get(i).covers(memberPath)) {
                order.add(quotaPools.get(i));
            }
        }
        order.add(common);
        if (released) {
            for (int i = 0; i < quotaPools.size(); i++) {
                if (!plan.quotas().get(i).covers(memberPath)) {
                    order.add(quotaPools.get(i));
                }
            }
        }
        return order;
    }

    private NumberPool poolOf(int n) {
        for (NumberPool pool : quotaPools) {
            if (pool.contains(n)) {
                return pool;
            }
        }
        return common;
    }
}
