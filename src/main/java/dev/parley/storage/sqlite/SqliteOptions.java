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
 * @param indexBatch     most messages added to the search index in one transaction; the indexer
 *                       also starts as soon as this many are stored (see {@link SearchIndexer})
 * @param indexInterval  how often the indexer indexes what was stored since, and so about how
 *                       long a stored message waits to be searchable, or to be retried after a
 *                       failure; {@code null}: only at close (tests, to see a lagging index)
 */
record SqliteOptions(int queueCapacity, int maxBatch, int readers, Duration busyTimeout, Duration enqueueTimeout,
                     int indexBatch, Duration indexInterval) {

    SqliteOptions {
        if (queueCapacity < 1 || maxBatch < 1 || readers < 1 || indexBatch < 1) {
            throw new IllegalArgumentException("queueCapacity, maxBatch, readers and indexBatch must be positive");
        }
    }

    static SqliteOptions defaults() {
        return new SqliteOptions(16_384, 1_000, 4, Duration.ofSeconds(5), Duration.ofSeconds(10),
                2_000, Duration.ofMillis(250));
    }

    SqliteOptions withBusyTimeout(Duration timeout) {
        return new SqliteOptions(queueCapacity, maxBatch, readers, timeout, enqueueTimeout, indexBatch, indexInterval);
    }

    /** Search indexing only at close, so that the index lags every append until then. */
    SqliteOptions indexingOnlyAtClose() {
        return new SqliteOptions(queueCapacity, maxBatch, readers, busyTimeout, enqueueTimeout, indexBatch, null);
    }

    SqliteOptions withIndexBatch(int rows) {
        return new SqliteOptions(queueCapacity, maxBatch, readers, busyTimeout, enqueueTimeout, rows, indexInterval);
    }
}
