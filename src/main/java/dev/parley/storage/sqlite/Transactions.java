package dev.parley.storage.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * One connection's transaction statements, prepared once: BEGIN of the kind the connection needs,
 * COMMIT and ROLLBACK. Plain statements on an auto-commit connection: the JDBC driver's own
 * transaction mode would open the next transaction right after each commit and hold it.
 */
final class Transactions implements AutoCloseable {

    private final PreparedStatement begin;
    private final PreparedStatement commit;
    private final PreparedStatement rollback;

    /** @param beginSql {@code BEGIN} or {@code BEGIN IMMEDIATE} */
    Transactions(Connection connection, String beginSql) throws SQLException {
        begin = connection.prepareStatement(beginSql);
        commit = connection.prepareStatement("COMMIT");
        rollback = connection.prepareStatement("ROLLBACK");
    }

    void begin() throws SQLException {
        begin.execute();
    }

    void commit() throws SQLException {
        commit.execute();
    }

    /**
     * Ends the transaction that {@code failure} broke. With none open (the failure came before
     * BEGIN, or SQLite already rolled back), the rollback's own failure is only added to it.
     */
    void rollbackAfter(Exception failure) {
        try {
            rollback.execute();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close() throws SQLException {
        begin.close();
        commit.close();
        rollback.close();
    }
}
