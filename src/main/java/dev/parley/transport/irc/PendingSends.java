package dev.parley.transport.irc;

import dev.parley.model.ChatMessage;
import dev.parley.transport.OutgoingMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Our messages written to the server and waiting for its echo (echo-message).
 *
 * <p>Each part of a split message is matched on its own: by its {@code label} when
 * labeled-response is on (the server copies the label to the echo, or to the batch around it),
 * else by order, oldest first, per target (the server answers one connection's lines in order).
 * A message is confirmed when its last part is.
 */
final class PendingSends {

    /** One message the user sent, in one or more parts. */
    static final class Pending {
        final OutgoingMessage message;
        final List<String> parts;
        /** Our nick when it was sent: a catch-up shows it under that nick. */
        final String nick;
        private int confirmed;
        private ChatMessage last;

        Pending(OutgoingMessage message, List<String> parts, String nick) {
            this.message = message;
            this.parts = List.copyOf(parts);
            this.nick = nick;
        }

        String localId() {
            return message.localId();
        }

        /** The text of the first part not yet confirmed, or null when all are. */
        String nextPartText() {
            return confirmed < parts.size() ? parts.get(confirmed) : null;
        }

        /** Counts one more part as stored; true when that was the last. */
        boolean confirm(ChatMessage echo) {
            confirmed++;
            last = echo;
            return confirmed >= parts.size();
        }

        /**
         * As the network stored it: the id and time of the last part (the newest id, the one a
         * catch-up starts after) with the server's text for one part, the user's whole text for
         * several.
         */
        ChatMessage stored() {
            String text = parts.size() == 1 ? last.text() : message.text();
            return new ChatMessage(last.id(), last.time(), last.target(), last.sender(), last.origin(), text,
                    message.kind());
        }
    }

    /** One line on the wire. */
    record Part(Pending owner, String label, String targetKey) {
    }

    private final Map<String, Part> byLabel = new HashMap<>();
    private final Map<String, Deque<Part>> byTarget = new HashMap<>();

    void add(Part part) {
        if (part.label() != null) {
            byLabel.put(part.label(), part);
        }
        byTarget.computeIfAbsent(part.targetKey(), k -> new ArrayDeque<>()).add(part);
    }

    /** The part a reply is for, taken out: the one with its label, else the oldest unlabelled one for the target; or null. */
    Part take(String label, String targetKey) {
        Part part = label == null ? null : byLabel.get(label);
        if (label == null && targetKey != null) {
            // by order only among unlabelled parts: a reply without a label is not about a labelled line
            Deque<Part> queue = byTarget.get(targetKey);
            part = queue == null ? null : queue.stream().filter(p -> p.label() == null).findFirst().orElse(null);
        }
        if (part != null) {
            unlink(part);
        }
        return part;
    }

    /** Takes every part of {@code pending} out (it failed). */
    void remove(Pending pending) {
        for (Part part : List.copyOf(allParts())) {
            if (part.owner() == pending) {
                unlink(part);
            }
        }
    }

    boolean isEmpty() {
        return byTarget.isEmpty();
    }

    /** Everything still waiting, oldest first; empties this. */
    List<Pending> drain() {
        LinkedHashSet<Pending> owners = new LinkedHashSet<>();
        allParts().forEach(part -> owners.add(part.owner()));
        byLabel.clear();
        byTarget.clear();
        return new ArrayList<>(owners);
    }

    private List<Part> allParts() {
        List<Part> parts = new ArrayList<>();
        byTarget.values().forEach(parts::addAll);
        return parts;
    }

    private void unlink(Part part) {
        if (part.label() != null) {
            byLabel.remove(part.label());
        }
        Deque<Part> queue = byTarget.get(part.targetKey());
        if (queue != null) {
            queue.remove(part);
            if (queue.isEmpty()) {
                byTarget.remove(part.targetKey());
            }
        }
    }
}
