package dev.parley.client;

import dev.parley.transport.OutgoingMessage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Messages the user typed that the network has not confirmed yet: {@code waiting} (typed while
 * offline, or handed back by a transport that lost its connection) and {@code inFlight} (sent,
 * confirmation to come). Bounded; the oldest waiting message is kept, a new one past the bound
 * is refused so the user knows at once. Touched only on the service thread.
 */
final class Outbox {

    static final int CAPACITY = 500;

    private final Map<String, OutgoingMessage> waiting = new LinkedHashMap<>();
    private final Map<String, OutgoingMessage> inFlight = new LinkedHashMap<>();

    /** Queues a message to send when connected; false when the outbox is full. */
    boolean hold(OutgoingMessage message) {
        if (size() >= CAPACITY) {
            return false;
        }
        waiting.put(message.localId(), message);
        return true;
    }

    void markInFlight(OutgoingMessage message) {
        waiting.remove(message.localId());
        inFlight.put(message.localId(), message);
    }

    /** The network confirmed it; returns it, or null if it was not ours. */
    OutgoingMessage confirm(String localId) {
        OutgoingMessage message = inFlight.remove(localId);
        return message != null ? message : waiting.remove(localId);
    }

    /** A sent message came back unsent (the connection dropped first): it waits again, in its old place. */
    void requeue(String localId) {
        OutgoingMessage message = inFlight.remove(localId);
        if (message == null) {
            return;
        }
        Map<String, OutgoingMessage> reordered = new LinkedHashMap<>();
        reordered.put(localId, message);
        reordered.putAll(waiting);
        waiting.clear();
        waiting.putAll(reordered);
    }

    /** Everything sent but unconfirmed goes back to waiting, oldest first, when a connection is lost. */
    void requeueInFlight() {
        List<String> ids = new ArrayList<>(inFlight.keySet());
        for (int i = ids.size() - 1; i >= 0; i--) {
            requeue(ids.get(i));
        }
    }

    /** Drops a waiting message the network shows it already has (same target and text, ours). */
    OutgoingMessage matchDelivered(String target, String text) {
        for (Iterator<OutgoingMessage> it = waiting.values().iterator(); it.hasNext(); ) {
            OutgoingMessage message = it.next();
            if (message.target().equalsIgnoreCase(target) && message.text().equals(text)) {
                it.remove();
                return message;
            }
        }
        return null;
    }

    /** The waiting messages, oldest first, taken out for sending. */
    List<OutgoingMessage> waiting() {
        return List.copyOf(waiting.values());
    }

    OutgoingMessage fail(String localId) {
        OutgoingMessage message = inFlight.remove(localId);
        return message != null ? message : waiting.remove(localId);
    }

    int size() {
        return waiting.size() + inFlight.size();
    }

    boolean isEmpty() {
        return size() == 0;
    }
}
