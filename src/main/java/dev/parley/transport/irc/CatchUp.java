package dev.parley.transport.irc;

import dev.parley.model.ChatMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Channels fetching what they missed after a reconnect. While a channel catches up, its live
 * messages wait here, so the user sees the missed ones first and then the live ones, in order;
 * the duplicates (a live message that is also in the fetched page) are dropped by id later.
 */
final class CatchUp {

    /** Against a server that keeps returning full pages: about this many pages of 100, then stop. */
    static final int MAX_PAGES = 20;
    private static final int MAX_BUFFERED = 5_000;

    private final Map<String, List<ChatMessage>> waiting = new HashMap<>();

    void start(String channel) {
        waiting.putIfAbsent(IrcNames.fold(channel), new ArrayList<>());
    }

    boolean active(String channel) {
        return waiting.containsKey(IrcNames.fold(channel));
    }

    /** Holds a live message until the catch-up of its channel is done; false when the buffer is full. */
    boolean hold(String channel, ChatMessage message) {
        List<ChatMessage> held = waiting.get(IrcNames.fold(channel));
        if (held == null || held.size() >= MAX_BUFFERED) {
            return false;
        }
        held.add(message);
        return true;
    }

    /** Ends the catch-up of a channel; returns the live messages held meanwhile, in order. */
    List<ChatMessage> finish(String channel) {
        List<ChatMessage> held = waiting.remove(IrcNames.fold(channel));
        return held == null ? List.of() : held;
    }
}
