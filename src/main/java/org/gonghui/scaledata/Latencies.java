package org.gonghui.scaledata;

import java.util.Arrays;

/** Measured durations of one benchmark case, in nanoseconds, and their order statistics. */
final class Latencies {

    private final long[] nanos;
    private int count;

    Latencies(int capacity) {
        this.nanos = new long[capacity];
    }

    void add(long duration) {
        nanos[count++] = duration;
    }

    int count() {
        return count;
    }

    /** The value below which {@code fraction} of the measurements lie (nearest rank). */
    double percentileMillis(double fraction) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(fraction * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }

    double medianMillis() {
        return percentileMillis(0.5);
    }

    double maxMillis() {
        return percentileMillis(1.0);
    }
}
