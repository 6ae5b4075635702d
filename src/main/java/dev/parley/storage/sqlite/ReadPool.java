package dev.parley.storage.sqlite;

import dev.parley.storage.StoreException;
import java.sql.SQLException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A few read connections shared by every reader, so reads never wait for the writer and several
 * run at once. A permit per connection: whoever holds a permit finds an idle connection.
 */
final class ReadPool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadPool.class);

    private final Queue<ReadConnection> idle;
    private final Semaphore permits;
    private final int size;
    private final String name;
    private volatile boolean closed;

    /** @param name the database, for messages */
    ReadPool(List<ReadConnection> connections, String name) {
        this.idle = new ConcurrentLinkedQueue<>(connections);
        this.size = connections.size();
        this.permits = new Semaphore(size);
        this.name = name;
    }

    <T> T read(SqlFunction<ReadConnection, T> work) throws SQLException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a read connection to " + name, e);
        }
        try {
            if (closed) {
                throw new StoreException("the message store " + name + " is closed");
            }
            ReadConnection connection = idle.poll();
            try {
                return work.apply(connection);
            } finally {
                idle.add(connection);
            }
        } finally {
            permits.release();
        }
    }

    /** Waits for the reads under way, then closes every connection. */
    @Override
    public void close() {
        closed = true;
        permits.acquireUninterruptibly(size);
        for (ReadConnection connection : idle) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.warn("Could not close a read connection to {}", name, e);
            }
        }
        idle.clear();
    }
}
