package dev.parley.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The directory's table and expiry, on a clock the test moves: no sockets, no waiting. */
class ServiceTableTest {

    private static final Duration EXPIRE = Duration.ofSeconds(5);
    private static final InetAddress HOST_A = InetAddress.ofLiteral("198.51.100.10");
    private static final InetAddress HOST_B = InetAddress.ofLiteral("198.51.100.11");
    private static final Announcement RELAY = Announcement.relay("relay-1", "lab", 6667);
    private static final Announcement PEER = Announcement.meshPeer("peer-1", "zoe", 7000, "");

    private final FakeClock clock = new FakeClock(Instant.parse("2025-01-01T12:00:00Z"));
    private final RecordingDiscoveryListener events = new RecordingDiscoveryListener();
    private final ServiceTable table = new ServiceTable(EXPIRE, clock, events);

    @AfterEach
    void nothingElseHappened() {
        events.assertExhausted();
    }

    @Test
    void firstBeaconAppearsAndRepeatsAreQuiet() {
        table.heard(RELAY, HOST_A);
        events.assertNext("appeared lab");

        clock.advance(Duration.ofSeconds(1));
        table.heard(RELAY, HOST_A);

        assertEquals(List.of(new DiscoveredService(RELAY, HOST_A, clock.instant())), table.snapshot());
    }

    @Test
    void changedAnnouncementOrAddressIsAnUpdate() {
        table.heard(PEER, HOST_A);
        table.heard(PEER.withName("zoe2").withExtra("away"), HOST_A);
        table.heard(PEER.withName("zoe2").withExtra("away"), HOST_B);

        events.assertNext("appeared zoe", "updated zoe -> zoe2 away @198.51.100.10",
                "updated zoe2 -> zoe2 away @198.51.100.11");
    }

    @Test
    void expiresOnlyAfterMoreThanExpireAfterOfSilence() {
        table.heard(RELAY, HOST_A);
        table.heard(PEER, HOST_B);
        events.assertNext("appeared lab", "appeared zoe");

        clock.advance(Duration.ofSeconds(3));
        table.heard(PEER, HOST_B);
        clock.advance(Duration.ofSeconds(2));
        table.expire();
        events.assertExhausted();

        clock.advance(Duration.ofMillis(1));
        table.expire();
        events.assertNext("gone lab");
        assertEquals(List.of("zoe"), names(table.snapshot()));

        clock.advance(Duration.ofSeconds(3));
        table.expire();
        events.assertNext("gone zoe");
        assertEquals(List.of(), table.snapshot());
    }

    @Test
    void aNodeHeardAgainAfterExpiryAppearsAgain() {
        table.heard(RELAY, HOST_A);
        clock.advance(EXPIRE.plusSeconds(1));
        table.expire();
        table.heard(RELAY, HOST_A);

        events.assertNext("appeared lab", "gone lab", "appeared lab");
    }

    @Test
    void aClockSetBackDelaysExpiryInsteadOfFailing() {
        table.heard(RELAY, HOST_A);
        events.assertNext("appeared lab");
        clock.advance(Duration.ofHours(-1));
        table.expire();
        assertEquals(1, table.snapshot().size());
    }

    @Test
    void ignoredNodesAreNeverListedAndRemovedIfPresent() {
        table.heard(PEER, HOST_A);
        table.heard(RELAY, HOST_A);
        table.ignore(PEER.nodeId());
        table.heard(PEER, HOST_A);

        events.assertNext("appeared zoe", "appeared lab", "gone zoe");
        assertEquals(List.of("lab"), names(table.snapshot()));
    }

    @Test
    void snapshotIsOrderedByKindThenName() {
        table.heard(Announcement.meshPeer("p2", "bob", 7001, ""), HOST_A);
        table.heard(Announcement.relay("r2", "Zeta", 6667), HOST_A);
        table.heard(Announcement.meshPeer("p1", "Alice", 7000, ""), HOST_A);
        table.heard(Announcement.relay("r1", "alpha", 6667), HOST_B);
        events.assertNext("appeared bob", "appeared Zeta", "appeared Alice", "appeared alpha");

        assertEquals(List.of("alpha", "Zeta", "Alice", "bob"), names(table.snapshot()));
    }

    private static List<String> names(List<DiscoveredService> services) {
        return services.stream().map(service -> service.announcement().name()).toList();
    }

    /** A clock that moves only when told. */
    static final class FakeClock implements InstantSource {
        private Instant now;

        FakeClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
