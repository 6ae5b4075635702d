package dev.parley.storage.sqlite;

import java.time.Duration;

/**
 * Tuning of a {@link SqliteMessageStore}. Production uses {@link #defaults()}; tests shorten the
 * waits to reach the failure paths quickly.
 *
 * @param queueCapacity  appends that may wait for the writer before {@code append} blocks
 * @param maxBatch       most writes in one transaction
 * @param readers        read connections, so that many reads run at once
 * @param busyTimeout    how long SQLite waits for a lock held by another connection
 * @param enqueueTimeout how long {@code append} blocks on a full queue before failing the write
 */
record SqliteOptions(int queueCapacity, int maxBatch, int readers, Duration busyTimeout, Duration enqueueTimeout) {

    SqliteOptions {
        if (queueCapacity < 1 || maxBatch < 1 || readers < 1) {
            throw new IllegalArgumentException("queueCapacity, maxBatch and readers must be positive");
        }
    }

    static SqliteOptions defaults() {
        return new SqliteOptions(16_384, 1_000, 4, Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    SqliteOptions withBusyTimeout(Duration timeout) {
        return new SqliteOptions(queueCapacity, maxBatch, readers, timeout, enqueueTimeout);
    }
}
