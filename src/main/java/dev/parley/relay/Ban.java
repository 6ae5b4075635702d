package dev.parley.relay;

import dev.parley.protocol.CaseMapping;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A channel ban: a {@code nick!user@host} mask with {@code *} and {@code ?} wildcards, compared
 * case-insensitively, and who set it when.
 */
public record Ban(String mask, String setBy, Instant setAt) {

    public boolean matches(String source) {
        return pattern(mask).matcher(CaseMapping.fold(source)).matches();
    }

    /** Completes a short mask the way IRC servers do: {@code bob} means {@code bob!*@*}. */
    public static String normalise(String mask) {
        String m = mask;
        if (!m.contains("!") && !m.contains("@")) {
            m = m + "!*@*";
        } else if (!m.contains("!")) {
            m = "*!" + m;
        } else if (!m.contains("@")) {
            m = m + "@*";
        }
        return m;
    }

    private static Pattern pattern(String mask) {
        StringBuilder regex = new StringBuilder();
        for (char c : CaseMapping.fold(mask).toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
