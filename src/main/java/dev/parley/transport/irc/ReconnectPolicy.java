package dev.parley.transport.irc;

import java.time.Duration;
import java.util.Objects;

/**
 * When to try again after the link is lost: exponential backoff with jitter.
 *
 * <pre>
 *   attempt n (1, 2, ...):  base = min(maxDelay, initialDelay * factor^(n-1))
 *                           wait = base * (1 + jitter * u),  u uniform in [-1, 1)
 * </pre>
 * With the defaults: about 1 s, 2 s, 4 s ... up to 60 s, each ±20%, so that a room full of
 * clients does not come back in the same millisecond after the relay restarts.
 *
 * @param enabled      false: a lost link goes OFFLINE and stays there
 * @param initialDelay the first wait
 * @param maxDelay     the longest wait before jitter
 * @param factor       growth per failed attempt, at least 1
 * @param jitter       spread as a fraction of the wait, 0 to 1
 */
public record ReconnectPolicy(boolean enabled, Duration initialDelay, Duration maxDelay, double factor, double jitter) {

    public ReconnectPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay");
        }
        if (!(factor >= 1) || !(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("need factor >= 1 and 0 <= jitter <= 1");
        }
    }

    /** 1 s, doubling, at most 60 s, ±20%. */
    public static ReconnectPolicy defaults() {
        return new ReconnectPolicy(true, Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0, 0.2);
    }

    /** Never reconnect by itself ({@link dev.parley.transport.Transport#reconnectNow} still works). */
    public static ReconnectPolicy disabled() {
        return new ReconnectPolicy(false, Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0, 0.2);
    }

    /** Same curve, other bounds: for tests and for impatient LAN setups. */
    public ReconnectPolicy withDelays(Duration initial, Duration max) {
        return new ReconnectPolicy(enabled, initial, max, factor, jitter);
    }

    /**
     * The wait before attempt {@code attempt} (1 for the first retry).
     *
     * @param random uniform in [0, 1): where in the jitter band this wait falls
     */
    public Duration delay(int attempt, double random) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1");
        }
        double base = initialDelay.toMillis() * Math.pow(factor, Math.min(attempt - 1, 64));
        base = Math.min(base, maxDelay.toMillis());
        double spread = jitter * (2 * random - 1);
        return Duration.ofMillis(Math.max(0, Math.round(base * (1 + spread))));
    }
}
