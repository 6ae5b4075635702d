package dev.parley.cli;

import dev.parley.client.Endpoint;
import dev.parley.client.TransportFactory;
import dev.parley.config.MeshSettings;
import dev.parley.discovery.BeaconSettings;
import dev.parley.storage.MessageStore;
import dev.parley.storage.StoreException;
import dev.parley.storage.sqlite.SqliteMessageStore;
import dev.parley.transport.irc.IrcTransport;
import dev.parley.transport.irc.IrcTransportConfig;
import dev.parley.transport.mesh.MeshConfig;
import dev.parley.transport.mesh.MeshTransport;
import dev.parley.transport.mesh.PeerIdFile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Locale;

/**
 * Wires each kind of endpoint to its transport: the one place the client meets the transport
 * classes. A mesh peer keeps its own history and peer id under the data folder, one folder per
 * nick so two people on one computer do not share them; the stores it opened are closed with
 * {@link #close()}.
 */
final class Transports implements AutoCloseable {

    private final Path dataDir;
    private final MeshSettings mesh;
    private final String relayPassword;
    /** By folder: a mesh joined again in this process (/disconnect, /connect mesh) reuses its open store. */
    private final Map<Path, MessageStore> stores = new HashMap<>();

    Transports(Path dataDir, MeshSettings mesh) {
        this(dataDir, mesh, null);
    }

    /**
     * @param relayPassword the server password sent (PASS) to relays whose endpoint has none of
     *                      its own, or null for none
     */
    Transports(Path dataDir, MeshSettings mesh, String relayPassword) {
        this.dataDir = dataDir;
        this.mesh = mesh;
        this.relayPassword = relayPassword;
    }

    TransportFactory factory() {
        return (endpoint, nick) -> switch (endpoint) {
            case Endpoint.Relay relay -> new IrcTransport(
                    IrcTransportConfig.of(relay.host(), relay.port(), nick)
                            .withPassword(relay.password() != null ? relay.password() : relayPassword));
            case Endpoint.Mesh m -> meshTransport(nick);
        };
    }

    private MeshTransport meshTransport(String nick) {
        // Nicks may hold [ ] \ | and the like: keep file names to letters, digits, - and _.
        Path folder = dataDir.resolve("mesh").resolve(nick.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_"));
        MessageStore store = stores.get(folder);
        try {
            if (store == null) {
                store = SqliteMessageStore.open(folder);
                stores.put(folder, store);
            }
        } catch (StoreException e) {
            // Most often a second peer with this nick, run by the same user: it cannot share the history.
            throw new IllegalStateException("cannot open the mesh history of " + nick + " (" + folder + "): "
                    + e.getMessage() + "; is Parley already in the mesh as " + nick
                    + " on this computer? Choose another nick (--nick).", e);
        }
        MeshConfig config = MeshConfig.defaults(nick, store)
                .withPeerId(PeerIdFile.loadOrCreate(folder))
                .withBeacons(beacons(mesh))
                .withPeers(mesh.peers());
        return new MeshTransport(config);
    }

    /**
     * The beacons of the {@code [mesh]} table, which the LAN relay list listens to as well.
     *
     * @throws IllegalArgumentException if the broadcast address is not an IPv4 literal
     */
    static BeaconSettings beacons(MeshSettings mesh) {
        BeaconSettings beacons = BeaconSettings.defaults().withBroadcastAddress(mesh.broadcast()).withPort(mesh.beaconPort());
        return mesh.iface().isEmpty() ? beacons : beacons.withNetworkInterface(mesh.iface());
    }

    @Override
    public void close() {
        stores.values().forEach(MessageStore::close);
        stores.clear();
    }
}
