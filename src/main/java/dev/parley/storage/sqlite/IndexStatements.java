package dev.parley.storage.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The search index's statements, on its own connection: the search file is the connection's main
 * database and the messages file is attached as {@code store}, read only. Transactions are plain
 * (deferred) BEGIN: IMMEDIATE would take the write lock of every attached file, the store's too,
 * and the point of the separate file is never to hold that.
 */
final class IndexStatements implements AutoCloseable {

    /** The next messages to index: {@code count} of them, the last with seq {@code last}. */
    record IndexRange(long last, int count) {
    }

    /** Where the index stands: which store it indexes, up to which seq. */
    record Mark(String storeToken, long indexedUpTo) {
    }

    private final Transactions transaction;
    private final PreparedStatement storeToken;
    private final PreparedStatement mark;
    private final PreparedStatement newestSeq;
    private final PreparedStatement nextToIndex;
    private final PreparedStatement index;
    private final PreparedStatement moveMark;
    private final PreparedStatement deleteAll;
    private final PreparedStatement resetMark;

    IndexStatements(Connection connection) throws SQLException {
        transaction = new Transactions(connection, "BEGIN");
        storeToken = connection.prepareStatement("SELECT token FROM store.store_identity");
        mark = connection.prepareStatement("SELECT store_token, indexed_up_to FROM search_index");
        newestSeq = connection.prepareStatement("SELECT coalesce(max(seq), 0) FROM store.messages");
        nextToIndex = connection.prepareStatement(
                "SELECT max(seq), count(*) FROM (SELECT seq FROM store.messages WHERE seq > ? ORDER BY seq LIMIT ?)");
        index = connection.prepareStatement(
                "INSERT INTO messages_fts (rowid, text) SELECT seq, text FROM store.messages WHERE seq > ? AND seq <= ?");
        moveMark = connection.prepareStatement("UPDATE search_index SET indexed_up_to = ?");
        deleteAll = connection.prepareStatement("INSERT INTO messages_fts (messages_fts) VALUES ('delete-all')");
        resetMark = connection.prepareStatement(
                "INSERT OR REPLACE INTO search_index (id, store_token, indexed_up_to) VALUES (1, ?, 0)");
    }

    Transactions transaction() {
        return transaction;
    }

    /** The token of the attached messages file. */
    String storeToken() throws SQLException {
        try (ResultSet rows = storeToken.executeQuery()) {
            if (!rows.next()) {
                throw new SQLException("store_identity has no row");
            }
            return rows.getString(1);
        }
    }

    /** Where the index stands; a new file has no mark yet (an empty token, nothing indexed). */
    Mark mark() throws SQLException {
        try (ResultSet rows = mark.executeQuery()) {
            return rows.next() ? new Mark(rows.getString(1), rows.getLong(2)) : new Mark("", 0);
        }
    }

    /** The seq of the newest message in the store, 0 when it has none. */
    long newestSeq() throws SQLException {
        try (ResultSet rows = newestSeq.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    /** The (up to) {@code rows} messages after {@code after}. */
    IndexRange nextToIndex(long after, int rows) throws SQLException {
        nextToIndex.setLong(1, after);
        nextToIndex.setInt(2, rows);
        try (ResultSet result = nextToIndex.executeQuery()) {
            if (!result.next()) {
                return new IndexRange(after, 0);
            }
            int count = result.getInt(2);
            return count == 0 ? new IndexRange(after, 0) : new IndexRange(result.getLong(1), count);
        }
    }

    /** In an open transaction: adds the messages after {@code after} up to {@code upTo} and moves the mark. */
    void index(long after, long upTo) throws SQLException {
        index.setLong(1, after);
        index.setLong(2, upTo);
        index.executeUpdate();
        moveMark.setLong(1, upTo);
        moveMark.executeUpdate();
    }

    /** In an open transaction: empties the index, which from now on indexes the store named by {@code token}. */
    void restart(String token) throws SQLException {
        deleteAll.executeUpdate();
        resetMark.setString(1, token);
        resetMark.executeUpdate();
    }

    @Override
    public void close() throws SQLException {
        transaction.close();
        for (PreparedStatement statement : new PreparedStatement[] {
                storeToken, mark, newestSeq, nextToIndex, index, moveMark, deleteAll, resetMark}) {
            statement.close();
        }
    }
}
