package dev.parley.relay;

import dev.parley.protocol.CaseMapping;
import dev.parley.storage.Conversation;

/**
 * History keys for the store. A channel's key is its folded name ({@code #lab}); a direct
 * conversation's is {@code dm:} and both folded nicks in order, so either side finds it.
 */
public final class Conversations {

    private static final String DIRECT_PREFIX = "dm:";

    private Conversations() {
    }

    public static Conversation channel(Channel channel) {
        return Conversation.channel(channel.key());
    }

    public static Conversation direct(String nickA, String nickB) {
        String a = CaseMapping.fold(nickA);
        String b = CaseMapping.fold(nickB);
        String key = a.compareTo(b) <= 0 ? DIRECT_PREFIX + a + " " + b : DIRECT_PREFIX + b + " " + a;
        return Conversation.direct(key, a, b);
    }

    public static boolean isDirect(String key) {
        return key.startsWith(DIRECT_PREFIX);
    }

    /** For a direct key, the nick that is not {@code self}; for a channel key, the key. */
    public static String displayName(String key, String self) {
        if (!key.startsWith(DIRECT_PREFIX)) {
            return key;
        }
        String[] pair = key.substring(DIRECT_PREFIX.length()).split(" ", 2);
        String folded = CaseMapping.fold(self);
        return pair[0].equals(folded) && pair.length > 1 ? pair[1] : pair[0];
    }
}
