package dev.parley.storage.sqlite;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the checkpoint thread copies the log into the database file: at the end of the writer's
 * first batch once the interval has passed and enough was stored, and otherwise at the longest
 * interval on its own. Seen from the database file's size, which only a checkpoint grows.
 */
class CheckpointerTest {

    private static final int ROWS = 200;

    @TempDir
    Path dir;
    private Path db;
    /** Open all through: the last connection to close copies the log itself. */
    private Connection writer;

    @BeforeEach
    void writeALogTheFileDoesNotHaveYet() throws SQLException {
        db = dir.resolve("store.db");
        writer = Connections.writer(db, SqliteOptions.defaults());
        try (Statement statement = writer.createStatement()) {
            statement.execute("PRAGMA wal_autocheckpoint = 0"); // only the thread under test copies
            statement.execute("CREATE TABLE rows (body TEXT NOT NULL)");
            try (PreparedStatement insert = writer.prepareStatement("INSERT INTO rows (body) VALUES (?)")) {
                for (int i = 0; i < ROWS; i++) {
                    insert.setString(1, "x".repeat(1_000) + i);
                    insert.executeUpdate();
                }
            }
        }
    }

    @AfterEach
    void closeTheWriter() throws SQLException {
        writer.close();
    }

    @Test
    void aDueCheckpointStartsAtTheEndOfTheBatchThatMakesEnoughAppends() throws Exception {
        AtomicLong clock = new AtomicLong();
        // An hour's interval on a clock that stands still: the thread's own timer would wait two hours.
        Checkpointer checkpointer = new Checkpointer(Connections.checkpointer(db, SqliteOptions.defaults()), "test",
                Duration.ofHours(1), Duration.ofHours(2), clock::get);
        try {
            long before = Files.size(db);
            checkpointer.start();
            clock.set(Duration.ofHours(1).toNanos());
            // Batches count up: together these two are enough.
            checkpointer.batchDone(Checkpointer.MIN_APPENDS - 1);
            checkpointer.batchDone(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.size(db) > before + ROWS * 1_000L / 2);
        } finally {
            checkpointer.close();
        }
    }

    @Test
    void withoutBatchesTheLastWritesAreCopiedAtTheLongestInterval() throws Exception {
        Checkpointer checkpointer = new Checkpointer(Connections.checkpointer(db, SqliteOptions.defaults()), "test",
                Duration.ofMillis(40), Duration.ofMillis(200), System::nanoTime);
        try {
            long before = Files.size(db);
            checkpointer.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.size(db) > before + ROWS * 1_000L / 2);
        } finally {
            checkpointer.close();
        }
    }
}
