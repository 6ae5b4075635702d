package dev.parley.storage.sqlite;

import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds stored messages to the full-text index, in bulk, on the writer thread. Indexing one row at
 * a time in the append's transaction (a trigger) cost more than the append itself; one
 * {@code INSERT ... SELECT} of thousands of rows in its own transaction costs a fraction per row
 * (measured: 10 rows per transaction 24 us a row, 100 rows 10 us, 2,000 rows 5 us), and keeps it
 * off the appends' path.
 *
 * <p>When it indexes, at most a batch of rows per transaction, so that appends never wait long
 * behind it:
 * <ul>
 * <li>when the writer has caught up with every append and a full batch is waiting to be indexed:
 *     a light or moderate load is indexed as it comes, in efficient batches;
 * <li>once the oldest message not yet indexed has waited an interval, whatever the load: a message
 *     is searchable within about an interval when the writer has time, and under a sustained load
 *     that keeps appends always waiting, appends come first and the index catches up by one batch
 *     per interval, the rest once the load drops.
 * </ul>
 * {@link #catchUp()} (at close) indexes everything, so a file closed cleanly has a complete index;
 * after a crash, the next open catches up.
 *
 * <p>The high-water mark lives in the database ({@code search_index}) and moves in the
 * transaction that indexes, so the file is always consistent. Only this thread writes the file,
 * so the mark, and how many messages are past it, are also kept here. Used by the writer thread only.
 */
final class SearchIndexer {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

    private final WriteStatements statements;
    private final int batch;
    /** Negative: only at close. */
    private final long intervalNanos;
    private final String name;
    private long indexedUpTo;
    /** Messages stored after {@link #indexedUpTo}. */
    private long pending;
    /** When the oldest of the pending messages was stored, or the last batch indexed if later. */
    private long pendingSince;
    private long retryAt;

    /** @param name the database, for messages */
    SearchIndexer(WriteStatements statements, SqliteOptions options, String name) throws SQLException {
        this.statements = statements;
        this.batch = options.indexBatch();
        Duration interval = options.indexInterval();
        this.intervalNanos = interval == null ? -1 : interval.toNanos();
        this.name = name;
        this.indexedUpTo = statements.indexedUpTo();
        // Left by a crash: due at once.
        this.pending = statements.countAfter(indexedUpTo);
        long now = System.nanoTime();
        this.pendingSince = now - Math.max(intervalNanos, 0);
        this.retryAt = now;
    }

    /** After a commit that stored {@code messages} messages. */
    void appended(int messages, long now) {
        if (pending == 0) {
            pendingSince = now;
        }
        pending += messages;
    }

    /**
     * When the writer has caught up with every append: nanoseconds until it wants the thread, 0 for
     * now, or {@link Long#MAX_VALUE} when it has nothing to do (the index is complete, or indexing
     * is only at close).
     */
    long idleWait(long now) {
        if (pending == 0 || intervalNanos < 0) {
            return Long.MAX_VALUE;
        }
        long wait = pending >= batch ? 0 : pendingSince + intervalNanos - now;
        return Math.max(0, Math.max(wait, retryAt - now));
    }

    /** With appends waiting: whether the oldest pending message has waited an interval, so a batch is due anyway. */
    boolean due(long now) {
        return pending > 0 && intervalNanos >= 0 && now - pendingSince >= intervalNanos && now - retryAt >= 0;
    }

    /**
     * Indexes up to one batch of messages, in one transaction; returns how many, or -1 when that
     * failed (it is retried after an interval).
     */
    int indexBatch() {
        long now = System.nanoTime();
        WriteStatements.IndexRange range;
        try {
            range = statements.nextToIndex(indexedUpTo, batch);
            if (range.count() > 0) {
                statements.begin();
                statements.index(indexedUpTo, range.last());
                statements.commit();
            }
        } catch (SQLException | RuntimeException e) {
            try {
                statements.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            retryAt = now + Math.max(intervalNanos, 0);
            log.warn("Could not add messages after #{} to the search index of {}; retrying later", indexedUpTo,
                    name, e);
            return -1;
        }
        if (range.count() > 0) {
            indexedUpTo = range.last();
        }
        // Only this thread writes, so fewer than asked for means none are left.
        pending = range.count() < batch ? 0 : Math.max(0, pending - range.count());
        pendingSince = now;
        return range.count();
    }

    /** Indexes every message stored so far (at close); false when that failed. */
    boolean catchUp() {
        int indexed;
        do {
            indexed = indexBatch();
        } while (indexed == batch);
        return indexed >= 0;
    }
}
