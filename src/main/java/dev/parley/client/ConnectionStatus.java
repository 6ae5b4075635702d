package dev.parley.client;

import dev.parley.transport.TransportState;
import java.time.Duration;
import java.util.Objects;

/**
 * What the status bar shows: where, in what state, as whom, and how many messages wait. A face
 * puts it in words itself, in its own language (the desktop app's {@code MainViewModel}).
 *
 * @param phase    connecting, connected, reconnecting or offline
 * @param endpoint where ({@code 10.0.0.5:6667}, or the LAN mesh in the service's language), empty when never connected
 * @param nick     the nick in use, empty before registration
 * @param retryIn  when reconnecting, the wait before the next attempt
 * @param detail   why, when there is something to say
 * @param pending  messages typed and not yet confirmed by the network
 */
public record ConnectionStatus(TransportState.Phase phase, String endpoint, String nick, Duration retryIn, String detail,
                               int pending) {

    public ConnectionStatus {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(nick, "nick");
        Objects.requireNonNull(retryIn, "retryIn");
        Objects.requireNonNull(detail, "detail");
    }

    public static ConnectionStatus offline() {
        return new ConnectionStatus(TransportState.Phase.OFFLINE, "", "", Duration.ZERO, "", 0);
    }

    public boolean connected() {
        return phase == TransportState.Phase.CONNECTED;
    }

    /** Trying to reach the endpoint for the first time. */
    public boolean connecting() {
        return phase == TransportState.Phase.CONNECTING;
    }

    /** Offline with a reason (refused, given up, nothing to connect with, quit): no retry comes by itself. */
    public boolean stopped() {
        return phase == TransportState.Phase.OFFLINE && !detail.isEmpty();
    }

    /** Lost the link and waiting {@link #retryIn} to try again. */
    public boolean reconnecting() {
        return phase == TransportState.Phase.RECONNECTING;
    }
}
