package dev.parley.transport.irc;

import java.util.Locale;

/**
 * Comparing nicks and channel names the IRC way. One folding for every server: ASCII lower case
 * plus the RFC 1459 pairs {@code [ ] \ ~} = {@code { } | ^}. On an {@code ascii} server that
 * merges a few names the server keeps apart, which costs nothing in practice and keeps keys
 * stable across reconnects before ISUPPORT has arrived.
 */
final class IrcNames {

    private IrcNames() {
    }

    static String fold(String name) {
        StringBuilder sb = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            char f = switch (c) {
                case '[' -> '{';
                case ']' -> '}';
                case '\\' -> '|';
                case '~' -> '^';
                default -> c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            };
            if (f != c && sb == null) {
                sb = new StringBuilder(name.length()).append(name, 0, i);
            }
            if (sb != null) {
                sb.append(f);
            }
        }
        return sb == null ? name : sb.toString();
    }

    static boolean same(String a, String b) {
        return a != null && b != null && fold(a).equals(fold(b));
    }

    /** The nick of a {@code nick!user@host} (or of a bare nick). */
    static String nickOf(String source) {
        int bang = source.indexOf('!');
        int at = source.indexOf('@');
        int end = bang >= 0 ? bang : at >= 0 ? at : source.length();
        return source.substring(0, end);
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
