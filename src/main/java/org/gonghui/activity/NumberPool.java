package org.gonghui.activity;

import java.util.BitSet;
import java.util.Collection;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The free numbers 1..capacity (or a range of them) of one activity's places (or one offer's vouchers), kept in memory. Taking a
 * number is the admission gate in front of the database: once every number is stored the answer is "full"
 * without a round trip. While numbers are in flight (taken, not yet stored or given back) a newcomer waits
 * briefly for their outcome rather than being told "full" too early.
 *
 * <p>The database stays the judge — a number is held only by a stored row, under a unique index — so a stale
 * pool can cause a retry but never an oversell.
 *
 * <p>Numbers are handed out in order from the lowest free one. Several instances each keep a pool of the same
 * numbers and would all start at the same place, racing for the same numbers and learning each time from a
 * refused insert. So when a number is found held elsewhere the pool learns what is stored ({@link #learnTaken})
 * and goes on from a free number picked at random ({@link #scatter}): the instances then work through different
 * parts of the range and meet again only where those parts end.
 */
final class NumberPool {

    private final int first;
    private final int last;
    private final BitSet free;
    private int cursor;
    private volatile int available;
    private volatile int inFlight;

    NumberPool(int capacity, Collection<Integer> taken) {
        this(1, capacity, taken);
    }

    /** The numbers {@code first..last} (an empty pool when {@code last < first}) less those taken. */
    NumberPool(int first, int last, Collection<Integer> taken) {
        this.first = first;
        this.last = Math.max(first - 1, last);
        this.free = new BitSet(this.last + 1);
        free.set(first, this.last + 1);
        for (Integer n : taken) {
            if (n != null && contains(n)) {
                free.clear(n);
            }
        }
        this.available = free.cardinality();
        this.cursor = first;
    }

    boolean contains(int n) {
        return n >= first && n <= last;
    }

    /**
     * A free number, or -1 when none is left. When all free numbers are in flight, waits up to
     * {@code waitMillis} for one to come back. The caller must {@link #stored} or {@link #give} it.
     */
    synchronized int take(long waitMillis) {
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        while (available == 0 && inFlight > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return -1;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        if (available == 0) {
            return -1;
        }
        int n = free.nextSetBit(cursor);
        if (n < 0) {
            n = free.nextSetBit(first);
        }
        free.clear(n);
        available--;
        inFlight++;
        cursor = n + 1;
        return n;
    }

    /** The taken number is now held by a stored row. */
    synchronized void stored() {
        if (inFlight > 0) {
            inFlight--;
        }
        notifyAll();
    }

    /** A taken number that was not stored after all. */
    synchronized void give(int n) {
        if (inFlight > 0) {
            inFlight--;
        }
        release(n);
    }

    /** A number freed by a cancellation (not taken from this pool). */
    synchronized void release(int n) {
        if (contains(n) && !free.get(n)) {
            free.set(n);
            available++;
            if (n < cursor) {
                cursor = n;
            }
        }
        notifyAll();
    }

    /**
     * Numbers held by stored rows, as read from the database (stored by another instance): no longer free here.
     * Numbers this pool has handed out and not yet seen stored or given back stay in flight.
     */
    synchronized void learnTaken(Collection<Integer> taken) {
        for (Integer n : taken) {
            if (n != null && contains(n) && free.get(n)) {
                free.clear(n);
                available--;
            }
        }
        notifyAll();
    }

    /**
     * Another instance hands out numbers of this pool too: go on from a free number picked at random (each free
     * number equally likely), away from where the other is most likely working.
     */
    synchronized void scatter() {
        if (available == 0) {
            return;
        }
        int skip = ThreadLocalRandom.current().nextInt(available);
        int n = free.nextSetBit(first);
        for (int i = 0; i < skip && n >= 0; i++) {
            n = free.nextSetBit(n + 1);
        }
        cursor = n < 0 ? first : n;
    }

    /** Every number is stored: the fast refusal, read without locking. */
    boolean isFull() {
        return available == 0 && inFlight == 0;
    }

    int available() {
        return available;
    }

    /** How many numbers the pool covers. */
    int capacity() {
        return last - first + 1;
    }
}
