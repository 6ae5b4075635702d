package dev.parley.transport.mesh;

import dev.parley.discovery.Announcement;
import dev.parley.discovery.DiscoveredService;
import dev.parley.discovery.DiscoveryListener;
import dev.parley.discovery.LanAnnouncer;
import dev.parley.discovery.LanDirectory;
import dev.parley.discovery.ServiceKind;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * LAN beacons for the mesh, through the {@code discovery} package: announces this peer (its
 * node id is the peer id, its name the nick, its port the PUB port, its extra text its status)
 * and hands other mesh peers' beacons to the loop. Its own beacons are ignored by node id.
 */
final class MeshDiscovery implements AutoCloseable {

    /** Beacons unheard this long drop a peer from the directory: five intervals, at least 5 s. */
    private static final int EXPIRE_INTERVALS = 5;

    private final MeshConfig config;
    private LanAnnouncer announcer;
    private LanDirectory directory;

    MeshDiscovery(MeshConfig config) {
        this.config = config;
    }

    /**
     * Starts announcing and listening; {@code found} and {@code lost} get mesh peers' beacons
     * (peer id and PUB endpoint) on the directory's thread.
     *
     * @throws IllegalStateException    when the UDP port cannot be bound
     * @throws IllegalArgumentException when the chosen network interface does not exist
     */
    void start(String nick, int pubPort, BiConsumer<String, PeerAddress> found, Consumer<String> lost) {
        Duration interval = config.beacons().interval();
        Duration expireAfter = interval.multipliedBy(EXPIRE_INTERVALS);
        if (expireAfter.compareTo(LanDirectory.DEFAULT_EXPIRE_AFTER) < 0) {
            expireAfter = LanDirectory.DEFAULT_EXPIRE_AFTER;
        }
        directory = new LanDirectory(config.beacons(), expireAfter, InstantSource.system());
        directory.ignoreNodeId(config.peerId());
        directory.addListener(new DiscoveryListener() {
            @Override
            public void appeared(DiscoveredService service) {
                if (service.kind() == ServiceKind.MESH_PEER) {
                    found.accept(service.nodeId(), address(service));
                }
            }

            @Override
            public void updated(DiscoveredService before, DiscoveredService after) {
                appeared(after);
            }

            @Override
            public void gone(DiscoveredService service) {
                if (service.kind() == ServiceKind.MESH_PEER) {
                    lost.accept(service.nodeId());
                }
            }
        });
        directory.start();
        announcer = new LanAnnouncer(config.beacons(), Announcement.meshPeer(config.peerId(), nick, pubPort, "here"));
        announcer.start();
    }

    /** Announces a new nick or status from the next beacon on. */
    void update(String nick, boolean away) {
        if (announcer != null) {
            announcer.update(announcer.announcement().withName(nick).withExtra(away ? "away" : "here"));
        }
    }

    /** The peer ids whose beacons are heard now. */
    Set<String> announced() {
        if (directory == null) {
            return Set.of();
        }
        return directory.services(ServiceKind.MESH_PEER).stream().map(DiscoveredService::nodeId)
                .collect(Collectors.toSet());
    }

    @Override
    public void close() {
        if (announcer != null) {
            announcer.close();
        }
        if (directory != null) {
            directory.close();
        }
    }

    private static PeerAddress address(DiscoveredService service) {
        return new PeerAddress(service.address().getHostAddress(), service.announcement().tcpPort());
    }
}
