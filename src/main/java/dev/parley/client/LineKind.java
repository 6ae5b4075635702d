package dev.parley.client;

/** What a line in a conversation is: said by someone, or an event shown quietly. */
public enum LineKind {
    MESSAGE,
    ACTION,
    NOTICE,
    JOIN,
    PART,
    QUIT,
    KICK,
    NICK,
    TOPIC,
    INFO,
    ERROR;

    /** Lines that people wrote, as opposed to events and the client's own remarks. */
    public boolean isChat() {
        return this == MESSAGE || this == ACTION || this == NOTICE;
    }
}
