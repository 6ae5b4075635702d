package dev.parley.storage.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the write-ahead log into the database file from its own thread and connection, so that
 * the writer's commits do not. SQLite otherwise checkpoints inside the commit that takes the log
 * past 1000 pages: measured, that was about a third of the writer's time per append and its
 * longest stalls (a checkpoint syncs the log and the database file). A passive checkpoint runs
 * alongside the writer and the readers, waiting for neither.
 *
 * <p>The log starts again from its beginning at the first commit after a checkpoint has copied
 * all of it. Under a sustained load, commits follow each other too closely for that, so the writer
 * keeps a checkpoint of its own at a higher threshold (see {@link Connections#writer}), which bounds
 * the log: by then this thread has copied nearly all of it, and the writer's checkpoint has only the
 * last frames left.
 *
 * <p>When: once the interval has passed and enough was stored, at the end of the writer's next
 * batch, so that the checkpoint's first stretch of work (its sync starts writing the log, kernel
 * work the writer cannot preempt) falls in the pause after a batch's deliveries rather than across
 * the next message. Otherwise at the longest interval on its own, for the last writes.
 */
final class Checkpointer implements AutoCloseable {

    static final String THREAD_NAME = "parley-store-checkpoint";

    /**
     * At most how often it checkpoints (see {@link #MIN_APPENDS}). Short, because each
     * checkpoint syncs the log first and the writer's appends to the log stall while it does: the
     * less there is to sync, the shorter the stall (measured, docs/BENCHMARKS.md: relay p99 at 50
     * subscribers 1.26 -> 0.92 ms from 100 to 40 ms; 250 ms and 1 s were worse).
     */
    static final Duration INTERVAL = Duration.ofMillis(40);

    /**
     * Appends since the last checkpoint below which a due checkpoint waits (up to
     * {@link #MAX_INTERVAL}). Each checkpoint that copies all of the log makes the next commit
     * start it again, and that commit syncs the new log header first: at 500 messages a second,
     * with a checkpoint every 40 ms, one message in twenty waited for that sync. About 300 log
     * pages: at 2,000 messages a second still every 40 ms, at 500 every 120 ms.
     */
    static final int MIN_APPENDS = 60;

    /** The longest a stored message waits to be copied into the database file, at any rate. */
    static final Duration MAX_INTERVAL = Duration.ofSeconds(1);

    /** The log size, in pages, at which the writer checkpoints itself (SQLite's default is 1000). */
    static final int WRITER_BACKSTOP_PAGES = 10_000;

    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);

    private final Connection connection;
    private final long intervalNanos;
    private final long maxIntervalNanos;
    private final LongSupplier clock;
    private final String name;
    private final Thread thread;
    /** The clock's time when the last checkpoint began (or the thread was made): the next is due an interval later. */
    private volatile long lastNanos;
    /** Appends since the last checkpoint began; only the writer thread adds, only this thread resets. */
    private volatile int appendsSince;
    private volatile boolean stopping;

    /** @param name the database, for messages */
    Checkpointer(Connection connection, String name) {
        this(connection, name, INTERVAL, MAX_INTERVAL, System::nanoTime);
    }

    /** With other intervals and clock ({@link System#nanoTime} in production), for tests. */
    Checkpointer(Connection connection, String name, Duration interval, Duration maxInterval, LongSupplier nanoClock) {
        this.connection = connection;
        this.intervalNanos = interval.toNanos();
        this.maxIntervalNanos = maxInterval.toNanos();
        this.clock = nanoClock;
        this.lastNanos = nanoClock.getAsLong();
        this.name = name;
        this.thread = Thread.ofPlatform().name(THREAD_NAME).daemon(true).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    private void run() {
        // Its timer must not take the processor from the writer mid-batch: measured, most of the
        // writer's waits over 0.2 ms at 2,000 messages a second were behind a checkpoint.
        BackgroundPriority.deferCurrentThread();
        try (Statement statement = connection.createStatement()) {
            while (!stopping) {
                // Woken by batchDone once due; failing that, at the longest interval (few or no writes).
                LockSupport.parkNanos(lastNanos + maxIntervalNanos - clock.getAsLong());
                if (stopping) {
                    return;
                }
                long now = clock.getAsLong();
                if (!due(appendsSince, now) && now - (lastNanos + maxIntervalNanos) < 0) {
                    continue; // a spurious wake-up
                }
                appendsSince = 0;
                lastNanos = now; // from now on, batchDone has nothing to wake
                try (ResultSet ignored = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
                    // busy, log frames, checkpointed frames: nothing to act on.
                } catch (SQLException e) {
                    log.debug("A checkpoint of {} failed; the next one will try again", name, e);
                }
            }
        } catch (SQLException e) {
            log.warn("The checkpoint thread of {} stopped; the writer checkpoints on its own", name, e);
        }
    }

    /**
     * From the writer thread, at the end of each batch, with the messages it stored: starts a
     * checkpoint if one is due. Costs a clock read; the checkpoint thread, a batch thread, runs
     * once the writer waits.
     */
    void batchDone(int appended) {
        int appends = appendsSince + appended; // a reset racing this only brings the next checkpoint forward
        appendsSince = appends;
        if (due(appends, clock.getAsLong())) {
            LockSupport.unpark(thread);
        }
    }

    /** Enough stored, and an interval since the last checkpoint began. */
    private boolean due(int appends, long now) {
        return appends >= MIN_APPENDS && now - (lastNanos + intervalNanos) >= 0;
    }

    /** Stops the thread, waiting for a checkpoint under way, then closes its connection. */
    @Override
    public void close() throws SQLException {
        stopping = true;
        Threads.wakeAndAwait(thread);
        connection.close();
    }
}
