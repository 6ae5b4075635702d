package dev.parley.protocol;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Turns an {@link IrcMessage} into its wire form.
 *
 * <p>Refuses (with {@link IllegalArgumentException}) anything that would change the meaning of
 * the line on the other side: CR, LF or NUL anywhere (a second command smuggled in a parameter),
 * a space in a parameter that is not the last, an empty or ':'-led parameter that is not the
 * last, a bad command word or tag key. The last parameter gets a ':' when it needs one, and
 * when it holds free text even if it does not ({@link TrailingStyle}).
 * Line length is the caller's policy: the writer does not truncate.
 */
public final class IrcWriter {

    private IrcWriter() {
    }

    /** The line without CRLF. */
    public static String format(IrcMessage message) {
        StringBuilder out = new StringBuilder(64);
        appendTags(out, message.tags());
        String source = message.source();
        if (source != null) {
            if (source.isEmpty() || source.indexOf(' ') >= 0 || hasLineBreakOrNul(source)) {
                throw new IllegalArgumentException("bad source '" + source + "'");
            }
            out.append(':').append(source).append(' ');
        }
        if (!IrcParser.isCommandWord(message.command())) {
            throw new IllegalArgumentException("bad command '" + message.command() + "'");
        }
        out.append(message.command());
        appendParams(out, message.command(), message.params());
        return out.toString();
    }

    /** The line as UTF-8 bytes ending in CRLF, ready for a socket. */
    public static byte[] encode(IrcMessage message) {
        return (format(message) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** For logs and {@code toString}: never throws, shows what a broken message holds. */
    static String formatLenient(IrcMessage message) {
        try {
            return format(message);
        } catch (IllegalArgumentException e) {
            return "<invalid " + message.command() + " " + message.params() + ": " + e.getMessage() + ">";
        }
    }

    private static void appendTags(StringBuilder out, Map<String, String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        out.append('@');
        boolean first = true;
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            String key = tag.getKey();
            if (!TagCodec.isValidKey(key)) {
                throw new IllegalArgumentException("bad tag key '" + key + "'");
            }
            String value = tag.getValue();
            if (value != null && value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("NUL in the value of tag " + key);
            }
            if (!first) {
                out.append(';');
            }
            first = false;
            out.append(key);
            if (value != null && !value.isEmpty()) {
                out.append('=').append(TagCodec.escape(value));
            }
        }
        out.append(' ');
    }

    private static void appendParams(StringBuilder out, String command, List<String> params) {
        int last = params.size() - 1;
        for (int i = 0; i <= last; i++) {
            String param = params.get(i);
            if (hasLineBreakOrNul(param)) {
                throw new IllegalArgumentException("CR, LF or NUL in parameter " + (i + 1));
            }
            out.append(' ');
            boolean needsColon = param.isEmpty() || param.charAt(0) == ':' || param.indexOf(' ') >= 0;
            if (needsColon && i != last) {
                throw new IllegalArgumentException(
                        "parameter " + (i + 1) + " is empty, starts with ':' or has a space, but is not the last");
            }
            if (i == last && (needsColon || TrailingStyle.wantsColon(command, last))) {
                out.append(':');
            }
            out.append(param);
        }
    }

    private static boolean hasLineBreakOrNul(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n' || c == '\0') {
                return true;
            }
        }
        return false;
    }
}
