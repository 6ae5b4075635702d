package dev.parley.storage;

import java.util.Objects;
import java.util.Set;

/**
 * Where a message belongs for history: a channel, or the direct conversation between two people.
 * The store treats the key as opaque; the caller builds it (for IRC, from case-folded names) so
 * that "#Lab" and "#lab" are one conversation.
 *
 * @param key          opaque, case-normalised key; equal keys are one conversation
 * @param participants for a direct conversation the normalised names of both people, so
 *                     {@link MessageStore#conversationsOf} can find it; empty for a channel
 */
public record Conversation(String key, Set<String> participants) {

    public Conversation {
        Objects.requireNonNull(key, "key");
        participants = Set.copyOf(participants);
    }

    public static Conversation channel(String key) {
        return new Conversation(key, Set.of());
    }

    public static Conversation direct(String key, String participantA, String participantB) {
        return new Conversation(key, participantA.equals(participantB) ? Set.of(participantA)
                : Set.of(participantA, participantB));
    }
}
