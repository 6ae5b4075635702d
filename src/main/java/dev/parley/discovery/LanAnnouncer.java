package dev.parley.discovery;

import java.util.Objects;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Broadcasts one node's {@link Announcement} every {@link BeaconSettings#interval()}.
 *
 * <p>{@link #start()} opens the UDP sockets; {@link #update} changes what is sent from the next
 * beacon on (within one interval: ZBeacon cannot send early). If sending fails (the network went
 * away), the beacon is rebuilt every few seconds until it works again. Thread-safe.
 */
public final class LanAnnouncer implements AutoCloseable {

    private final ScheduledThreadPoolExecutor scheduler;
    private final BeaconRunner runner;
    private volatile Announcement announcement;

    public LanAnnouncer(BeaconSettings settings, Announcement announcement) {
        Objects.requireNonNull(settings, "settings");
        this.announcement = Objects.requireNonNull(announcement, "announcement");
        this.scheduler = DaemonThreads.singleThreadScheduler("parley-announcer");
        this.runner = BeaconRunner.sender("announcer", settings, AnnouncementCodec.encode(announcement), scheduler,
                BeaconRunner.DEFAULT_RESTART_DELAY);
    }

    /**
     * Starts broadcasting; does nothing if already started.
     *
     * @throws IllegalStateException    if closed, or the UDP port cannot be bound
     * @throws IllegalArgumentException if the chosen network interface does not exist here
     */
    public void start() {
        runner.start();
    }

    /**
     * Announces {@code next} from now on (a new nick, status or port).
     *
     * @throws IllegalArgumentException if {@code next} has another node id: a node's id is fixed
     */
    public synchronized void update(Announcement next) {
        Objects.requireNonNull(next, "next");
        if (!next.nodeId().equals(announcement.nodeId())) {
            throw new IllegalArgumentException("node id changed from " + announcement.nodeId() + " to " + next.nodeId());
        }
        announcement = next;
        runner.setPayload(AnnouncementCodec.encode(next));
    }

    /** What is being announced, before {@link AnnouncementCodec#fit} cuts long texts. */
    public Announcement announcement() {
        return announcement;
    }

    /** Stops broadcasting and closes the sockets; idempotent. Peers drop this node on expiry. */
    @Override
    public void close() {
        runner.close();
        scheduler.shutdownNow();
    }
}
