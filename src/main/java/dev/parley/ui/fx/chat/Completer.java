package dev.parley.ui.fx.chat;

import dev.parley.protocol.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tab completion for the input box: the word before the caret is completed to a nick, a channel
 * or a /command; pressing Tab again cycles through the other matches. A nick at the start of the
 * line gets ": " after it, as IRC clients do.
 */
public final class Completer {

    /** The text after a completion, and where the caret goes. */
    public record Result(String text, int caret) {
    }

    private List<String> matches = List.of();
    private int index;
    private int wordStart;
    private String tail = "";
    private String lastResult;

    /**
     * Completes {@code text} at {@code caret}. Returns null when nothing matches. Candidates are
     * tried in the order given, so callers put the likeliest first (recent speakers, say).
     */
    public Result complete(String text, int caret, List<String> nicks, List<String> channels, List<String> commands) {
        if (lastResult != null && lastResult.equals(text) && !matches.isEmpty()) {
            index = (index + 1) % matches.size();
            return apply(text);
        }
        wordStart = caret;
        while (wordStart > 0 && !Character.isWhitespace(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        String word = text.substring(wordStart, caret);
        tail = text.substring(caret);
        matches = candidates(word, wordStart == 0, nicks, channels, commands);
        index = 0;
        if (matches.isEmpty()) {
            lastResult = null;
            return null;
        }
        return apply(text.substring(0, wordStart) + word + tail);
    }

    /** Typing anything but Tab starts a new completion. */
    public void reset() {
        lastResult = null;
    }

    private Result apply(String text) {
        String head = text.substring(0, wordStart) + matches.get(index);
        String result = head + tail;
        lastResult = result;
        return new Result(result, head.length());
    }

    private static List<String> candidates(String word, boolean lineStart, List<String> nicks, List<String> channels,
                                           List<String> commands) {
        List<String> found = new ArrayList<>();
        String lower = word.toLowerCase(Locale.ROOT);
        if (word.startsWith("/") && lineStart) {
            for (String command : commands) {
                if (("/" + command).startsWith(lower)) {
                    found.add("/" + command + " ");
                }
            }
        } else if (Names.hasChannelPrefix(word)) {
            channels.stream().filter(c -> c.toLowerCase(Locale.ROOT).startsWith(lower)).forEach(found::add);
        } else if (!word.isEmpty()) {
            for (String nick : nicks) {
                if (nick.toLowerCase(Locale.ROOT).startsWith(lower)) {
                    found.add(lineStart ? nick + ": " : nick);
                }
            }
        }
        return found;
    }
}
