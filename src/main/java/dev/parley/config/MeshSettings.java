package dev.parley.config;

import java.util.List;
import java.util.Objects;

/**
 * The serverless mesh: the {@code [mesh]} table of {@code parley.toml}.
 *
 * @param broadcast  where LAN beacons go (255.255.255.255 for a LAN; 127.255.255.255 stays on this machine)
 * @param beaconPort UDP port of the beacons
 * @param iface      network interface (name or address) to send beacons from, or empty for the default
 * @param peers      {@code host:port} of peers that broadcast does not reach (other subnets, VPNs)
 */
public record MeshSettings(String broadcast, int beaconPort, String iface, List<String> peers) {

    public static final int DEFAULT_BEACON_PORT = 5670;

    public MeshSettings {
        Objects.requireNonNull(broadcast, "broadcast");
        Objects.requireNonNull(iface, "iface");
        peers = List.copyOf(peers);
    }

    public static MeshSettings defaults() {
        return new MeshSettings(ServerSettings.DEFAULT_BROADCAST, DEFAULT_BEACON_PORT, "", List.of());
    }

    public MeshSettings withBroadcast(String newBroadcast) {
        return new MeshSettings(newBroadcast, beaconPort, iface, peers);
    }

    public MeshSettings withBeaconPort(int newPort) {
        return new MeshSettings(broadcast, newPort, iface, peers);
    }

    public MeshSettings withInterface(String newIface) {
        return new MeshSettings(broadcast, beaconPort, newIface, peers);
    }
}
