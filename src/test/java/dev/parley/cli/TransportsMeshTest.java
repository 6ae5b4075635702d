package dev.parley.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.client.ChatEvent;
import dev.parley.client.ChatService;
import dev.parley.client.Endpoint;
import dev.parley.config.MeshSettings;
import java.net.DatagramSocket;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The mesh as the app wires it: its history on disk, one store per nick, kept across a /disconnect. */
@Timeout(60)
class TransportsMeshTest {

    @TempDir
    Path tmp;

    private static int freeUdpPort() throws SocketException {
        try (DatagramSocket socket = new DatagramSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long count(List<ChatEvent> events, String text) {
        return events.stream().filter(e -> e instanceof ChatEvent.LineAdded added && added.line().text().equals(text)).count();
    }

    @Test
    void disconnectThenConnectMeshJoinsTheMeshAgainWithTheSameHistory() throws SocketException {
        MeshSettings loopbackOnly = new MeshSettings("127.255.255.255", freeUdpPort(), "", List.of());
        List<ChatEvent> events = new CopyOnWriteArrayList<>();
        try (Transports transports = new Transports(tmp, loopbackOnly);
             ChatService ada = new ChatService(transports.factory(), "ada")) {
            ada.addListener(events::add, Runnable::run);
            ada.connect(new Endpoint.Mesh());
            await().atMost(Duration.ofSeconds(20)).until(() -> count(events, "Connected to LAN mesh as ada.") == 1);
            ada.input("/disconnect");
            await().atMost(Duration.ofSeconds(20)).until(() -> count(events, "Disconnected from LAN mesh.") == 1);
            // The first store is still open in this process: opening it again would be refused
            // as "already in the mesh as ada on this computer".
            ada.input("/connect mesh");
            await().atMost(Duration.ofSeconds(20)).until(() -> count(events, "Connected to LAN mesh as ada.") == 2);
            assertEquals(0, events.stream().filter(e -> e instanceof ChatEvent.LineAdded added
                    && added.line().text().contains("cannot open the mesh history")).count());
        }
    }
}
