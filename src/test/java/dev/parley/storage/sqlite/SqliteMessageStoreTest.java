package dev.parley.storage.sqlite;

import dev.parley.storage.MessageStore;
import dev.parley.storage.MessageStoreContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contract, for the SQLite store. */
class SqliteMessageStoreTest extends MessageStoreContractTest {

    @TempDir
    Path dataDir;

    @Override
    protected MessageStore openStore() {
        return SqliteMessageStore.open(dataDir);
    }
}
