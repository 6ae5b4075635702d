package dev.parley.transport.irc;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * The message ids seen lately, per conversation, so a message that comes twice (live and again
 * in a catch-up after a reconnect) is shown once. Bounded: the oldest ids of a conversation and
 * the least recently active conversations are forgotten first.
 */
final class RecentIds {

    private final int perTarget;
    private final Map<String, LinkedHashSet<String>> byTarget;

    RecentIds(int perTarget, int maxTargets) {
        this.perTarget = perTarget;
        this.byTarget = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, LinkedHashSet<String>> eldest) {
                return size() > maxTargets;
            }
        };
    }

    /** Records {@code id} for the conversation {@code targetKey}; false when it was already there. */
    boolean add(String targetKey, String id) {
        LinkedHashSet<String> ids = byTarget.computeIfAbsent(targetKey, k -> new LinkedHashSet<>());
        if (!ids.add(id)) {
            return false;
        }
        if (ids.size() > perTarget) {
            ids.remove(ids.getFirst());
        }
        return true;
    }

    boolean contains(String targetKey, String id) {
        LinkedHashSet<String> ids = byTarget.get(targetKey);
        return ids != null && ids.contains(id);
    }
}
