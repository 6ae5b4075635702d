package dev.parley.transport.irc;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * WHO requests waiting for their end (315). Ours on join (to learn who is away) are silent; the
 * user's are shown as info lines. Replies come in request order, so 352 lines belong to the
 * oldest open request.
 */
final class WhoTracker {

    /** One WHO: its mask and whether the user sees the answer. */
    record Request(String mask, boolean visible) {
    }

    private final Deque<Request> queue = new ArrayDeque<>();

    void add(String mask, boolean visible) {
        queue.add(new Request(mask, visible));
    }

    /** The request 352 lines now belong to; null when we asked for none (a server that talks unasked). */
    Request current() {
        return queue.peekFirst();
    }

    /** 315 for {@code mask}: the request it ends, taken out; or null. */
    Request finish(String mask) {
        for (Iterator<Request> it = queue.iterator(); it.hasNext(); ) {
            Request request = it.next();
            if (IrcNames.same(request.mask(), mask)) {
                it.remove();
                return request;
            }
        }
        return queue.pollFirst();
    }
}
