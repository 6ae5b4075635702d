package dev.parley.storage.sqlite;

import java.time.Instant;

/**
 * Instants as the epoch milliseconds the tables hold. Stored times are whole milliseconds, so a
 * bound with a finer time is rounded the way that keeps the comparison exact: a stored time m is
 * before t exactly when m &lt; ceil(t), and after t exactly when m &gt; floor(t).
 */
final class Millis {

    private Millis() {
    }

    /** The millisecond a time is stored at; a time beyond the range of a long is the caller's error. */
    static long stored(Instant time) {
        try {
            return time.toEpochMilli();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("time out of range for millisecond storage: " + time, e);
        }
    }

    /** The largest millisecond not after {@code time}, saturating for times beyond a long's range. */
    static long floor(Instant time) {
        try {
            return time.toEpochMilli();
        } catch (ArithmeticException e) {
            return time.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** The smallest millisecond not before {@code time}, saturating. */
    static long ceil(Instant time) {
        long floor = floor(time);
        boolean fraction = time.getNano() % 1_000_000 != 0;
        return fraction && floor != Long.MAX_VALUE && floor != Long.MIN_VALUE ? floor + 1 : floor;
    }
}
