package dev.parley.ui.fx.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a message into plain text and web links, so the message cell can make links clickable. */
public final class LinkText {

    /** A run of text; {@code link} when it is a URL to open. */
    public record Part(String text, boolean link) {
    }

    // http(s) and www. links; trailing punctuation belongs to the sentence, not the link.
    private static final Pattern LINK = Pattern.compile("\\b(?:https?://|www\\.)[^\\s<>\"]*[^\\s<>\".,;:!?)\\]}'’]",
            Pattern.CASE_INSENSITIVE);

    private LinkText() {
    }

    public static List<Part> split(String text) {
        List<Part> parts = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                parts.add(new Part(text.substring(at, m.start()), false));
            }
            parts.add(new Part(m.group(), true));
            at = m.end();
        }
        if (at < text.length()) {
            parts.add(new Part(text.substring(at), false));
        }
        return parts;
    }

    /** What to open for a link part: www. links get http:// in front. */
    public static String target(String link) {
        return link.regionMatches(true, 0, "www.", 0, 4) ? "http://" + link : link;
    }
}
