package dev.parley.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses one IRC line (RFC 1459/2812 with IRCv3 message-tags) into an {@link IrcMessage}.
 *
 * <pre>
 *   [ '@' tags SPACE ] [ ':' source SPACE ] command { SPACE param } [ SPACE ':' trailing ]
 * </pre>
 *
 * <p>Strict where a mistake could change meaning (NUL, CR or LF inside the line, a bad command
 * word, a bad tag key), lenient where servers and clients differ in practice (repeated spaces,
 * a trailing CRLF or bare LF still attached). Length limits are the framer's job
 * ({@link LineFramer}), so this never sees an unbounded line from the network.
 * Command words are upper-cased, since IRC commands are case-insensitive.
 */
public final class IrcParser {

    /** RFC 2812: after 14 middle parameters the rest of the line is the last one, colon or not. */
    static final int MAX_MIDDLE_PARAMS = 14;

    private IrcParser() {
    }

    public static IrcMessage parse(String line) throws IrcParseException {
        String text = stripLineEnding(line);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0' || c == '\r' || c == '\n') {
                throw new IrcParseException("control character " + (int) c + " inside the line");
            }
        }
        int pos = skipSpaces(text, 0);
        if (pos == text.length()) {
            throw new IrcParseException("empty line");
        }

        Map<String, String> tags = Map.of();
        if (text.charAt(pos) == '@') {
            int end = text.indexOf(' ', pos);
            if (end < 0) {
                throw new IrcParseException("tags but no command");
            }
            tags = parseTags(text.substring(pos + 1, end));
            pos = skipSpaces(text, end);
        }

        String source = null;
        if (pos < text.length() && text.charAt(pos) == ':') {
            int end = text.indexOf(' ', pos);
            if (end < 0) {
                throw new IrcParseException("source but no command");
            }
            source = text.substring(pos + 1, end);
            if (source.isEmpty()) {
                throw new IrcParseException("empty source");
            }
            pos = skipSpaces(text, end);
        }

        int commandEnd = indexOfSpaceOrEnd(text, pos);
        String command = text.substring(pos, commandEnd);
        if (command.isEmpty()) {
            throw new IrcParseException("no command");
        }
        if (!isCommandWord(command)) {
            throw new IrcParseException("bad command '" + command + "'");
        }
        pos = commandEnd;

        List<String> params = new ArrayList<>();
        while (true) {
            pos = skipSpaces(text, pos);
            if (pos >= text.length()) {
                break;
            }
            if (text.charAt(pos) == ':') {
                params.add(text.substring(pos + 1));
                break;
            }
            if (params.size() == MAX_MIDDLE_PARAMS) {
                params.add(text.substring(pos));
                break;
            }
            int end = indexOfSpaceOrEnd(text, pos);
            params.add(text.substring(pos, end));
            pos = end;
        }
        return new IrcMessage(tags, source, command.toUpperCase(Locale.ROOT), params);
    }

    private static Map<String, String> parseTags(String raw) throws IrcParseException {
        if (raw.isEmpty()) {
            throw new IrcParseException("empty tags section");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (String item : raw.split(";")) {
            if (item.isEmpty()) {
                continue; // "a=1;;b" and a trailing ';' carry no tag
            }
            int eq = item.indexOf('=');
            String key = eq < 0 ? item : item.substring(0, eq);
            if (!TagCodec.isValidKey(key)) {
                throw new IrcParseException("bad tag key '" + key + "'");
            }
            String value = eq < 0 ? "" : TagCodec.unescape(item.substring(eq + 1));
            tags.put(key, value); // a repeated key: the last one wins, as the spec says
        }
        return tags;
    }

    /** Three digits, or letters only. Loops rather than streams: it runs for every line in and out. */
    static boolean isCommandWord(String command) {
        boolean digits = command.length() == 3;
        boolean letters = true;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            digits &= c >= '0' && c <= '9';
            letters &= (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        }
        return digits || letters;
    }

    private static String stripLineEnding(String line) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        return line.substring(0, end);
    }

    private static int skipSpaces(String text, int pos) {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
        return pos;
    }

    private static int indexOfSpaceOrEnd(String text, int from) {
        int space = text.indexOf(' ', from);
        return space < 0 ? text.length() : space;
    }
}
