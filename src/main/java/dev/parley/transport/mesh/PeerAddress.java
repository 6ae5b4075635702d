package dev.parley.transport.mesh;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * A peer's PUB endpoint as people write it: {@code host:port} or {@code [v6]:port}.
 *
 * @param host a name or an address literal, without brackets
 * @param port 1 to 65535
 */
public record PeerAddress(String host, int port) {

    public PeerAddress {
        Objects.requireNonNull(host, "host");
        if (host.isBlank() || host.chars().anyMatch(c -> c <= ' ' || c == '/' || c >= 0x7f)) {
            throw new IllegalArgumentException("not a host name or address: '" + host + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be from 1 to 65535: " + port);
        }
    }

    /**
     * Reads {@code host:port} or {@code [v6]:port}.
     *
     * @throws IllegalArgumentException with a message for the user
     */
    public static PeerAddress parse(String text) {
        String rest = text.strip();
        int colon = rest.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("'" + text + "' is not host:port");
        }
        String host = rest.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            throw new IllegalArgumentException("'" + text + "': write an IPv6 address as [address]:port");
        }
        try {
            return new PeerAddress(host, Integer.parseInt(rest.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "': the port is not a number");
        }
    }

    /**
     * This address, once its host name has been looked up: ZeroMQ would retry a name it cannot
     * find forever, in silence. The name itself is kept (ZeroMQ looks it up again on each
     * reconnect, so a peer whose address changes is still found). Blocks for the lookup.
     *
     * @throws IllegalArgumentException when the name is not known, with a message for the user
     */
    public PeerAddress withKnownHost() {
        try {
            InetAddress.getByName(host);
            return this;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("no host named '" + host + "' was found");
        }
    }

    /** The ZeroMQ endpoint, {@code tcp://host:port}. */
    String tcpEndpoint() {
        return "tcp://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
