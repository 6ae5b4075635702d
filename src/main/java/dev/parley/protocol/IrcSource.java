package dev.parley.protocol;

import java.util.Objects;

/**
 * The source (prefix) of a message, split into {@code nick!user@host}. A server source has only a
 * "nick" (the server name) and null user and host.
 */
public record IrcSource(String nick, String user, String host) {

    public IrcSource {
        Objects.requireNonNull(nick, "nick");
    }

    public static IrcSource parse(String source) {
        int bang = source.indexOf('!');
        int at = source.indexOf('@', Math.max(bang, 0));
        if (bang < 0 && at < 0) {
            return new IrcSource(source, null, null);
        }
        if (bang < 0) {
            return new IrcSource(source.substring(0, at), null, source.substring(at + 1));
        }
        if (at < 0) {
            return new IrcSource(source.substring(0, bang), source.substring(bang + 1), null);
        }
        return new IrcSource(source.substring(0, bang), source.substring(bang + 1, at), source.substring(at + 1));
    }

    /** The wire form: {@code nick}, {@code nick@host}, {@code nick!user} or {@code nick!user@host}. */
    public String format() {
        StringBuilder sb = new StringBuilder(nick);
        if (user != null) {
            sb.append('!').append(user);
        }
        if (host != null) {
            sb.append('@').append(host);
        }
        return sb.toString();
    }
}
