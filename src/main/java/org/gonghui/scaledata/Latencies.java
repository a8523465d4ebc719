package org.gonghui.scaledata;

import java.util.Arrays;

/** Measured calls of one benchmark case: their durations in nanoseconds, order statistics, rows found. */
final class Latencies {

    private final long[] nanos;
    private int count;
    private long rows;

    Latencies(int capacity) {
        this.nanos = new long[capacity];
    }

    void add(long duration, int rowsFound) {
        nanos[count++] = duration;
        rows += rowsFound;
    }

    double averageRows() {
        return count == 0 ? 0 : rows / (double) count;
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
