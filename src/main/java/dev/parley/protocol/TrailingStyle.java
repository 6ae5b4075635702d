package dev.parley.protocol;

import java.util.Map;
import java.util.Set;

/**
 * Where a ':' goes on the last parameter when it is not needed. The wire format allows
 * {@code PRIVMSG #c hi}, but servers write {@code PRIVMSG #c :hi}, and some simple clients take
 * the text to be whatever follows " :". So a parameter that holds free text always gets its
 * colon, and a parameter that holds a name or a number does not ({@code JOIN #c},
 * {@code 333 me #c ada 1700000000}).
 */
final class TrailingStyle {

    /** Commands whose parameter at this index (when it is the last) is free text. */
    private static final Map<String, Integer> TEXT_PARAM = Map.ofEntries(
            Map.entry("PRIVMSG", 1), Map.entry("NOTICE", 1), Map.entry("TOPIC", 1), Map.entry("PART", 1),
            Map.entry("KICK", 2), Map.entry("QUIT", 0), Map.entry("AWAY", 0), Map.entry("ERROR", 0),
            Map.entry("WALLOPS", 0), Map.entry("PING", 0), Map.entry("PONG", 1), Map.entry("USER", 3),
            Map.entry("CAP", 2), Map.entry("FAIL", 2), Map.entry("WARN", 2), Map.entry("NOTE", 2));

    /** Numerics whose last parameter is a value, not a sentence. */
    private static final Set<String> NUMERICS_WITHOUT_TEXT = Set.of("004", "221", "324", "329", "333", "341", "367");

    private TrailingStyle() {
    }

    static boolean wantsColon(String command, int lastIndex) {
        if (IrcParser.isCommandWord(command) && command.length() == 3 && Character.isDigit(command.charAt(0))) {
            return lastIndex >= 1 && !NUMERICS_WITHOUT_TEXT.contains(command);
        }
        Integer textIndex = TEXT_PARAM.get(command);
        return textIndex != null && lastIndex >= textIndex;
    }
}
