package dev.parley.relay;

import java.util.function.LongSupplier;

/**
 * A token bucket for one client's lines. {@link #delayNanos()} takes one token and says how long
 * the command runner should wait before handling the line: 0 within the burst, then the time until
 * the bucket refills. The runner waits, its connection stops reading once its input queue is full,
 * and TCP pushes back on the flooder: nothing is dropped. Time comes from a supplier so tests need
 * no clock. Used by one thread at a time (the loop thread while the connection's runner is idle, else
 * the runner): not thread-safe.
 */
public final class FloodGate {

    private final FloodPolicy policy;
    private final LongSupplier nanoTime;
    private final double nanosPerToken;
    private double tokens;
    private long lastRefill;

    public FloodGate(FloodPolicy policy, LongSupplier nanoTime) {
        this.policy = policy;
        this.nanoTime = nanoTime;
        this.nanosPerToken = 1e9 / policy.linesPerSecond();
        this.tokens = policy.burst();
        this.lastRefill = nanoTime.getAsLong();
    }

    public long delayNanos() {
        if (!policy.enabled()) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        tokens = Math.min(policy.burst(), tokens + (now - lastRefill) / nanosPerToken);
        lastRefill = now;
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens * nanosPerToken);
    }
}
