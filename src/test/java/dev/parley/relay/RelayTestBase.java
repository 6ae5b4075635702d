package dev.parley.relay;

import dev.parley.testsupport.IrcTestClient;

import dev.parley.storage.InMemoryMessageStore;
import dev.parley.storage.MessageStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** Starts a relay on 127.0.0.1 and a free port, and closes it and every test client afterwards. */
abstract class RelayTestBase {

    protected RelayServer relay;
    protected MessageStore store;
    private final List<IrcTestClient> clients = new ArrayList<>();

    protected RelayConfig config() {
        return RelayConfig.loopback();
    }

    protected InetSocketAddress start() throws IOException {
        return start(config(), new InMemoryMessageStore());
    }

    protected InetSocketAddress start(RelayConfig config, MessageStore messageStore) throws IOException {
        store = messageStore;
        relay = RelayServer.start(config, messageStore);
        return relay.address();
    }

    protected IrcTestClient connect() throws IOException {
        IrcTestClient client = new IrcTestClient(relay.address());
        clients.add(client);
        return client;
    }

    protected IrcTestClient user(String nick) throws IOException {
        return connect().register(nick);
    }

    protected IrcTestClient userWithCaps(String nick, String caps) throws IOException {
        return connect().registerWithCaps(nick, caps);
    }

    @AfterEach
    void stopRelay() throws IOException {
        for (IrcTestClient client : clients) {
            client.close();
        }
        if (relay != null) {
            relay.close();
        }
        if (store != null) {
            store.close();
        }
    }
}
