package dev.parley.transport.irc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts message text into pieces that each fit one IRC line.
 *
 * <ul>
 *   <li>Line breaks in the text start a new piece; empty lines are dropped.</li>
 *   <li>A piece is at most {@code maxBytes} of UTF-8, cut between code points, at the last space
 *       when there is one in the second half of the piece (the space itself is dropped), else
 *       in the middle of the word.</li>
 *   <li>A CTCP ACTION ({@code \u0001ACTION text\u0001}, a /me) is cut inside its framing, and
 *       every piece is an ACTION again.</li>
 * </ul>
 * Grapheme clusters (a letter and its combining accents, emoji sequences) may be cut apart at a
 * piece boundary; each piece is still valid UTF-8.
 */
final class MessageSplitter {

    private static final String ACTION_START = "\u0001ACTION ";
    private static final String CTCP_END = "\u0001";
    /** The longest UTF-8 code point: less and some text could never be sent. */
    private static final int MIN_BYTES = 4;

    private MessageSplitter() {
    }

    /** The pieces of {@code text}, each at most {@code maxBytes} (at least 4: one code point) of UTF-8. */
    static List<String> split(String text, int maxBytes) {
        if (maxBytes < MIN_BYTES) {
            throw new IllegalArgumentException("no room for text: " + maxBytes + " bytes");
        }
        boolean action = text.startsWith(ACTION_START) && text.endsWith(CTCP_END) && text.length() > ACTION_START.length();
        if (action) {
            String inner = text.substring(ACTION_START.length(), text.length() - 1);
            int framing = utf8Length(ACTION_START) + 1;
            if (maxBytes - framing < MIN_BYTES) {
                throw new IllegalArgumentException("no room for an action: " + maxBytes + " bytes");
            }
            List<String> pieces = new ArrayList<>();
            for (String piece : splitPlain(inner, maxBytes - framing)) {
                pieces.add(ACTION_START + piece + CTCP_END);
            }
            return pieces;
        }
        return splitPlain(text, maxBytes);
    }

    private static List<String> splitPlain(String text, int maxBytes) {
        List<String> pieces = new ArrayList<>();
        for (String line : text.split("\r\n|\r|\n")) {
            String rest = line;
            while (!rest.isEmpty()) {
                int cut = cutIndex(rest, maxBytes);
                if (cut == rest.length()) {
                    pieces.add(rest);
                    break;
                }
                int space = rest.lastIndexOf(' ', cut);
                if (space > 0 && space >= cut / 2) {
                    pieces.add(rest.substring(0, space));
                    rest = rest.substring(space + 1);
                } else {
                    pieces.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
            }
        }
        return pieces;
    }

    /** The longest prefix of {@code s} (in chars, ending between code points) that fits {@code maxBytes}. */
    private static int cutIndex(String s, int maxBytes) {
        int bytes = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes) {
                return i;
            }
            bytes += size;
            i += Character.charCount(cp);
        }
        return i;
    }

    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
