package dev.parley.transport.irc;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * CHATHISTORY requests waiting for their batch. The server answers one connection's requests in
 * order, so the answer for a target is the oldest request for that target.
 */
final class HistoryRequests {

    /** Who asked: the user ({@code history} event) or a catch-up after a reconnect ({@code message} events). */
    enum Kind { USER, CATCH_UP }

    /**
     * One request.
     *
     * @param target as the user or the channel memory spells it
     * @param older  for USER: what the {@code history} event says
     * @param page   for CATCH_UP: which page this is, from 1
     */
    record Query(String target, Kind kind, boolean older, int limit, int page) {
    }

    private final Deque<Query> queue = new ArrayDeque<>();

    void add(Query query) {
        queue.add(query);
    }

    /** The oldest request for {@code target}, taken out; or null. */
    Query take(String target) {
        for (Iterator<Query> it = queue.iterator(); it.hasNext(); ) {
            Query query = it.next();
            if (IrcNames.same(query.target(), target)) {
                it.remove();
                return query;
            }
        }
        return null;
    }

    /** The oldest request of all, taken out (for a FAIL that names no target); or null. */
    Query takeOldest() {
        return queue.pollFirst();
    }
}
