package dev.parley.relay;

import dev.parley.protocol.IrcMessage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which tags a client may see, from the capabilities it negotiated. A client that did not ask
 * for message-tags gets no tags at all, except those its other capabilities name: {@code time}
 * (server-time), {@code batch} (batch), {@code label} (labeled-response).
 */
final class TagFilter {

    private TagFilter() {
    }

    static IrcMessage forClient(IrcMessage message, int caps) {
        if (message.tags().isEmpty() || has(caps, Capability.MESSAGE_TAGS)) {
            return message;
        }
        Map<String, String> kept = new LinkedHashMap<>();
        message.tags().forEach((key, value) -> {
            boolean keep = switch (key) {
                case "time" -> has(caps, Capability.SERVER_TIME);
                case "batch" -> has(caps, Capability.BATCH);
                case "label" -> has(caps, Capability.LABELED_RESPONSE);
                default -> false;
            };
            if (keep) {
                kept.put(key, value);
            }
        });
        return message.withTags(kept);
    }

    /** How many values {@link #profile} has. */
    static final int PROFILES = 3;

    /** Tag profiles that give different bytes for a fan-out line: none, time only, all. */
    static int profile(int caps) {
        if (has(caps, Capability.MESSAGE_TAGS)) {
            return 2;
        }
        return has(caps, Capability.SERVER_TIME) ? 1 : 0;
    }

    static boolean has(int caps, Capability cap) {
        return (caps & (1 << cap.ordinal())) != 0;
    }
}
