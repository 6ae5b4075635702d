package dev.parley.protocol;

import java.util.regex.Pattern;

/**
 * Escaping of IRCv3 tag values (message-tags spec): {@code ;} {@code \:}, space {@code \s},
 * backslash {@code \\}, CR {@code \r}, LF {@code \n}.
 */
final class TagCodec {

    /** {@code [+][vendor/]name}; the vendor is a host name, the name letters, digits and hyphens. */
    private static final Pattern KEY = Pattern.compile("\\+?([A-Za-z0-9.-]+/)?[A-Za-z0-9-]+");

    private TagCodec() {
    }

    static boolean isValidKey(String key) {
        return KEY.matcher(key).matches();
    }

    static String unescape(String raw) {
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i + 1 == raw.length()) {
                break; // a lone trailing backslash is dropped
            }
            char next = raw.charAt(++i);
            switch (next) {
                case ':' -> out.append(';');
                case 's' -> out.append(' ');
                case '\\' -> out.append('\\');
                case 'r' -> out.append('\r');
                case 'n' -> out.append('\n');
                default -> out.append(next); // an unknown escape stands for the character itself
            }
        }
        return out.toString();
    }

    static String escape(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String replacement = switch (c) {
                case ';' -> "\\:";
                case ' ' -> "\\s";
                case '\\' -> "\\\\";
                case '\r' -> "\\r";
                case '\n' -> "\\n";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(value.length() + 8).append(value, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? value : out.toString();
    }
}
