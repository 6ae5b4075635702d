package dev.parley.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

/**
 * Records events as {@code "appeared name"}, {@code "updated name -> name extra"} and {@code
 * "gone name"}; thread-safe, so a test thread can read what the directory thread wrote.
 */
final class RecordingDiscoveryListener implements DiscoveryListener {

    private final List<String> events = new ArrayList<>();

    @Override
    public synchronized void appeared(DiscoveredService service) {
        events.add("appeared " + service.announcement().name());
    }

    @Override
    public synchronized void updated(DiscoveredService before, DiscoveredService after) {
        events.add("updated " + before.announcement().name() + " -> " + after.announcement().name()
                + " " + after.announcement().extra() + " @" + after.address().getHostAddress());
    }

    @Override
    public synchronized void gone(DiscoveredService service) {
        events.add("gone " + service.announcement().name());
    }

    synchronized List<String> events() {
        return List.copyOf(events);
    }

    /** Asserts the next events are {@code expected} and removes them. */
    synchronized void assertNext(String... expected) {
        assertTrue(events.size() >= expected.length, "missing events; have " + events);
        assertEquals(List.of(expected), events.subList(0, expected.length), "all events: " + events);
        events.subList(0, expected.length).clear();
    }

    synchronized void assertExhausted() {
        assertEquals(List.of(), events, "unexpected events");
    }
}
