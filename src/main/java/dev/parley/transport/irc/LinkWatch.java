package dev.parley.transport.irc;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The dead-link check of one connection, decided from timestamps alone: after {@code interval}
 * with nothing read it asks for a PING; a PING with nothing read for {@code timeout} after it, or a
 * registration not finished within both together, means the link is dead. A server that answers
 * with anything at all (not only PONG) is alive. It keeps no clock of its own, so its rules are
 * tested with made-up times ({@code LinkWatchTest}); the transport asks it every few hundred ms.
 */
final class LinkWatch {

    /** What to do about the link now. */
    sealed interface Verdict {
    }

    /** Nothing: it is alive, or the PING is still out. */
    record Fine() implements Verdict {
    }

    /** Send a PING now (it counts as sent). */
    record Ping() implements Verdict {
    }

    /** Give up on it, for {@code reason} (in the user's status line). */
    record Dead(String reason) implements Verdict {
    }

    private static final Verdict FINE = new Fine();
    private static final Verdict PING = new Ping();

    private final long intervalNanos;
    private final long timeoutNanos;
    private final long openedNanos;
    private boolean pingOut;
    private long pingSentNanos;

    /** @param openedNanos {@link System#nanoTime()} when the connection opened */
    LinkWatch(Duration interval, Duration timeout, long openedNanos) {
        this.intervalNanos = interval.toNanos();
        this.timeoutNanos = timeout.toNanos();
        this.openedNanos = openedNanos;
    }

    /**
     * @param now        {@link System#nanoTime()} now
     * @param lastRead   {@link System#nanoTime()} when the connection last read anything
     * @param registered whether the server has welcomed us
     */
    Verdict check(long now, long lastRead, boolean registered) {
        if (!registered && now - openedNanos >= intervalNanos + timeoutNanos) {
            return new Dead("the server did not finish registration in time");
        }
        if (pingOut && lastRead - pingSentNanos >= 0) {
            pingOut = false; // something came after our PING: alive
        }
        if (!pingOut) {
            if (now - lastRead < intervalNanos) {
                return FINE;
            }
            pingOut = true;
            pingSentNanos = now;
            return PING;
        }
        if (now - pingSentNanos >= timeoutNanos) {
            return new Dead("ping timeout: no answer from the server for " + TimeUnit.NANOSECONDS.toSeconds(now - lastRead) + " s");
        }
        return FINE;
    }
}
