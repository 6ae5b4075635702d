package dev.parley.ui.fx.connect;

import dev.parley.client.Endpoint;
import java.nio.file.Path;
import java.util.Objects;

/** What the user chose in the connect dialog: one of the three ways to talk, and the nick. */
public sealed interface ConnectRequest {

    String nick();

    /** Connect to a relay (or any IRC server). */
    record Relay(String nick, Endpoint.Relay endpoint) implements ConnectRequest {
        public Relay {
            Objects.requireNonNull(nick, "nick");
            Objects.requireNonNull(endpoint, "endpoint");
        }
    }

    /** Start a relay in this app ({@code port} 0: any free port) and connect to it. */
    record Host(String nick, String name, int port, Path dataDir) implements ConnectRequest {
        public Host {
            Objects.requireNonNull(nick, "nick");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(dataDir, "dataDir");
        }
    }

    /** No server: the LAN mesh. */
    record Mesh(String nick) implements ConnectRequest {
        public Mesh {
            Objects.requireNonNull(nick, "nick");
        }
    }
}
