package dev.parley.discovery;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The directory's table, keyed by node id, and the events its changes raise. No threads and
 * no sockets: time comes from the clock it is given, so expiry is tested without waiting.
 *
 * <p>Confined to one thread, except {@link #snapshot()}, which any thread may call.
 */
final class ServiceTable {

    private static final Comparator<DiscoveredService> DISPLAY_ORDER = Comparator
            .comparing(DiscoveredService::kind)
            .thenComparing(service -> service.announcement().name(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(DiscoveredService::nodeId);

    private final Duration expireAfter;
    private final InstantSource clock;
    private final DiscoveryListener events;
    private final Map<String, DiscoveredService> byNodeId = new ConcurrentHashMap<>();
    private final Set<String> ignored = new HashSet<>();

    ServiceTable(Duration expireAfter, InstantSource clock, DiscoveryListener events) {
        if (expireAfter.isNegative() || expireAfter.isZero()) {
            throw new IllegalArgumentException("expireAfter must be positive: " + expireAfter);
        }
        this.expireAfter = expireAfter;
        this.clock = clock;
        this.events = events;
    }

    /** Records a beacon heard from {@code sender}. */
    void heard(Announcement announcement, InetAddress sender) {
        if (ignored.contains(announcement.nodeId())) {
            return;
        }
        DiscoveredService now = new DiscoveredService(announcement, sender, clock.instant());
        DiscoveredService before = byNodeId.put(announcement.nodeId(), now);
        if (before == null) {
            events.appeared(now);
        } else if (!before.announcement().equals(announcement) || !before.address().equals(sender)) {
            events.updated(before, now);
        }
    }

    /** Drops every node silent for longer than {@code expireAfter}. */
    void expire() {
        Instant now = clock.instant();
        Iterator<DiscoveredService> it = byNodeId.values().iterator();
        while (it.hasNext()) {
            DiscoveredService service = it.next();
            // Strictly longer, so a beacon exactly expireAfter ago still counts; a wall clock set
            // back only delays expiry, one set forward expires early and the next beacon restores.
            if (Duration.between(service.lastSeen(), now).compareTo(expireAfter) > 0) {
                it.remove();
                events.gone(service);
            }
        }
    }

    /** Ignores the node from now on (this process's own announcer); drops it if present. */
    void ignore(String nodeId) {
        ignored.add(nodeId);
        DiscoveredService removed = byNodeId.remove(nodeId);
        if (removed != null) {
            events.gone(removed);
        }
    }

    /** The current table, by kind, then name, then node id. */
    List<DiscoveredService> snapshot() {
        List<DiscoveredService> all = new ArrayList<>(byNodeId.values());
        all.sort(DISPLAY_ORDER);
        return List.copyOf(all);
    }
}
