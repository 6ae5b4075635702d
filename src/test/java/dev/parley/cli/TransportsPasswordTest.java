package dev.parley.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.client.ChatEvent;
import dev.parley.client.ChatService;
import dev.parley.client.ConnectionStatus;
import dev.parley.client.Endpoint;
import dev.parley.config.MeshSettings;
import dev.parley.relay.RelayConfig;
import dev.parley.relay.RelayServer;
import dev.parley.storage.InMemoryMessageStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server password of {@code [client] password} or {@code --password} reaches a relay that asks for one. */
class TransportsPasswordTest {

    @TempDir
    Path tmp;

    private RelayServer relay;

    @BeforeEach
    void relayWithAPassword() throws IOException {
        relay = RelayServer.start(RelayConfig.loopback().withPassword("s3cret"), new InMemoryMessageStore());
    }

    @AfterEach
    void stop() {
        relay.close();
    }

    private ConnectionStatus settledStatus(String password) {
        AtomicReference<ConnectionStatus> last = new AtomicReference<>();
        try (Transports transports = new Transports(tmp, MeshSettings.defaults(), password);
             ChatService service = new ChatService(transports.factory(), "ada")) {
            service.addListener(event -> {
                if (event instanceof ChatEvent.StatusChanged changed) {
                    last.set(changed.status());
                }
            }, Runnable::run);
            service.connect(new Endpoint.Relay("127.0.0.1", relay.address().getPort()));
            await().atMost(Duration.ofSeconds(20)).until(() -> last.get() != null
                    && (last.get().connected() || last.get().stopped()));
            return last.get();
        }
    }

    @Test
    void theRightPasswordConnects() {
        assertTrue(settledStatus("s3cret").connected());
    }

    @Test
    void noPasswordStopsWithAReasonThatSaysWhereToGiveOne() {
        ConnectionStatus status = settledStatus(null);
        assertTrue(status.stopped(), status.toString());
        assertEquals("the server needs a password", status.detail());
    }
}
