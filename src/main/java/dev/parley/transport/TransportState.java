package dev.parley.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * Where a transport stands, for the status bar and the console.
 *
 * @param phase    connecting, connected, reconnecting or offline
 * @param endpoint where it connects, as people read it ({@code 10.0.0.5:6667}, {@code LAN mesh})
 * @param retryIn  when reconnecting, the wait before the next attempt; else zero
 * @param detail   why, in words, when there is something to say ({@code connection refused}); may be empty
 */
public record TransportState(Phase phase, String endpoint, Duration retryIn, String detail) {

    public enum Phase { CONNECTING, CONNECTED, RECONNECTING, OFFLINE }

    public TransportState {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(retryIn, "retryIn");
        Objects.requireNonNull(detail, "detail");
    }

    public static TransportState of(Phase phase, String endpoint) {
        return new TransportState(phase, endpoint, Duration.ZERO, "");
    }
}
