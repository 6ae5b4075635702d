package dev.parley.ui.fx.chat.bench;

import java.util.Arrays;

/** Durations in nanoseconds, reported in milliseconds; percentiles by nearest rank. Thread-safe. */
final class Samples {

    private long[] values = new long[256];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized int count() {
        return size;
    }

    /** The {@code p}th percentile (0-100) in ms; NaN when empty. */
    synchronized double percentileMs(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * size);
        return sorted[Math.clamp(rank - 1, 0, size - 1)] / 1e6;
    }

    synchronized double maxMs() {
        return percentileMs(100);
    }

    synchronized double sumMs() {
        long sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[i];
        }
        return sum / 1e6;
    }

    /** How many are longer than {@code millis}. */
    synchronized int countOver(double millis) {
        int over = 0;
        for (int i = 0; i < size; i++) {
            if (values[i] / 1e6 > millis) {
                over++;
            }
        }
        return over;
    }
}
