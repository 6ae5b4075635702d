package dev.parley.discovery;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how often beacons go.
 *
 * <p>The default port is 5670, ZBeacon's conventional port (ZeroMQ's ZRE discovery uses it
 * too). Sharing it with ZRE nodes costs nothing but a glance: both formats start with a magic
 * prefix and each side drops the other's beacons. Users can pick another port in the config.
 *
 * @param broadcastAddress an IPv4 literal: the limited broadcast {@code 255.255.255.255}, a
 *                         subnet's directed broadcast, or {@code 127.255.255.255} for this host only
 * @param port             UDP port beacons are sent to and heard on
 * @param interval         time between two beacons of an announcer, 100 ms to 1 min
 * @param networkInterface the interface to send from, by name ({@code eth0}) or by one of its IPv4
 *                         addresses; empty for the system's choice. ZBeacon binds the sending
 *                         socket to that address; on Linux that also routes a limited broadcast
 *                         out of that interface, elsewhere use the interface's directed broadcast.
 *                         Listening always covers every interface (ZBeacon binds the wildcard).
 */
public record BeaconSettings(String broadcastAddress, int port, Duration interval, Optional<String> networkInterface) {

    public static final String DEFAULT_BROADCAST = "255.255.255.255";
    public static final int DEFAULT_PORT = 5670;
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    private static final Duration MIN_INTERVAL = Duration.ofMillis(100);
    private static final Duration MAX_INTERVAL = Duration.ofMinutes(1);

    public BeaconSettings {
        Objects.requireNonNull(broadcastAddress, "broadcastAddress");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(networkInterface, "networkInterface");
        broadcastInet(broadcastAddress);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("UDP port out of range: " + port);
        }
        if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
            throw new IllegalArgumentException("interval must be 100 ms to 1 min: " + interval);
        }
        networkInterface = networkInterface.map(String::strip).filter(name -> !name.isEmpty());
    }

    public static BeaconSettings defaults() {
        return new BeaconSettings(DEFAULT_BROADCAST, DEFAULT_PORT, DEFAULT_INTERVAL, Optional.empty());
    }

    public BeaconSettings withBroadcastAddress(String address) {
        return new BeaconSettings(address, port, interval, networkInterface);
    }

    public BeaconSettings withPort(int newPort) {
        return new BeaconSettings(broadcastAddress, newPort, interval, networkInterface);
    }

    public BeaconSettings withInterval(Duration newInterval) {
        return new BeaconSettings(broadcastAddress, port, newInterval, networkInterface);
    }

    /** Sends from the named interface or address; null or blank for the system's choice. */
    public BeaconSettings withNetworkInterface(String nameOrAddress) {
        return new BeaconSettings(broadcastAddress, port, interval, Optional.ofNullable(nameOrAddress));
    }

    /** The broadcast address; a literal, so no name lookup happens. */
    Inet4Address broadcastInet() {
        return broadcastInet(broadcastAddress);
    }

    private static Inet4Address broadcastInet(String literal) {
        try {
            if (InetAddress.ofLiteral(literal) instanceof Inet4Address v4) {
                return v4;
            }
        } catch (IllegalArgumentException notALiteral) {
            // Reported below with the reason that matters to the user.
        }
        throw new IllegalArgumentException("broadcast address must be an IPv4 literal: " + literal);
    }
}
