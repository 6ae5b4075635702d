package dev.parley.storage;

import java.time.Instant;

/** A conversation and the time of its newest message in some window (chathistory TARGETS). */
public record ConversationActivity(String key, Instant latest) {
}
