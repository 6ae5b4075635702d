package dev.parley.relay;

import java.util.Arrays;
import java.util.Optional;

/** The IRCv3 capabilities this relay offers (CAP LS). */
public enum Capability {
    MESSAGE_TAGS("message-tags"),
    SERVER_TIME("server-time"),
    ECHO_MESSAGE("echo-message"),
    BATCH("batch"),
    LABELED_RESPONSE("labeled-response"),
    AWAY_NOTIFY("away-notify"),
    CAP_NOTIFY("cap-notify"),
    MULTI_PREFIX("multi-prefix"),
    CHATHISTORY("draft/chathistory");

    private final String wireName;

    Capability(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Capability> byName(String name) {
        return Arrays.stream(values()).filter(c -> c.wireName.equals(name)).findFirst();
    }
}
