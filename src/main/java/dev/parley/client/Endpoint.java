package dev.parley.client;

import java.util.Objects;

/** Where the client talks: a relay (or any IRC server), or the LAN mesh. */
public sealed interface Endpoint {

    int DEFAULT_PORT = 6667;

    /**
     * @param password the relay's server password (sent with PASS), or null to send the one the
     *                 app was configured with, if any; never in {@link #toString()}
     */
    record Relay(String host, int port, String password) implements Endpoint {
        public Relay {
            Objects.requireNonNull(host, "host");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be from 1 to 65535");
            }
        }

        /** No password of its own. */
        public Relay(String host, int port) {
            this(host, port, null);
        }

        /** This relay with {@code newPassword} (null: none of its own). */
        public Relay withPassword(String newPassword) {
            return new Relay(host, port, newPassword);
        }

        /** host:port, for the user and for parley.toml; the password stays out of logs and files. */
        @Override
        public String toString() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    record Mesh() implements Endpoint {
        /** For logs; the user reads the mesh's name in their language ({@code connection.mesh} of ClientTexts). */
        @Override
        public String toString() {
            return "LAN mesh";
        }
    }

    /**
     * Reads {@code host}, {@code host:port}, {@code [v6]:port} or {@code chat://host:port}.
     *
     * @throws IllegalArgumentException with a message for the user
     */
    static Relay parseRelay(String text) {
        String rest = text.strip();
        if (rest.startsWith("chat://") || rest.startsWith("irc://")) {
            rest = rest.substring(rest.indexOf("://") + 3);
        }
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("no host given");
        }
        String host = rest;
        String port = null;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + text + "' has an unclosed [");
            }
            host = rest.substring(1, close);
            if (close + 1 < rest.length()) {
                if (rest.charAt(close + 1) != ':') {
                    throw new IllegalArgumentException("'" + text + "' is not host:port");
                }
                port = rest.substring(close + 2);
            }
        } else if (rest.indexOf(':') >= 0 && rest.indexOf(':') == rest.lastIndexOf(':')) {
            host = rest.substring(0, rest.indexOf(':'));
            port = rest.substring(rest.indexOf(':') + 1);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("no host given in '" + text + "'");
        }
        if (port == null) {
            return new Relay(host, DEFAULT_PORT);
        }
        try {
            int number = Integer.parseInt(port);
            if (number < 1 || number > 65535) {
                throw new IllegalArgumentException("port " + port + " is not from 1 to 65535");
            }
            return new Relay(host, number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port '" + port + "' is not a number");
        }
    }
}
