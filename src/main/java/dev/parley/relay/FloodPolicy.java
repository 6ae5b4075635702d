package dev.parley.relay;

/**
 * Per-client flood control: a token bucket of {@code burst} lines refilled at {@code linesPerSecond}.
 * A client over its rate is slowed down (its next line is read later), never cut off, so nothing
 * it sent is lost.
 */
public record FloodPolicy(boolean enabled, int burst, double linesPerSecond) {

    public FloodPolicy {
        if (enabled && (burst < 1 || linesPerSecond <= 0)) {
            throw new IllegalArgumentException("flood policy needs burst >= 1 and a positive rate");
        }
    }

    public static FloodPolicy defaults() {
        return new FloodPolicy(true, 20, 10.0);
    }

    public static FloodPolicy off() {
        return new FloodPolicy(false, 1, 1.0);
    }
}
