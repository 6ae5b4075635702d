package dev.parley.discovery;

import java.net.InetAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relays and mesh peers heard on the LAN, keyed by node id.
 *
 * <p>Beacons arrive on ZBeacon's receiving thread, are decoded there (bad ones are logged at
 * debug and dropped) and handed to the directory's own thread, which keeps the table, expires
 * nodes silent for longer than {@code expireAfter} and calls the {@link DiscoveryListener}s. So
 * listeners see every change in order, one at a time, and never concurrently. Thread-safe.
 */
public final class LanDirectory implements AutoCloseable {

    /** ZRE's "evasive" time: five missed beacons at the default interval. */
    public static final Duration DEFAULT_EXPIRE_AFTER = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(LanDirectory.class);
    /** Beacons waiting for the directory thread; more are dropped, so a flood cannot fill memory. */
    private static final int MAX_PENDING = 1024;
    private static final Duration MIN_SWEEP = Duration.ofMillis(50);
    private static final Duration MAX_SWEEP = Duration.ofSeconds(1);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

    private final ScheduledThreadPoolExecutor executor;
    private final List<DiscoveryListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final ServiceTable table;
    private final BeaconRunner runner;
    private final Duration sweepPeriod;
    private volatile Thread directoryThread;
    private boolean started;
    private boolean closed;

    /** A directory that forgets a node after {@link #DEFAULT_EXPIRE_AFTER} of silence. */
    public LanDirectory(BeaconSettings settings) {
        this(settings, DEFAULT_EXPIRE_AFTER, InstantSource.system());
    }

    /**
     * @param settings    only the port matters: ZBeacon listens on every interface
     * @param expireAfter silence after which a node is gone; a few announce intervals
     * @param clock       the time for {@code lastSeen} and expiry
     */
    public LanDirectory(BeaconSettings settings, Duration expireAfter, InstantSource clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(expireAfter, "expireAfter");
        Objects.requireNonNull(clock, "clock");
        this.executor = DaemonThreads.singleThreadScheduler("parley-discovery", thread -> directoryThread = thread);
        this.table = new ServiceTable(expireAfter, clock, new FanOut());
        this.runner = BeaconRunner.receiver("directory", settings, this::onBeacon, executor,
                BeaconRunner.DEFAULT_RESTART_DELAY);
        Duration quarter = expireAfter.dividedBy(4);
        this.sweepPeriod = quarter.compareTo(MIN_SWEEP) < 0 ? MIN_SWEEP
                : quarter.compareTo(MAX_SWEEP) > 0 ? MAX_SWEEP : quarter;
    }

    public void addListener(DiscoveryListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(DiscoveryListener listener) {
        listeners.remove(listener);
    }

    /**
     * Never lists {@code nodeId} (this process's own announcer); if it is listed already it is
     * removed with a {@code gone} event. Takes effect in order with the beacons already heard.
     */
    public void ignoreNodeId(String nodeId) {
        Objects.requireNonNull(nodeId, "nodeId");
        submit(() -> table.ignore(nodeId));
    }

    /**
     * Starts listening; does nothing if already started.
     *
     * @throws IllegalStateException if closed, or the UDP port cannot be bound
     */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("directory is closed");
        }
        if (started) {
            return;
        }
        runner.start();
        executor.scheduleWithFixedDelay(this::sweep, sweepPeriod.toMillis(), sweepPeriod.toMillis(),
                TimeUnit.MILLISECONDS);
        started = true;
    }

    /** Every node heard and not yet expired, by kind, then name, then node id. */
    public List<DiscoveredService> services() {
        return table.snapshot();
    }

    /** The nodes of one kind, in the order of {@link #services()}. */
    public List<DiscoveredService> services(ServiceKind kind) {
        return table.snapshot().stream().filter(service -> service.kind() == kind).toList();
    }

    /**
     * Stops listening; idempotent. No event starts after this returns, unless it is called from
     * a listener (it then cannot wait for the directory thread, which is its own).
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        runner.close();
        executor.shutdownNow();
        if (Thread.currentThread() != directoryThread) {
            awaitTermination();
        }
    }

    private void onBeacon(InetAddress sender, byte[] payload) {
        switch (AnnouncementCodec.decode(payload)) {
            case AnnouncementCodec.Rejected(String reason) ->
                    log.debug("dropped a beacon from {}: {}", sender.getHostAddress(), reason);
            case AnnouncementCodec.Valid(Announcement announcement) -> submit(() -> table.heard(announcement, sender));
        }
    }

    private void submit(Runnable work) {
        if (pending.incrementAndGet() > MAX_PENDING) {
            pending.decrementAndGet();
            log.debug("directory thread behind; beacon dropped");
            return;
        }
        try {
            executor.execute(() -> {
                pending.decrementAndGet();
                work.run();
            });
        } catch (RejectedExecutionException closing) {
            pending.decrementAndGet();
        }
    }

    private void sweep() {
        try {
            table.expire();
        } catch (RuntimeException e) {
            // An exception would cancel every later sweep.
            log.warn("expiry sweep failed", e);
        }
    }

    private void awaitTermination() {
        try {
            if (!executor.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("directory thread still busy {} ms after close", CLOSE_TIMEOUT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Passes table events to every listener; one failing listener does not stop the rest. */
    private final class FanOut implements DiscoveryListener {

        @Override
        public void appeared(DiscoveredService service) {
            each(listener -> listener.appeared(service));
        }

        @Override
        public void updated(DiscoveredService before, DiscoveredService after) {
            each(listener -> listener.updated(before, after));
        }

        @Override
        public void gone(DiscoveredService service) {
            each(listener -> listener.gone(service));
        }

        private void each(Consumer<DiscoveryListener> call) {
            for (DiscoveryListener listener : listeners) {
                try {
                    call.accept(listener);
                } catch (RuntimeException e) {
                    log.warn("discovery listener {} failed", listener, e);
                }
            }
        }
    }
}
