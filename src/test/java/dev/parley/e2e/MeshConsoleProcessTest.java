package dev.parley.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testsupport.ParleyProcess;
import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code parley console --mesh} processes on this machine, no server: they find each
 * other by beacons to the loopback broadcast address (never this machine's network) and chat.
 */
class MeshConsoleProcessTest {

    @TempDir
    Path tmp;

    @Test
    void threeMeshConsolesFindEachOtherAndChat() throws Exception {
        String beaconPort = Integer.toString(freeUdpPort());
        String[] mesh = {"--mesh", "--broadcast", "127.255.255.255", "--beacon-port", beaconPort};
        try (ParleyProcess bob = console(tmp.resolve("bob"), "bob", mesh);
             ParleyProcess cy = console(tmp.resolve("cy"), "cy", mesh)) {
            bob.type("/join #lan");
            cy.type("/join #lan");
            bob.awaitStdout("-- Now talking in #lan");
            cy.awaitStdout("-- Now talking in #lan");
            try (ParleyProcess ada = console(tmp.resolve("ada"), "ada", mesh)) {
                // Sent at once, before the others have found ada: they fetch it from her when they do,
                // which is why a scripted mesh console stays a few seconds after its input ends.
                ada.type("/join #lan", "hello mesh");
                ada.endInput();
                assertEquals(0, ada.awaitExit(), ada.stdout() + ada.stderr());
            }
            bob.awaitStdout("[ada] hello mesh");
            cy.awaitStdout("[ada] hello mesh");
            bob.awaitStdout("ada has joined");
            cy.type("/quit");
            assertEquals(0, cy.awaitExit());
            assertTrue(cy.stdout().indexOf("[ada] hello mesh") == cy.stdout().lastIndexOf("[ada] hello mesh"),
                    "shown once: " + cy.stdout());
            bob.type("/quit");
            assertEquals(0, bob.awaitExit());
        }
    }

    private static ParleyProcess console(Path home, String nick, String... mesh) throws IOException {
        String[] args = new String[mesh.length + 3];
        args[0] = "console";
        args[1] = "--nick";
        args[2] = nick;
        System.arraycopy(mesh, 0, args, 3, mesh.length);
        return ParleyProcess.start(home, args);
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
