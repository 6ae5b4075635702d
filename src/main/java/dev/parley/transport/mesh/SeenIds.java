package dev.parley.transport.mesh;

import java.util.LinkedHashSet;
import java.util.SequencedSet;

/**
 * The ids of the most recent messages delivered, so one that comes again (by repair, catch-up,
 * or a second path to its sender) is dropped. Bounded: the oldest ids are forgotten first;
 * older duplicates are caught by the store.
 */
final class SeenIds {

    private final int capacity;
    private final SequencedSet<String> ids = new LinkedHashSet<>();

    SeenIds(int capacity) {
        this.capacity = capacity;
    }

    /** Records {@code id}; false when it was seen already. */
    boolean add(String id) {
        if (!ids.add(id)) {
            return false;
        }
        if (ids.size() > capacity) {
            ids.removeFirst();
        }
        return true;
    }

    boolean contains(String id) {
        return ids.contains(id);
    }
}
