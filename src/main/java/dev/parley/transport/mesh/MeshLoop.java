package dev.parley.transport.mesh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The one thread that owns a peer's sockets and state (ZeroMQ sockets are not thread-safe).
 * It polls the sockets, runs tasks handed in from other threads ({@link #execute}) and timers,
 * and nothing else: handlers must not block. A wake-up pipe is polled with the sockets, so a
 * task starts at once rather than at the next poll timeout.
 *
 * <p>A handler or task that throws is logged and the loop goes on: one bad frame or bug in a
 * handler never stops the peer.
 */
final class MeshLoop implements Executor {

    private static final Logger log = LoggerFactory.getLogger(MeshLoop.class);
    private static final long MAX_POLL_MILLIS = 1000;

    private final ZContext context;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean signalled = new AtomicBoolean();
    private final Pipe wake;
    private final ByteBuffer drain = ByteBuffer.allocate(64);
    private final Map<ZMQ.Socket, Runnable> readers = new LinkedHashMap<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private ZMQ.Poller poller;
    private List<Runnable> pollOrder = List.of();
    private boolean pollerStale = true;
    private long timerSequence;
    private volatile boolean stopping;
    private Runnable onStop = () -> { };

    /** A scheduled task; {@link #cancel()} stops it (loop thread only). */
    static final class Timer implements Comparable<Timer> {
        private final long sequence;
        private final Runnable task;
        private final long periodNanos;
        private long dueNanos;
        private boolean cancelled;

        private Timer(long sequence, long dueNanos, long periodNanos, Runnable task) {
            this.sequence = sequence;
            this.dueNanos = dueNanos;
            this.periodNanos = periodNanos;
            this.task = task;
        }

        void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Timer other) {
            int byTime = Long.compare(dueNanos, other.dueNanos);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    MeshLoop(String name, ZContext context) {
        this.context = context;
        try {
            wake = Pipe.open();
            wake.source().configureBlocking(false);
            wake.sink().configureBlocking(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the mesh loop's wake-up pipe", e);
        }
        this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** Runs {@code task} on the loop thread, after the tasks before it. Any thread. */
    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (signalled.compareAndSet(false, true)) {
            try {
                wake.sink().write(ByteBuffer.wrap(new byte[] {1}));
            } catch (IOException e) {
                // Closed: the loop has ended and the task will not run.
                log.debug("mesh loop is closed; task dropped");
            }
        }
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Calls {@code onReadable} whenever {@code socket} has input. Loop thread. */
    void register(ZMQ.Socket socket, Runnable onReadable) {
        readers.put(socket, onReadable);
        pollerStale = true;
    }

    /** Stops polling {@code socket} (before it is closed). Loop thread. */
    void unregister(ZMQ.Socket socket) {
        if (readers.remove(socket) != null) {
            pollerStale = true;
        }
    }

    /** Runs {@code task} once after {@code delay}. Loop thread. */
    Timer schedule(Duration delay, Runnable task) {
        return add(delay, 0, task);
    }

    /** Runs {@code task} every {@code period}, the first time after one period. Loop thread. */
    Timer every(Duration period, Runnable task) {
        return add(period, period.toNanos(), task);
    }

    /**
     * Ends the loop after the tasks queued so far: {@code cleanup} runs last on the loop thread.
     * Any thread; does not wait (see {@link #awaitEnd}).
     */
    void stop(Runnable cleanup) {
        execute(() -> {
            onStop = cleanup;
            stopping = true;
        });
    }

    /** Waits for the loop thread to end, at most {@code timeout}; false if it did not. */
    boolean awaitEnd(Duration timeout) {
        if (inLoop()) {
            return false;
        }
        if (thread.getState() == Thread.State.NEW) {
            return true;
        }
        try {
            return thread.join(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Timer add(Duration delay, long periodNanos, Runnable task) {
        Timer timer = new Timer(timerSequence++, System.nanoTime() + delay.toNanos(), periodNanos, task);
        timers.add(timer);
        return timer;
    }

    private void run() {
        try {
            while (!stopping) {
                pollOnce();
            }
        } catch (RuntimeException | Error e) {
            log.error("mesh loop failed", e);
        } finally {
            try {
                safely(onStop);
            } finally {
                closeQuietly();
            }
        }
    }

    private void pollOnce() {
        if (pollerStale) {
            rebuildPoller();
        }
        poller.poll(nextWaitMillis());
        drainWake();
        Runnable task;
        while (!stopping && (task = tasks.poll()) != null) {
            safely(task);
        }
        if (stopping) {
            return;
        }
        // Every socket gets a turn; each handler reads a bounded batch, so none starves the rest.
        for (int i = 0; i < pollOrder.size(); i++) {
            if (poller.pollin(i + 1)) {
                safely(pollOrder.get(i));
            }
        }
        runDueTimers();
    }

    private void rebuildPoller() {
        if (poller != null) {
            poller.close();
        }
        poller = context.createPoller(readers.size() + 1);
        poller.register(wake.source(), ZMQ.Poller.POLLIN);
        List<Runnable> order = new ArrayList<>(readers.size());
        for (Map.Entry<ZMQ.Socket, Runnable> reader : readers.entrySet()) {
            poller.register(reader.getKey(), ZMQ.Poller.POLLIN);
            order.add(reader.getValue());
        }
        pollOrder = order;
        pollerStale = false;
    }

    private long nextWaitMillis() {
        if (!tasks.isEmpty()) {
            return 0;
        }
        Timer next = timers.peek();
        if (next == null) {
            return MAX_POLL_MILLIS;
        }
        long millis = Math.ceilDiv(next.dueNanos - System.nanoTime(), 1_000_000L);
        return Math.clamp(millis, 0, MAX_POLL_MILLIS);
    }

    private void drainWake() {
        signalled.set(false);
        try {
            while (wake.source().read(drain.clear()) > 0) {
                // Only the wake-up counts, not the bytes.
            }
        } catch (IOException e) {
            log.debug("wake-up pipe read failed", e);
        }
    }

    private void runDueTimers() {
        long now = System.nanoTime();
        while (!timers.isEmpty() && timers.peek().dueNanos <= now && !stopping) {
            Timer timer = timers.poll();
            if (timer.cancelled) {
                continue;
            }
            if (timer.periodNanos > 0) {
                // Fixed delay: a late tick does not cause a burst of catch-up ticks.
                timer.dueNanos = now + timer.periodNanos;
                timers.add(timer);
            }
            safely(timer.task);
        }
    }

    private static void safely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("mesh task failed", e);
        }
    }

    private void closeQuietly() {
        if (poller != null) {
            poller.close();
        }
        try {
            wake.sink().close();
            wake.source().close();
        } catch (IOException e) {
            log.debug("closing the wake-up pipe failed", e);
        }
    }
}
