package dev.parley.discovery;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * A node a {@link LanDirectory} has heard.
 *
 * @param announcement what the node last announced
 * @param address      the source address of its last beacon: where to connect
 * @param lastSeen     when its last beacon arrived, by the directory's clock
 */
public record DiscoveredService(Announcement announcement, InetAddress address, Instant lastSeen) {

    public DiscoveredService {
        Objects.requireNonNull(announcement, "announcement");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }

    public ServiceKind kind() {
        return announcement.kind();
    }

    public String nodeId() {
        return announcement.nodeId();
    }

    /** The announced TCP endpoint: the beacon's source address and the announced port. */
    public InetSocketAddress endpoint() {
        return new InetSocketAddress(address, announcement.tcpPort());
    }
}
