package dev.parley.transport.irc;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how an {@link IrcTransport} connects.
 *
 * @param host           server host name or address
 * @param port           server port (6667 for plain IRC)
 * @param nick           the nick to ask for; a variant is used when it is taken
 * @param userName       the USER name (servers show it as {@code ~name} without ident)
 * @param realName       the real name shown by WHO and WHOIS
 * @param password       server password sent with PASS, or null for none
 * @param reconnect      what to do when the link is lost
 * @param pingInterval   silence from the server after which we send our own PING
 * @param pingTimeout    further silence after that PING after which the link counts as dead
 * @param connectTimeout longest wait for the TCP connection to open
 */
public record IrcTransportConfig(String host, int port, String nick, String userName, String realName, String password,
                                 ReconnectPolicy reconnect, Duration pingInterval, Duration pingTimeout,
                                 Duration connectTimeout) {

    public static final int DEFAULT_PORT = 6667;

    public IrcTransportConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(nick, "nick");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(realName, "realName");
        Objects.requireNonNull(reconnect, "reconnect");
        Objects.requireNonNull(pingInterval, "pingInterval");
        Objects.requireNonNull(pingTimeout, "pingTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (host.isBlank() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("bad endpoint " + host + ":" + port);
        }
        if (nick.isBlank() || nick.contains(" ") || userName.isBlank() || userName.contains(" ")) {
            throw new IllegalArgumentException("nick and user name must be one word");
        }
        if (!pingInterval.isPositive() || !pingTimeout.isPositive() || !connectTimeout.isPositive()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /**
     * Defaults: user and real name from the nick, no password, {@link ReconnectPolicy#defaults()},
     * PING after 60 s of silence, dead after 30 s more, 10 s to connect.
     */
    public static IrcTransportConfig of(String host, int port, String nick) {
        return new IrcTransportConfig(host, port, nick, nick, nick, null, ReconnectPolicy.defaults(),
                Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(10));
    }

    public IrcTransportConfig withNick(String newNick) {
        return new IrcTransportConfig(host, port, newNick, userName, realName, password, reconnect, pingInterval,
                pingTimeout, connectTimeout);
    }

    public IrcTransportConfig withUser(String newUserName, String newRealName) {
        return new IrcTransportConfig(host, port, nick, newUserName, newRealName, password, reconnect, pingInterval,
                pingTimeout, connectTimeout);
    }

    public IrcTransportConfig withPassword(String newPassword) {
        return new IrcTransportConfig(host, port, nick, userName, realName, newPassword, reconnect, pingInterval,
                pingTimeout, connectTimeout);
    }

    public IrcTransportConfig withReconnect(ReconnectPolicy newPolicy) {
        return new IrcTransportConfig(host, port, nick, userName, realName, password, newPolicy, pingInterval,
                pingTimeout, connectTimeout);
    }

    public IrcTransportConfig withPing(Duration interval, Duration timeout) {
        return new IrcTransportConfig(host, port, nick, userName, realName, password, reconnect, interval, timeout,
                connectTimeout);
    }

    public IrcTransportConfig withConnectTimeout(Duration timeout) {
        return new IrcTransportConfig(host, port, nick, userName, realName, password, reconnect, pingInterval,
                pingTimeout, timeout);
    }

    /** {@code host:port} as people read it, IPv6 literals in brackets. */
    public String endpoint() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        // never print the password
        return "IrcTransportConfig[" + endpoint() + ", nick=" + nick + ", user=" + userName
                + (password == null ? "" : ", password=***") + ", reconnect=" + reconnect + "]";
    }
}
