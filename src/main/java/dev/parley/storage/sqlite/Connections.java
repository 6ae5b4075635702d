package dev.parley.storage.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;

/** Opens the database file with the settings each kind of connection needs. */
final class Connections {

    private Connections() {
    }

    /**
     * The one connection that writes. WAL lets readers go on while it writes; synchronous=NORMAL
     * means a commit is in the OS's hands when it returns, which survives a crash of the process
     * (the requirement) though not a power cut, and costs no fsync per transaction.
     */
    static Connection writer(Path db, SqliteOptions options) throws SQLException {
        Connection connection = open(db, options);
        try (Statement statement = connection.createStatement()) {
            requireWal(statement);
            statement.execute("PRAGMA synchronous = NORMAL");
            // A bigger page cache keeps the indexes of recent messages in memory between batches.
            statement.execute("PRAGMA cache_size = -16000");
            // The Checkpointer copies the log into the database from its own thread. This is the
            // backstop, should it fall behind: a commit that takes the log past this many pages
            // (about 40 MB) checkpoints, and the next commit restarts the log from its beginning.
            statement.execute("PRAGMA wal_autocheckpoint = " + Checkpointer.WRITER_BACKSTOP_PAGES);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** The connection of the {@link Checkpointer}; it syncs as the writer does (see {@link #writer}). */
    static Connection checkpointer(Path db, SqliteOptions options) throws SQLException {
        Connection connection = open(db, options);
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA synchronous = NORMAL");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /**
     * The {@link SearchIndexer}'s connection: the search file, in WAL mode like the store (so that
     * searches read it while it is written), with the messages file attached as {@code store}. Its
     * schema is brought up to date here.
     */
    static Connection indexer(Path searchDb, Path db, SqliteOptions options) throws SQLException {
        Connection connection = open(searchDb, options);
        try (Statement statement = connection.createStatement()) {
            requireWal(statement);
            statement.execute("PRAGMA synchronous = NORMAL");
            Schema.SEARCH.migrate(connection);
            attach(connection, db, "store");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /**
     * A connection that only reads: it sees each committed transaction as its next query starts.
     * The search file is attached as {@code search}.
     */
    static Connection reader(Path db, Path searchDb, SqliteOptions options) throws SQLException {
        Connection connection = open(db, options);
        try (Statement statement = connection.createStatement()) {
            attach(connection, searchDb, "search");
            statement.execute("PRAGMA query_only = 1");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private static void requireWal(Statement statement) throws SQLException {
        String mode = queryString(statement, "PRAGMA journal_mode = WAL");
        if (!"wal".equals(mode.toLowerCase(Locale.ROOT))) {
            throw new SQLException("the file system does not support write-ahead logging (journal mode is "
                    + mode + ")");
        }
    }

    private static void attach(Connection connection, Path file, String schema) throws SQLException {
        try (PreparedStatement attach = connection.prepareStatement("ATTACH DATABASE ? AS " + schema)) {
            attach.setString(1, file.toAbsolutePath().toString());
            attach.execute();
        }
    }

    private static Connection open(Path db, SqliteOptions options) throws SQLException {
        Properties properties = new Properties();
        // The driver would otherwise run a second query after every INSERT to fetch the row id,
        // which nothing here reads: it doubled the cost of an append.
        properties.setProperty("jdbc.get_generated_keys", "false");
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath(), properties);
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = " + options.busyTimeout().toMillis());
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    static String queryString(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            if (!rows.next()) {
                throw new SQLException("no result from " + sql);
            }
            return rows.getString(1);
        }
    }
}
