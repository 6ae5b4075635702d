package dev.parley.storage.sqlite;

import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds stored messages to the full-text index, in bulk, on the writer thread. Indexing one row at
 * a time in the append's transaction (a trigger) cost more than the append itself; one
 * {@code INSERT ... SELECT} of thousands of rows in its own transaction costs much less per row,
 * and keeps it off the appends' path.
 *
 * <p>The writer indexes whenever it has no appends waiting, and under sustained load once per
 * interval, at most a batch of rows per transaction so that appends never wait long behind it.
 * Under a load above what appends and indexing together can take, the index falls behind, and
 * catches up once the load drops. {@link #catchUp()} (at close) indexes everything, so a file
 * closed cleanly has a complete index; after a crash, the next open catches up in the background.
 *
 * <p>The high-water mark lives in the database ({@code search_index}) and moves in the
 * transaction that indexes, so the file is always consistent. Only this thread writes the file,
 * so the mark is also kept here. Used by the writer thread only.
 */
final class SearchIndexer {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

    private final WriteStatements statements;
    private final int batch;
    /** Negative: only at close. */
    private final long intervalNanos;
    private final String name;
    private long indexedUpTo;
    /** Whether messages may be stored that are not indexed; unknown, hence true, at start. */
    private boolean behind = true;
    private long lastRun;
    private long retryAt;

    /** @param name the database, for messages */
    SearchIndexer(WriteStatements statements, SqliteOptions options, String name) throws SQLException {
        this.statements = statements;
        this.batch = options.indexBatch();
        Duration interval = options.indexInterval();
        this.intervalNanos = interval == null ? -1 : interval.toNanos();
        this.name = name;
        this.indexedUpTo = statements.indexedUpTo();
        this.lastRun = System.nanoTime();
        this.retryAt = lastRun;
    }

    /** After a commit that stored messages. */
    void appended() {
        behind = true;
    }

    /**
     * With no appends waiting: nanoseconds until it wants the thread, 0 for now, or
     * {@link Long#MAX_VALUE} when it has nothing to do (the index is complete, or indexing is only at close).
     */
    long idleWait(long now) {
        if (!behind || intervalNanos < 0) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, retryAt - now);
    }

    /** Between two batches of appends: whether it is time to catch up by a batch anyway. */
    boolean due(long now) {
        return behind && intervalNanos >= 0 && now - lastRun >= intervalNanos && now - retryAt >= 0;
    }

    /** Indexes up to one batch of messages, in one transaction; false when that failed (it is retried later). */
    boolean indexBatch() {
        long now = System.nanoTime();
        lastRun = now;
        long upTo;
        try {
            upTo = statements.indexEnd(indexedUpTo, batch);
            if (upTo == indexedUpTo) {
                behind = false;
                return true;
            }
            statements.begin();
            statements.index(indexedUpTo, upTo);
            statements.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                statements.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            retryAt = now + Math.max(intervalNanos, 0);
            log.warn("Could not add messages after #{} to the search index of {}; retrying later", indexedUpTo,
                    name, e);
            return false;
        }
        indexedUpTo = upTo;
        return true;
    }

    /** Indexes every message stored so far (at close); false when that failed. */
    boolean catchUp() {
        while (behind) {
            if (!indexBatch()) {
                return false;
            }
        }
        return true;
    }
}
