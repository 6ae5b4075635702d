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

/**
 * The server password reaches a relay that asks for one: the relay's own (the desktop's connect
 * dialog), else the configured one ({@code [client] password} or {@code --password}).
 */
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
        return settledStatus(password, null);
    }

    /** @param configured Transports' own password; endpointPassword: the relay's, as the connect dialog gives it */
    private ConnectionStatus settledStatus(String configured, String endpointPassword) {
        AtomicReference<ConnectionStatus> last = new AtomicReference<>();
        try (Transports transports = new Transports(tmp, MeshSettings.defaults(), configured);
             ChatService service = new ChatService(transports.factory(), "ada")) {
            service.addListener(event -> {
                if (event instanceof ChatEvent.StatusChanged changed) {
                    last.set(changed.status());
                }
            }, Runnable::run);
            service.connect(new Endpoint.Relay("127.0.0.1", relay.address().getPort(), endpointPassword));
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
    void theRelaysOwnPasswordConnectsAndWinsOverTheConfiguredOne() {
        assertTrue(settledStatus(null, "s3cret").connected(), "no configured password");
        assertTrue(settledStatus("guess", "s3cret").connected(), "a wrong configured one is not sent");
        assertTrue(settledStatus("guess", null).stopped(), "without one of its own, the configured one is");
    }

    @Test
    void noPasswordStopsWithAReasonThatSaysWhereToGiveOne() {
        ConnectionStatus status = settledStatus(null);
        assertTrue(status.stopped(), status.toString());
        assertEquals("the server needs a password", status.detail());
    }
}
