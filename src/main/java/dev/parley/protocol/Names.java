package dev.parley.protocol;

/** What a valid nick and channel name look like: the relay and the mesh apply the same rules. */
public final class Names {

    private Names() {
    }

    /**
     * RFC 2812 nick characters (letters, digits, {@code []\`_^{|}-}), not starting with a digit or
     * '-', at most {@code maxLength} characters.
     */
    public static boolean isValidNick(String nick, int maxLength) {
        if (nick.isEmpty() || nick.length() > maxLength) {
            return false;
        }
        char first = nick.charAt(0);
        if (Character.isDigit(first) || first == '-') {
            return false;
        }
        for (int i = 0; i < nick.length(); i++) {
            char c = nick.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "[]\\`_^{|}-".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code #} then at least one character, none of them space, comma, BELL (^G) or a control
     * character, at most {@code maxLength} characters in all. Other scripts are allowed: a
     * Swedish or Chinese classroom names its channels in its own language.
     */
    public static boolean isValidChannel(String name, int maxLength) {
        if (name.length() < 2 || name.length() > maxLength || name.charAt(0) != '#') {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c == ',' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code name} starts as a channel's does on the IRC networks a client may join (# or
     * &amp;). The relay itself names only # channels ({@link #isChannel}).
     */
    public static boolean hasChannelPrefix(String name) {
        return name.startsWith("#") || name.startsWith("&");
    }

    /** A channel as people type it: "lab" for "#lab"; a name starting with # or &amp; is kept as it is. */
    public static String asChannel(String typed) {
        return hasChannelPrefix(typed) ? typed : "#" + typed;
    }

    public static boolean isChannel(String target) {
        return !target.isEmpty() && target.charAt(0) == '#';
    }
}
