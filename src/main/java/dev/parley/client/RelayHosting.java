package dev.parley.client;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Starts a relay inside this process, for "Host a relay here". The client never reaches the
 * relay classes: the command line wires an implementation, and the app talks to the hosted
 * relay over the wire like any other client.
 */
public interface RelayHosting {

    /**
     * Starts a relay listening on {@code port} (0: any free port) on every interface, storing
     * under {@code dataDir}, announced on the LAN under {@code name}.
     *
     * @throws IOException with a message for the user (port in use, data folder unusable)
     */
    HostedRelay start(String name, int port, Path dataDir) throws IOException;

    /** A relay this process started; closing stops it. */
    interface HostedRelay extends AutoCloseable {

        /** Where this computer's own client reaches it. */
        Endpoint.Relay endpoint();

        /** For the status bar and logs: "relay 'lab' on port 6667". */
        String description();

        @Override
        void close();
    }
}
