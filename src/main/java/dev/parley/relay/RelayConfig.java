package dev.parley.relay;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;

/**
 * How a relay runs: where it listens, what it calls itself, and its limits.
 *
 * @param listen      address and port to bind; port 0 picks a free one
 * @param serverName  the name in replies ({@code :parley 001 ...})
 * @param networkName ISUPPORT NETWORK
 * @param password    server password checked against PASS, or null for none
 * @param motd        message of the day, one entry per line; empty sends 422
 */
public record RelayConfig(InetSocketAddress listen, String serverName, String networkName, String password,
                          List<String> motd, RelayLimits limits, FloodPolicy flood) {

    public RelayConfig {
        Objects.requireNonNull(listen, "listen");
        if (!serverName.matches(SERVER_NAME)) {
            throw new IllegalArgumentException("a server name is letters, digits, '.' and '-': '" + serverName + "'");
        }
        Objects.requireNonNull(networkName, "networkName");
        motd = List.copyOf(motd);
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(flood, "flood");
    }

    /** What may stand in a reply's source ({@code :NAME 001 ...}): one word, nothing IRC reads as a user mask. */
    private static final String SERVER_NAME = "[A-Za-z0-9.-]{1,63}";

    /**
     * The server name for a relay whose users call it {@code displayName} ("Room 101", "Ada's lab"):
     * what is not allowed in a server name becomes '-', so the display name can stay as people wrote it
     * (the LAN announcement carries it) while replies carry {@code Room-101}.
     */
    public static String serverNameFor(String displayName) {
        String name = displayName.strip().replaceAll("[^A-Za-z0-9.-]+", "-").replaceAll("^[-.]+|[-.]+$", "");
        if (name.length() > 63) {
            name = name.substring(0, 63);
        }
        return name.isEmpty() ? "parley" : name;
    }

    /** A relay on 127.0.0.1 and a free port, default limits: for tests and "host a relay here". */
    public static RelayConfig loopback() {
        return new RelayConfig(new InetSocketAddress("127.0.0.1", 0), "parley", "Parley", null,
                List.of("Welcome to Parley."), RelayLimits.defaults(), FloodPolicy.defaults());
    }

    public RelayConfig withPassword(String newPassword) {
        return new RelayConfig(listen, serverName, networkName, newPassword, motd, limits, flood);
    }

    public RelayConfig withLimits(RelayLimits newLimits) {
        return new RelayConfig(listen, serverName, networkName, password, motd, newLimits, flood);
    }

    public RelayConfig withFlood(FloodPolicy newFlood) {
        return new RelayConfig(listen, serverName, networkName, password, motd, limits, newFlood);
    }

    public RelayConfig withMotd(List<String> newMotd) {
        return new RelayConfig(listen, serverName, networkName, password, newMotd, limits, flood);
    }
}
