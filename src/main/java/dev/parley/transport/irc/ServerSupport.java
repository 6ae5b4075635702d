package dev.parley.transport.irc;

import dev.parley.protocol.IrcMessage;
import java.util.List;

/**
 * What the server said about itself in ISUPPORT (005): channel prefixes, member prefixes,
 * channel mode kinds, the chathistory limit. Defaults are RFC 2812's for servers that send no 005.
 */
final class ServerSupport {

    private String chanTypes = "#&";
    private String prefixModes = "ov";
    private String prefixChars = "@+";
    /** CHANMODES kinds A, B, C: list modes, modes with a parameter, modes with one when set. */
    private String listModes = "beI";
    private String paramModes = "k";
    private String paramWhenSetModes = "l";
    private int historyLimit = 100;

    /** Reads the tokens of one 005 line: {@code 005 nick TOKEN TOKEN ... :are supported}. */
    void parse(IrcMessage isupport) {
        List<String> params = isupport.params();
        for (int i = 1; i < params.size() - 1; i++) {
            String token = params.get(i);
            int eq = token.indexOf('=');
            String key = eq < 0 ? token : token.substring(0, eq);
            String value = eq < 0 ? "" : token.substring(eq + 1);
            switch (key) {
                case "CHANTYPES" -> chanTypes = value;
                case "PREFIX" -> parsePrefix(value);
                case "CHANMODES" -> parseChanModes(value);
                case "CHATHISTORY" -> historyLimit = parsePositive(value, historyLimit);
                default -> { }
            }
        }
    }

    private void parsePrefix(String value) {
        // (ov)@+
        int close = value.indexOf(')');
        if (value.startsWith("(") && close > 0 && value.length() - close - 1 == close - 1) {
            prefixModes = value.substring(1, close);
            prefixChars = value.substring(close + 1);
        } else if (value.isEmpty()) {
            prefixModes = "";
            prefixChars = "";
        }
    }

    private void parseChanModes(String value) {
        String[] kinds = value.split(",", -1);
        if (kinds.length >= 3) {
            listModes = kinds[0];
            paramModes = kinds[1];
            paramWhenSetModes = kinds[2];
        }
    }

    private static int parsePositive(String value, int fallback) {
        try {
            int n = Integer.parseInt(value);
            return n > 0 ? n : fallback;
        } catch (NumberFormatException e) {
            return fallback; // CHATHISTORY without a value, or 0: no limit announced
        }
    }

    boolean isChannel(String target) {
        return !target.isEmpty() && chanTypes.indexOf(target.charAt(0)) >= 0;
    }

    /** Longest page to ask for with CHATHISTORY. */
    int historyLimit() {
        return historyLimit;
    }

    /** A NAMES entry without its prefixes ({@code @+ada} gives {@code ada}). */
    String stripPrefixes(String entry) {
        int i = 0;
        while (i < entry.length() && prefixChars.indexOf(entry.charAt(i)) >= 0) {
            i++;
        }
        return entry.substring(i);
    }

    /** Whether a NAMES entry or WHO flags carry operator rank: {@code @} or anything above it ({@code ~ &}). */
    boolean hasOpPrefix(String prefixesOrFlags) {
        int opRank = prefixChars.indexOf('@');
        for (int i = 0; i < prefixesOrFlags.length(); i++) {
            int rank = prefixChars.indexOf(prefixesOrFlags.charAt(i));
            if (rank >= 0 && (opRank < 0 ? rank == 0 : rank <= opRank)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a prefix mode letter ({@code o}, {@code v} ...) gives operator rank. */
    boolean isOpMode(char mode) {
        int rank = prefixModes.indexOf(mode);
        int opRank = prefixChars.indexOf('@');
        return rank >= 0 && (opRank < 0 ? rank == 0 : rank <= opRank);
    }

    boolean isPrefixMode(char mode) {
        return prefixModes.indexOf(mode) >= 0;
    }

    /** Whether a channel mode letter takes a parameter when set ({@code adding}) or unset. */
    boolean takesParameter(char mode, boolean adding) {
        return isPrefixMode(mode) || listModes.indexOf(mode) >= 0 || paramModes.indexOf(mode) >= 0
                || (adding && paramWhenSetModes.indexOf(mode) >= 0);
    }
}
