package dev.parley.ui.fx.connect;

import java.util.Optional;

/**
 * The nick rule of RFC 2812 that the relay and the mesh apply: first a letter a-z or A-Z or one
 * of {@code []\`_^{|}}, then also digits and '-', at most 30 characters. The servers only say
 * yes or no; the dialog checks rule by rule so it can tell the user what to change.
 */
final class NickRule {

    static final int MAX_LENGTH = 30;
    /** May start a nick. */
    static final String SPECIALS = "[]\\`_^{|}";
    /** May follow the first character. */
    static final String LATER_SPECIALS = SPECIALS + "-";

    private NickRule() {
    }

    /** What is wrong with {@code nick} (already stripped), or empty when a server will take it. */
    static Optional<ConnectProblem> check(String nick) {
        if (nick.isEmpty()) {
            return problem("connect.error.nick.empty");
        }
        if (nick.length() > MAX_LENGTH) {
            return problem("connect.error.nick.long", Integer.toString(MAX_LENGTH));
        }
        // A space is the usual mistake ("Anna Berg"), and quoting it would show nothing.
        if (nick.chars().anyMatch(Character::isWhitespace)) {
            return problem("connect.error.nick.space");
        }
        char first = nick.charAt(0);
        if (!isAsciiLetter(first) && SPECIALS.indexOf(first) < 0) {
            return problem("connect.error.nick.start", Character.toString(first), SPECIALS);
        }
        // By code point, so a character outside the BMP (an emoji) is quoted whole.
        Optional<String> bad = nick.codePoints()
                .filter(c -> !isAsciiLetter(c) && !(c >= '0' && c <= '9') && LATER_SPECIALS.indexOf(c) < 0)
                .mapToObj(Character::toString)
                .findFirst();
        return bad.flatMap(c -> problem("connect.error.nick.char", c, LATER_SPECIALS));
    }

    private static boolean isAsciiLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static Optional<ConnectProblem> problem(String key, String... args) {
        return Optional.of(ConnectProblem.of(ConnectProblem.Field.NICK, key, args));
    }
}
