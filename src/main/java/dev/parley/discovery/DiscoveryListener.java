package dev.parley.discovery;

/**
 * Changes in a {@link LanDirectory}'s table. Calls come one at a time, in order, on the
 * directory's own thread: a listener must return quickly and must not block (hand work to
 * another executor, or to the UI thread). An exception thrown by a listener is logged and does
 * not stop other listeners or later events.
 */
public interface DiscoveryListener {

    /** A node was heard for the first time, or again after it was gone. */
    default void appeared(DiscoveredService service) {
    }

    /** A node's announcement or source address changed (a new nick, status or port). */
    default void updated(DiscoveredService before, DiscoveredService after) {
    }

    /** A node fell silent for longer than the directory's {@code expireAfter}. */
    default void gone(DiscoveredService service) {
    }
}
