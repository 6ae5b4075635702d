package dev.parley.discovery;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class BeaconRunnerTest {

    private static final Duration INTERVAL = Duration.ofMillis(100);
    private static final Duration RESTART_DELAY = Duration.ofMillis(100);

    private final ScheduledThreadPoolExecutor scheduler = DaemonThreads.singleThreadScheduler("test-beacons");
    private final BeaconSettings settings = LoopbackBeacons.settings(INTERVAL);

    @AfterEach
    void shutDown() {
        scheduler.shutdownNow();
    }

    /** A thread that dies ends a ZBeacon for good; the runner must build a new one. */
    @Test
    void rebuildsTheBeaconWhenItsReceivingThreadDies() {
        AtomicInteger heard = new AtomicInteger();
        byte[] payload = AnnouncementCodec.encode(Announcement.relay("r", "lab", 6667));
        try (BeaconRunner sender = BeaconRunner.sender("sender", settings, payload, scheduler, RESTART_DELAY);
             BeaconRunner receiver = BeaconRunner.receiver("receiver", settings, (from, bytes) -> {
                 if (heard.incrementAndGet() == 1) {
                     // An Error is not caught by the runner's guard, so it ends ZBeacon's thread.
                     throw new StackOverflowError("simulated death of the receiving thread");
                 }
             }, scheduler, RESTART_DELAY)) {
            receiver.start();
            sender.start();

            await().atMost(Duration.ofSeconds(5)).until(() -> heard.get() >= 3);
        }
    }

    @Test
    void aFailingListenerDoesNotStopReception() {
        AtomicInteger heard = new AtomicInteger();
        byte[] payload = AnnouncementCodec.encode(Announcement.relay("r", "lab", 6667));
        try (BeaconRunner sender = BeaconRunner.sender("sender", settings, payload, scheduler, Duration.ofHours(1));
             BeaconRunner receiver = BeaconRunner.receiver("receiver", settings, (from, bytes) -> {
                 heard.incrementAndGet();
                 throw new IllegalStateException("listener bug");
             }, scheduler, Duration.ofHours(1))) {
            receiver.start();
            sender.start();

            // With an hour's restart delay, only the guard can keep the receiver alive.
            await().atMost(Duration.ofSeconds(5)).until(() -> heard.get() >= 3);
        }
    }

    @Test
    void choosesTheSendingInterfaceByNameOrAddress() {
        InetAddress loopback = LoopbackBeacons.LOOPBACK;
        assertEquals(loopback, BeaconRunner.sendingAddress(Optional.of(LoopbackBeacons.loopbackInterfaceName())));
        assertEquals(loopback, BeaconRunner.sendingAddress(Optional.of("127.0.0.1")));
        assertEquals(InetAddress.ofLiteral("0.0.0.0"), BeaconRunner.sendingAddress(Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> BeaconRunner.sendingAddress(Optional.of("no-such-if0")));
        // An address of another host is no interface of this one.
        assertThrows(IllegalArgumentException.class, () -> BeaconRunner.sendingAddress(Optional.of("198.51.100.7")));
    }

    @Test
    void settingsRejectWhatZBeaconCannotUse() {
        BeaconSettings defaults = BeaconSettings.defaults();
        assertEquals("255.255.255.255", defaults.broadcastAddress());
        assertEquals(5670, defaults.port());
        assertThrows(IllegalArgumentException.class, () -> defaults.withBroadcastAddress("localhost"));
        assertThrows(IllegalArgumentException.class, () -> defaults.withBroadcastAddress("ff02::1"));
        assertThrows(IllegalArgumentException.class, () -> defaults.withPort(0));
        assertThrows(IllegalArgumentException.class, () -> defaults.withInterval(Duration.ofMillis(10)));
        assertEquals(Optional.empty(), defaults.withNetworkInterface("  ").networkInterface());
    }
}
