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
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(networkName, "networkName");
        motd = List.copyOf(motd);
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(flood, "flood");
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
