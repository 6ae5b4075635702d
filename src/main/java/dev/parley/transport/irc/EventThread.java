package dev.parley.transport.irc;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport's one event thread, where all its protocol state lives and every listener call
 * happens, and the timer thread that only hands work to it (reconnect waits, the dead-link
 * check). A task that throws is logged and the thread carries on with the next.
 */
final class EventThread {

    private static final Logger log = LoggerFactory.getLogger(EventThread.class);

    private final String endpoint;
    private final ExecutorService events =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().name("parley-irc-events").daemon().factory());
    private final ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("parley-irc-timer").daemon().factory());

    /** @param endpoint the server, for log lines */
    EventThread(String endpoint) {
        this.endpoint = endpoint;
    }

    /** Queues work for the event thread; false when {@link #shutdown} came first. */
    boolean post(Runnable task) {
        try {
            events.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("IRC transport {}: a task failed", endpoint, e);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /**
     * Runs {@code task} on the event thread after {@code delay}; null when {@link #shutdown} has
     * already stopped the timer (a task queued before it may still run after it).
     */
    ScheduledFuture<?> later(Runnable task, Duration delay) {
        try {
            return timers.schedule(() -> post(task), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    /** Runs {@code task} on the event thread every {@code period}, from one period on. */
    void every(Runnable task, Duration period) {
        long millis = period.toMillis();
        timers.scheduleWithFixedDelay(() -> post(task), millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Takes no more work: what is queued still runs; the timer stops at once. */
    void shutdown() {
        events.shutdown();
        timers.shutdownNow();
    }
}
