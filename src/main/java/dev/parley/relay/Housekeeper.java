package dev.parley.relay;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Once a second: drops connections that have not registered in time, pings quiet clients and
 * drops those that do not answer, and closes quit connections that never read their ERROR.
 */
final class Housekeeper implements AutoCloseable {

    private static final long LINGER_NANOS = Duration.ofSeconds(5).toNanos();

    private final RelayContext relay;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("parley-housekeeper").daemon().factory());

    Housekeeper(RelayContext relay) {
        this.relay = relay;
        long period = Math.max(50, Math.min(1000, relay.config().limits().pingTimeout().toMillis() / 4));
        timer.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    void sweep() {
        RelayLimits limits = relay.config().limits();
        long now = System.nanoTime();
        for (Client client : relay.state().connections()) {
            ClientConnection connection = client.connection();
            long quiet = now - client.lastActivityNanos();
            if (!client.isRegistered()) {
                if (now - connection.createdNanos() > limits.registrationTimeout().toNanos()) {
                    connection.quit("Registration timed out");
                }
            } else if (connection.pingSentNanos() != 0) {
                if (now - connection.pingSentNanos() > limits.pingTimeout().toNanos()) {
                    connection.quit("Ping timeout: " + limits.pingTimeout().toSeconds() + " seconds");
                }
            } else if (quiet > limits.pingInterval().toNanos()) {
                connection.markPingSent(now);
            }
        }
        // Quit connections leave the table at once; close the sockets of those that will not drain.
        relay.lingering().removeIf(connection -> {
            if (connection.lingeringLongerThan(LINGER_NANOS, now)) {
                connection.closeSocket();
            }
            return connection.closed().isDone();
        });
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
