package dev.parley.relay;

import dev.parley.testsupport.IrcTestClient;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.storage.sqlite.SqliteMessageStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History and topics come back after a restart with the same data folder. */
class PersistenceTest extends RelayTestBase {

    @TempDir
    Path data;

    @Test
    void historyAndTopicsSurviveARestart() throws IOException {
        RelayConfig config = RelayConfig.loopback();
        start(config, SqliteMessageStore.open(data));
        IrcTestClient ada = user("ada");
        ada.send("JOIN #keep");
        ada.send("TOPIC #keep :Kept across restarts");
        ada.await("TOPIC #keep :Kept across restarts");
        for (int i = 0; i < 5; i++) {
            ada.send("PRIVMSG #keep :before restart " + i);
        }
        ada.send("PRIVMSG bob :offline note"); // 401: bob is not here, nothing stored
        ada.await(" 401 ada bob ");
        ada.sync();
        relay.close();
        store.close();

        InetSocketAddress second = start(config, SqliteMessageStore.open(data));
        IrcTestClient bob = connect().registerWithCaps("bob", "batch server-time message-tags draft/chathistory");
        bob.send("JOIN #keep");
        bob.await(" 332 bob #keep :Kept across restarts");
        bob.send("CHATHISTORY LATEST #keep * 10");
        bob.await("BATCH \\+");
        for (int i = 0; i < 5; i++) {
            bob.await("^@.*:ada!~ada@127.0.0.1 PRIVMSG #keep :before restart " + i + "$");
        }
        bob.await("BATCH -");
        assertEquals(second, relay.address());
    }
}
