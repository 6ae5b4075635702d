package dev.parley.transport.irc;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Dialing the server, and dialing again later after a failure, for one transport: the TCP
 * connect runs on a virtual thread (it blocks), its outcome comes back on the event thread, and a
 * dial that a later one has replaced is ignored (its socket closed). The wait before the next dial
 * grows with the failures in a row ({@link ReconnectPolicy}) until a registration succeeds.
 * Event thread only, except where said.
 */
final class Redial {

    private final IrcTransportConfig config;
    private final EventThread events;
    /** Numbers the dials: an outcome of any but the latest is stale. */
    private int generation;
    private boolean dialing;
    private int failures;
    private ScheduledFuture<?> retry;

    Redial(IrcTransportConfig config, EventThread events) {
        this.config = config;
        this.events = events;
    }

    /** Whether a TCP connect is in flight. */
    boolean dialing() {
        return dialing;
    }

    /**
     * Starts a TCP connect (a pending dial-again is called off). On the event thread, {@code opened}
     * gets the socket or {@code failed} the reason in the user's words, unless a later dial came first.
     */
    void dial(Consumer<Socket> opened, Consumer<String> failed) {
        cancel();
        int attempt = ++generation;
        dialing = true;
        Thread.ofVirtual().name("parley-irc-connect").start(() -> {
            Socket socket;
            try {
                socket = Dialer.connect(config);
            } catch (IOException | RuntimeException e) {
                String reason = Dialer.reason(e, config);
                events.post(() -> {
                    if (latest(attempt)) {
                        failed.accept(reason);
                    }
                });
                return;
            }
            boolean posted = events.post(() -> {
                if (latest(attempt)) {
                    opened.accept(socket);
                } else {
                    Dialer.closeQuietly(socket);
                }
            });
            if (!posted) {
                Dialer.closeQuietly(socket); // the transport has closed
            }
        });
    }

    private boolean latest(int attempt) {
        if (attempt != generation) {
            return false;
        }
        dialing = false;
        return true;
    }

    /**
     * After a failed dial or a lost link: counts the failure and arranges {@code dialAgain} after
     * the policy's wait for that many failures in a row. Returns the wait, or null when the policy
     * does not reconnect (nothing is arranged).
     */
    Duration later(Runnable dialAgain) {
        ReconnectPolicy policy = config.reconnect();
        if (!policy.enabled()) {
            return null;
        }
        Duration wait = policy.delay(++failures, ThreadLocalRandom.current().nextDouble());
        int attempt = generation;
        cancel();
        retry = events.later(() -> {
            if (attempt == generation && !dialing) {
                dialAgain.run();
            }
        }, wait);
        return wait;
    }

    /** The server registered us: the next failure waits the shortest time again. */
    void succeeded() {
        failures = 0;
    }

    /** Calls off a pending dial-again. */
    void cancel() {
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
    }
}
