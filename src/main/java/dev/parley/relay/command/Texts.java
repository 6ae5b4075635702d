package dev.parley.relay.command;

import java.nio.charset.StandardCharsets;

/** Cutting user text to a limit without breaking a character. */
final class Texts {

    private Texts() {
    }

    /** At most {@code maxChars} characters, never splitting a surrogate pair. */
    static String truncate(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = maxChars;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /** At most {@code maxBytes} bytes of UTF-8, cut on a character boundary. */
    static String truncateUtf8(String text, int maxBytes) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return text;
        }
        int end = maxBytes;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--; // back off continuation bytes to the start of the cut character
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }
}
