import java.util.Arrays;

/**
 * Log-linear latency histogram over non-negative nanosecond values, allocation free when recording.
 *
 * <p>Values below 128 get one bucket each; above that each power of two is split into 64 buckets,
 * so a reported value is at most 1/64 (1.6 %) above the true one. {@link #valueAtPercentile}
 * returns the highest value of the bucket holding the requested rank, capped at the exact maximum.
 */
final class Histogram {
    private static final int SUB = 64;
    private static final int LINEAR = 2 * SUB; // 0..127 exact
    private static final int BUCKETS = LINEAR + 57 * SUB;

    private final long[] counts = new long[BUCKETS];
    private long total;
    private long max = Long.MIN_VALUE;
    private long min = Long.MAX_VALUE;
    private long sum;

    static int index(long v) {
        if (v < LINEAR) {
            return (int) v;
        }
        int msb = 63 - Long.numberOfLeadingZeros(v); // >= 7
        int shift = msb - 6;                           // >= 1
        int top = (int) (v >>> shift);                 // 64..127
        return LINEAR + (shift - 1) * SUB + (top - SUB);
    }

    /** Highest value that maps to bucket {@code idx}. */
    static long highestInBucket(int idx) {
        if (idx < LINEAR) {
            return idx;
        }
        int shift = (idx - LINEAR) / SUB + 1;
        long top = (idx - LINEAR) % SUB + SUB;
        return ((top + 1) << shift) - 1;
    }

    void record(long v) {
        if (v < 0) {
            v = 0; // clock read on another core can be a hair behind; never negative latency
        }
        counts[index(v)]++;
        total++;
        sum += v;
        if (v > max) {
            max = v;
        }
        if (v < min) {
            min = v;
        }
    }

    long count() {
        return total;
    }

    long max() {
        return total == 0 ? 0 : max;
    }

    long min() {
        return total == 0 ? 0 : min;
    }

    double mean() {
        return total == 0 ? 0 : (double) sum / total;
    }

    /** Smallest recorded bucket value v such that at least p percent of the values are <= v. */
    long valueAtPercentile(double p) {
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(p / 100.0 * total);
        if (rank < 1) {
            rank = 1;
        }
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(highestInBucket(i), max);
            }
        }
        return max;
    }

    void reset() {
        Arrays.fill(counts, 0);
        total = 0;
        sum = 0;
        max = Long.MIN_VALUE;
        min = Long.MAX_VALUE;
    }
}
