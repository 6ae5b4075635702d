package dev.parley.relay;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.IrcParseException;
import dev.parley.protocol.Numeric;
import java.util.List;
import java.util.Locale;

/**
 * The relay's answers to lines it cannot run: one too long for the codec, one the parser refuses.
 * What the client sent is quoted only as printable ASCII and briefly, so an answer is always a
 * valid line, whatever the client sent.
 */
final class InputErrors {

    /** How much of a malformed line's reason the 400 reply quotes. */
    private static final int MAX_REASON_CHARS = 80;

    private InputErrors() {
    }

    static IrcMessage tooLong(String server, String nick) {
        return new IrcMessage(null, server, Numeric.ERR_INPUTTOOLONG.code(), List.of(nick, "Input line was too long"));
    }

    /**
     * Only a bad command word is an unknown command (421); a line broken otherwise (a NUL, a lone
     * CR, a bad tag) gets 400 (modern IRC's ERR_UNKNOWNERROR) saying why, so a message in it is not
     * lost without a word. An empty line is ignored, as RFC 1459 says: null.
     */
    static IrcMessage malformed(String server, String nick, String line, IrcParseException e) {
        String word = firstWord(line);
        if (e.getMessage().startsWith("bad command") && !word.isEmpty() && word.length() <= 32) {
            return new IrcMessage(null, server, Numeric.ERR_UNKNOWNCOMMAND.code(),
                    List.of(nick, word.replaceAll("[^\\x21-\\x7e]", "?"), "Unknown command"));
        }
        if (e.getMessage().equals("empty line")) {
            return null;
        }
        String command = word.matches("[A-Za-z0-9]{1,32}") ? word.toUpperCase(Locale.ROOT) : "*";
        return new IrcMessage(null, server, Numeric.ERR_UNKNOWNERROR.code(),
                List.of(nick, command, "Line dropped: " + shortened(e.getMessage())));
    }

    /** The parser's reason, which may quote the client's bytes: printable and short. */
    private static String shortened(String reason) {
        String printable = reason.replaceAll("[\\x00-\\x1f\\x7f]", "?");
        return printable.length() <= MAX_REASON_CHARS ? printable : printable.substring(0, MAX_REASON_CHARS) + "...";
    }

    private static String firstWord(String line) {
        String rest = line.strip();
        if (rest.startsWith("@") || rest.startsWith(":")) {
            int space = rest.indexOf(' ');
            rest = space < 0 ? "" : rest.substring(space + 1).strip();
        }
        int space = rest.indexOf(' ');
        return space < 0 ? rest : rest.substring(0, space);
    }
}
