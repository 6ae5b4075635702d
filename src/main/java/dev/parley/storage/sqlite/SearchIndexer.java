package dev.parley.storage.sqlite;

import dev.parley.storage.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds stored messages to the full-text index, in bulk, from a thread and a file of its own
 * ({@value SqliteMessageStore#SEARCH_FILE_NAME}), at the lowest CPU priority. Indexing one row at a
 * time in the append's transaction (a trigger) cost more than the append itself; one
 * {@code INSERT ... SELECT} of thousands of rows costs a fraction per row (measured: 10 rows per
 * transaction 24 us a row, 100 rows 10 us, 2,000 rows 5 us). In the messages file, such a
 * transaction held its one write lock for milliseconds, which every append waited out; here the
 * appends never wait for it, and it only reads the messages file.
 *
 * <p>When it indexes: every interval, everything stored since, a batch per transaction; sooner
 * when the writer has stored a whole batch. So a message is searchable about an interval after it
 * is stored when the processor has time; under a load that leaves none, the index falls behind and
 * catches up when the load drops. {@link #close()} indexes everything, so a store closed cleanly has
 * a complete index; after a crash, the next open catches up.
 *
 * <p>The high-water mark lives in the search file and moves in the transaction that indexes, so the
 * file is always consistent. It also names the messages file it indexes (its token): an index found
 * next to another messages file, or ahead of it, is emptied and built again.
 */
final class SearchIndexer implements AutoCloseable {

    static final String THREAD_NAME = "parley-store-search";

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;

    private final Connection connection;
    private final IndexStatements statements;
    private final int batch;
    /** Negative: only at close. */
    private final long intervalNanos;
    private final String name;
    private final Thread thread;
    private volatile boolean stopping;
    /** Only this thread's, after the constructor. */
    private long indexedUpTo;
    /** Only this thread's: the last attempt failed (a full disk fails every one; it is logged once). */
    private boolean failing;
    /** Only the writer thread's: messages stored since it last woke this thread. */
    private int storedSinceWake;

    /**
     * @param connection the search file, with the messages file attached as {@code store} (see
     *                   {@link Connections#indexer}); closed by {@link #close()}
     * @param name       the database, for messages
     */
    private SearchIndexer(Connection connection, SqliteOptions options, String name) throws SQLException {
        this.connection = connection;
        this.statements = new IndexStatements(connection);
        this.batch = options.indexBatch();
        Duration interval = options.indexInterval();
        this.intervalNanos = interval == null ? -1 : interval.toNanos();
        this.name = name;
        try {
            this.indexedUpTo = checkMark();
        } catch (SQLException e) {
            statements.close();
            throw e;
        }
        this.thread = Thread.ofPlatform().name(THREAD_NAME).daemon(true).unstarted(this::run);
    }

    /**
     * Opens the index of {@code db} in {@code searchDb}. The index is only derived data: a search
     * file that cannot be read (damaged, or written by a newer Parley) is deleted and built again
     * from the messages, rather than keeping the store from opening.
     */
    static SearchIndexer open(Path searchDb, Path db, SqliteOptions options) throws SQLException {
        try {
            return openOnce(searchDb, db, options);
        } catch (SQLException | StoreException e) {
            if (!unreadable(e)) {
                throw e;
            }
            log.warn("The search index {} cannot be read ({}); building it again from the messages", searchDb,
                    e.getMessage());
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                try {
                    Files.deleteIfExists(Path.of(searchDb + suffix));
                } catch (IOException deleteFailed) {
                    e.addSuppressed(deleteFailed);
                    throw e;
                }
            }
            return openOnce(searchDb, db, options);
        }
    }

    private static SearchIndexer openOnce(Path searchDb, Path db, SqliteOptions options) throws SQLException {
        Connection connection = Connections.indexer(searchDb, db, options);
        try {
            return new SearchIndexer(connection, options, searchDb.toString());
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** A file SQLite cannot read, or with a schema from a newer Parley (a StoreException from {@link Schema}). */
    private static boolean unreadable(Exception e) {
        return e instanceof StoreException
                || e instanceof SQLException sql && (sql.getErrorCode() == SQLITE_CORRUPT || sql.getErrorCode() == SQLITE_NOTADB);
    }

    void start() {
        thread.start();
    }

    /** From the writer thread, after a commit that stored {@code messages} messages. */
    void stored(int messages) {
        storedSinceWake += messages;
        if (storedSinceWake >= batch && intervalNanos >= 0) {
            storedSinceWake = 0;
            LockSupport.unpark(thread);
        }
    }

    /** The mark, after emptying an index that belongs to another messages file or is ahead of this one. */
    private long checkMark() throws SQLException {
        String token = statements.storeToken();
        IndexStatements.Mark mark = statements.mark();
        long newest = statements.newestSeq();
        if (token.equals(mark.storeToken()) && mark.indexedUpTo() <= newest) {
            return mark.indexedUpTo();
        }
        if (!mark.storeToken().isEmpty()) {
            log.info("The search index of {} belongs to another messages file; building it again", name);
        }
        statements.transaction().begin();
        try {
            statements.restart(token);
            statements.transaction().commit();
        } catch (SQLException e) {
            statements.transaction().rollbackAfter(e);
            throw e;
        }
        return 0;
    }

    private void run() {
        BackgroundPriority.lowerCurrentThread();
        if (intervalNanos >= 0) {
            indexPending(); // what a crash, or a new index, left to do
        }
        while (!stopping) {
            if (intervalNanos < 0) {
                LockSupport.park(this);
            } else {
                LockSupport.parkNanos(this, intervalNanos);
            }
            if (!stopping && intervalNanos >= 0) {
                indexPending();
            }
        }
        if (!indexPending()) {
            log.warn("The search index of {} is incomplete; it catches up when the store is next opened", name);
        }
    }

    /** Indexes every message stored so far, a batch per transaction; false when that failed (retried later). */
    private boolean indexPending() {
        int indexed;
        do {
            indexed = indexBatch();
        } while (indexed == batch);
        return indexed >= 0;
    }

    /** Indexes up to one batch of messages, in one transaction; returns how many, or -1 when that failed. */
    private int indexBatch() {
        IndexStatements.IndexRange range;
        try {
            range = statements.nextToIndex(indexedUpTo, batch);
            if (range.count() == 0) {
                return 0;
            }
            statements.transaction().begin();
            statements.index(indexedUpTo, range.last());
            statements.transaction().commit();
        } catch (SQLException | RuntimeException e) {
            statements.transaction().rollbackAfter(e);
            if (failing) {
                log.debug("Still cannot add messages after #{} to the search index of {}", indexedUpTo, name, e);
            } else {
                failing = true;
                log.warn("Could not add messages after #{} to the search index of {}; retrying every interval",
                        indexedUpTo, name, e);
            }
            return -1;
        }
        if (failing) {
            failing = false;
            log.info("The search index of {} is being written again", name);
        }
        indexedUpTo = range.last();
        return range.count();
    }

    /** Indexes everything stored (the writer has stopped by now), stops the thread and closes the file. */
    @Override
    public void close() throws SQLException {
        stopping = true;
        Threads.wakeAndAwait(thread);
        try {
            statements.close();
        } finally {
            connection.close();
        }
    }
}
