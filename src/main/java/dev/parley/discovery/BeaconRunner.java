package dev.parley.discovery;

import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZBeacon;

/**
 * Keeps one {@code ZBeacon} running: opens it, replaces it when one of its threads dies, stops
 * it guarded. See the package documentation for the ZBeacon behaviour this works around.
 *
 * <p>A ZBeacon thread dies on any exception (a send to an unreachable network when Wi-Fi drops,
 * a receive error) and cannot be restarted, so the whole beacon is rebuilt after a delay; the
 * sending interface is looked up again then, so a new DHCP address is picked up.
 */
final class BeaconRunner implements AutoCloseable {

    static final Duration DEFAULT_RESTART_DELAY = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(BeaconRunner.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(2);
    private static final int STOP_ATTEMPTS = 3;
    /** Empty: ZBeacon would drop nothing, and a non-empty prefix kills it on short datagrams. */
    private static final byte[] NO_PREFIX = new byte[0];
    /** ZBeacon requires a payload even when it only listens; this one is never sent. */
    private static final byte[] UNSENT_PAYLOAD = {0};
    private static final InetAddress ANY_IPV4 = InetAddress.ofLiteral("0.0.0.0");

    private final String role;
    private final BeaconSettings settings;
    private final ZBeacon.Listener listener;
    private final boolean sends;
    private final ScheduledExecutorService scheduler;
    private final Duration restartDelay;

    private final Object lock = new Object();
    private byte[] payload;
    private ZBeacon beacon;
    private ScheduledFuture<?> pendingRestart;
    private String lastFailure;
    private boolean closed;

    private BeaconRunner(String role, BeaconSettings settings, byte[] payload, ZBeacon.Listener listener,
                         ScheduledExecutorService scheduler, Duration restartDelay) {
        this.role = role;
        this.settings = settings;
        this.payload = payload == null ? null : payload.clone();
        this.sends = payload != null;
        this.listener = listener;
        this.scheduler = scheduler;
        this.restartDelay = restartDelay;
    }

    /**
     * Broadcasts {@code payload} every interval. It also runs a receiver that drops everything:
     * ZBeacon binds its receiving socket when built and closes it only when that thread ends.
     */
    static BeaconRunner sender(String role, BeaconSettings settings, byte[] payload,
                               ScheduledExecutorService scheduler, Duration restartDelay) {
        return new BeaconRunner(role, settings, payload, (sender, bytes) -> { }, scheduler, restartDelay);
    }

    /** Hands every datagram on the port to {@code listener}, on ZBeacon's receiving thread. */
    static BeaconRunner receiver(String role, BeaconSettings settings, ZBeacon.Listener listener,
                                 ScheduledExecutorService scheduler, Duration restartDelay) {
        return new BeaconRunner(role, settings, null, listener, scheduler, restartDelay);
    }

    /**
     * Opens the beacon; does nothing if it runs.
     *
     * @throws IllegalStateException    if closed, or the UDP port cannot be bound
     * @throws IllegalArgumentException if the chosen network interface does not exist here
     */
    void start() {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException(role + " is closed");
            }
            if (beacon == null) {
                beacon = open();
            }
        }
    }

    /** The payload for the next beacons (within one interval). */
    void setPayload(byte[] next) {
        synchronized (lock) {
            payload = next.clone();
            if (beacon != null) {
                beacon.setBeacon(payload);
            }
        }
    }

    /** Stops both beacon threads and closes their sockets; idempotent. */
    @Override
    public void close() {
        ZBeacon running;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            running = beacon;
            beacon = null;
            if (pendingRestart != null) {
                pendingRestart.cancel(false);
            }
        }
        stopQuietly(running);
    }

    private ZBeacon open() {
        InetAddress source = sendingAddress(settings.networkInterface());
        ZBeacon opened;
        try {
            opened = new ZBeacon.Builder()
                    .port(settings.port())
                    .client(settings.broadcastInet())
                    .server(source)
                    .beacon(sends ? payload : UNSENT_PAYLOAD)
                    .broadcastInterval(settings.interval().toMillis())
                    .ignoreLocalAddress(false)
                    .prefix(NO_PREFIX)
                    .listener(this::deliver)
                    .build();
        } catch (RuntimeException e) {
            // ZBeacon binds the receiving socket in its constructor and wraps the IOException.
            throw new IllegalStateException(role + ": cannot listen on UDP port " + settings.port(), e);
        }
        Thread.UncaughtExceptionHandler onDeath = (thread, error) -> died(opened, thread, error);
        opened.setUncaughtExceptionHandlers(onDeath, onDeath);
        if (sends) {
            opened.startClient();
        }
        opened.startServer();
        log.debug("{}: beacon on UDP port {} to {} from {}", role, settings.port(), settings.broadcastAddress(),
                source.getHostAddress());
        return opened;
    }

    private void deliver(InetAddress sender, byte[] bytes) {
        try {
            listener.onBeacon(sender, bytes);
        } catch (RuntimeException e) {
            // Thrown out of here it would end ZBeacon's receiving thread.
            log.warn("{}: beacon listener failed on a beacon from {}", role, sender, e);
        }
    }

    private void died(ZBeacon failed, Thread thread, Throwable error) {
        synchronized (lock) {
            if (closed || beacon != failed) {
                return;
            }
            Throwable cause = error.getCause() != null ? error.getCause() : error;
            String failure = cause.toString();
            if (failure.equals(lastFailure)) {
                log.debug("{}: {} failed again ({}); restarting in {} ms", role, thread.getName(), failure,
                        restartDelay.toMillis());
            } else {
                log.warn("{}: {} failed ({}); restarting in {} ms", role, thread.getName(), failure,
                        restartDelay.toMillis());
            }
            lastFailure = failure;
            scheduleRestart(failed);
        }
    }

    private void scheduleRestart(ZBeacon failed) {
        if (pendingRestart != null) {
            return;
        }
        try {
            pendingRestart = scheduler.schedule(() -> restart(failed), restartDelay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            log.debug("{}: no restart, the scheduler is shut down", role);
        }
    }

    /** Replaces {@code failed} (null when the last attempt could not open one). */
    private void restart(ZBeacon failed) {
        synchronized (lock) {
            pendingRestart = null;
            if (closed || beacon != failed) {
                return;
            }
            beacon = null;
        }
        // Outside the lock: stop() joins the dying threads, whose handler takes the lock.
        stopQuietly(failed);
        synchronized (lock) {
            if (closed || beacon != null) {
                return;
            }
            try {
                beacon = open();
            } catch (RuntimeException e) {
                log.warn("{}: cannot reopen the beacon ({}); trying again in {} ms", role, e.getMessage(),
                        restartDelay.toMillis());
                scheduleRestart(null);
            }
        }
    }

    /**
     * {@code ZBeacon.stop()} without its traps: it joins with no time limit, so it runs on its
     * own thread and is waited for a bounded time; and it reads each thread field twice, so a
     * thread ending in between makes it throw a NullPointerException before it reached the
     * receiver. It is then called again: the ended thread is skipped the second time.
     */
    private void stopQuietly(ZBeacon running) {
        if (running == null) {
            return;
        }
        Thread stopper = Thread.ofVirtual().name("parley-" + role + "-stop").start(() -> {
            for (int attempt = 1; attempt <= STOP_ATTEMPTS; attempt++) {
                try {
                    running.stop();
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    log.debug("{}: ZBeacon.stop() attempt {} failed", role, attempt, e);
                }
            }
        });
        try {
            if (!stopper.join(STOP_TIMEOUT)) {
                log.warn("{}: beacon threads still running after {} ms; left to end as daemons", role,
                        STOP_TIMEOUT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The local address to send from: the wildcard, or an IPv4 address of the chosen interface. */
    static InetAddress sendingAddress(Optional<String> choice) {
        if (choice.isEmpty()) {
            return ANY_IPV4;
        }
        String wanted = choice.get();
        try {
            NetworkInterface byName = NetworkInterface.getByName(wanted);
            if (byName != null) {
                return byName.inetAddresses().filter(Inet4Address.class::isInstance).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(
                                "network interface " + wanted + " has no IPv4 address"));
            }
            InetAddress literal = literalOrNull(wanted);
            if (literal instanceof Inet4Address && NetworkInterface.getByInetAddress(literal) != null) {
                return literal;
            }
        } catch (SocketException e) {
            throw new UncheckedIOException("cannot list network interfaces", e);
        }
        throw new IllegalArgumentException("no network interface or local IPv4 address " + wanted);
    }

    private static InetAddress literalOrNull(String text) {
        try {
            return InetAddress.ofLiteral(text);
        } catch (IllegalArgumentException notALiteral) {
            return null;
        }
    }
}
