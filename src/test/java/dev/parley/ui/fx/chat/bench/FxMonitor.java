package dev.parley.ui.fx.chat.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.parley.ui.fx.FxThread;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches the FX thread of one scene while a {@link Window} is open:
 * <ul>
 *   <li>frame gaps: time between consecutive pulses, from an {@link AnimationTimer} (which also
 *       keeps pulses coming at the display rate, about 16.7 ms, when nothing else changes);</li>
 *   <li>probe delays: a thread posts a {@code Platform.runLater} every 10 ms and the runnable
 *       records how long it waited in the FX queue;</li>
 *   <li>layout: CSS and layout time per pulse (pre- to post-layout pulse listener), and the FX
 *       thread's CPU time in the longest of them;</li>
 *   <li>GC pauses (from the collectors' notifications, without the concurrent collector's, whose
 *       durations are not all stop-the-world), and CPU time of the FX thread and of
 *       the whole process.</li>
 * </ul>
 * It also answers "when was this first laid out" ({@link #whenLaidOut}).
 */
final class FxMonitor implements AutoCloseable {

    static final long PROBE_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /** What one stretch of the run measured; read it after {@link #end}. */
    static final class Window {
        final String name;
        final Samples frameGaps = new Samples();
        final Samples probeDelays = new Samples();
        final Samples layouts = new Samples();
        /** Frame gaps over the stall limit that had a stop-the-world collection in them. */
        int stallsWithCollection;
        /**
         * FX thread CPU time in the pulse with the longest CSS and layout: near that pulse's wall time,
         * the work itself was slow; far below it, the thread waited for a processor (or a lock).
         */
        long longestLayoutCpuNanos;
        private long longestLayoutNanos;
        private final List<Collection> gcLog;
        private final Map<String, Long> countsAtStart = collectionCounts();
        private Map<String, Long> countsAtEnd;
        private final long startNanos = System.nanoTime();
        private final long fxCpuStart;
        private final long processCpuStart;
        long wallNanos;
        long fxCpuNanos;
        long processCpuNanos;

        private Window(String name, List<Collection> gcLog, long fxCpuStart, long processCpuStart) {
            this.name = name;
            this.gcLog = gcLog;
            this.fxCpuStart = fxCpuStart;
            this.processCpuStart = processCpuStart;
        }

        /**
         * The GC pauses that ran in this window. Notifications come late, on their own thread, so
         * they are matched to windows by each collector's running count, which the JVM keeps
         * exactly; matching by start time mixed two clocks and took in the bench's own
         * {@code System.gc()} right after a window.
         */
        Samples gcPauses() {
            Samples pauses = new Samples();
            synchronized (gcLog) {
                for (Collection gc : gcLog) {
                    long before = countsAtStart.getOrDefault(gc.collector(), 0L);
                    long after = countsAtEnd == null ? Long.MAX_VALUE : countsAtEnd.getOrDefault(gc.collector(), 0L);
                    if (gc.id() > before && gc.id() <= after) {
                        pauses.add(TimeUnit.MILLISECONDS.toNanos(gc.millis()));
                    }
                }
            }
            return pauses;
        }

        double seconds() {
            return wallNanos / 1e9;
        }

        /** CPU time of the FX thread as a share of wall time, in %. */
        double fxCpuPercent() {
            return 100.0 * fxCpuNanos / wallNanos;
        }

        /** CPU time of the process as a share of one CPU's wall time, in % (200 = both CPUs of two). */
        double processCpuPercent() {
            return 100.0 * processCpuNanos / wallNanos;
        }
    }

    private record Waiter(BooleanSupplier condition, CompletableFuture<Long> result) {
    }

    /** One stop-the-world collection: its collector, its number in that collector's count, its length. */
    private record Collection(String collector, long id, long millis) {
    }

    /** Collections so far per stop-the-world collector (G1's concurrent cycles left out). */
    private static Map<String, Long> collectionCounts() {
        Map<String, Long> counts = new HashMap<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!isConcurrent(gc.getName())) {
                counts.put(gc.getName(), gc.getCollectionCount());
            }
        }
        return counts;
    }

    private static long totalCollections() {
        long total = 0;
        for (long count : collectionCounts().values()) {
            total += count;
        }
        return total;
    }

    private static boolean isConcurrent(String collector) {
        return collector.contains("Concurrent");
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final long fxThreadId;
    private final List<Waiter> waiters = new ArrayList<>(); // FX thread only
    private final NotificationListener gcListener = this::gcNotification;
    /** Every stop-the-world collection seen. */
    private final List<Collection> gcLog = new ArrayList<>();
    private final Thread prober;
    private final AnimationTimer timer;
    private volatile Window current;
    private volatile boolean closed;
    private long lastFrame; // FX thread only
    private long collectionsAtLastFrame; // FX thread only
    private long layoutStart; // FX thread only
    private long layoutCpuStart; // FX thread only

    private FxMonitor(Scene scene) {
        fxThreadId = Thread.currentThread().threadId();
        timer = new AnimationTimer() {
            @Override
            public void handle(long pulseTime) {
                long now = System.nanoTime();
                long collections = totalCollections();
                Window w = current;
                if (w != null && lastFrame != 0) {
                    w.frameGaps.add(now - lastFrame);
                    if (now - lastFrame > TimeUnit.MILLISECONDS.toNanos((long) DesktopBench.STALL_MS)
                            && collections != collectionsAtLastFrame) {
                        w.stallsWithCollection++;
                    }
                }
                lastFrame = now;
                collectionsAtLastFrame = collections;
            }
        };
        timer.start();
        scene.addPreLayoutPulseListener(() -> {
            layoutStart = System.nanoTime();
            layoutCpuStart = threads.getCurrentThreadCpuTime();
        });
        scene.addPostLayoutPulseListener(this::afterLayout);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(gcListener, null, null);
            }
        }
        prober = Thread.ofPlatform().daemon().name("fx-probe").start(this::probe);
    }

    /** Starts watching {@code scene}; call on the FX thread. */
    static FxMonitor install(Scene scene) {
        return new FxMonitor(scene);
    }

    /** Runs {@code task} on the FX thread and waits (at most 30 s) for its result. */
    static <T> T onFx(Callable<T> task) throws Exception {
        return FxThread.call(task, Duration.ofSeconds(30));
    }

    /** Opens a window: everything measured from now until {@link #end} goes into it. */
    Window begin(String name) throws Exception {
        Window w = new Window(name, gcLog, threads.getThreadCpuTime(fxThreadId), os.getProcessCpuTime());
        onFx(() -> {
            lastFrame = 0; // the first gap starts with the first pulse in the window
            current = w;
            return null;
        });
        return w;
    }

    Window end(Window w) throws Exception {
        onFx(() -> {
            current = null;
            return null;
        });
        w.wallNanos = System.nanoTime() - w.startNanos;
        w.countsAtEnd = collectionCounts();
        w.fxCpuNanos = threads.getThreadCpuTime(fxThreadId) - w.fxCpuStart;
        w.processCpuNanos = os.getProcessCpuTime() - w.processCpuStart;
        return w;
    }

    /**
     * Completes with {@code System.nanoTime()} at the end of the layout of the first pulse in which
     * {@code condition} holds (checked after CSS and layout, before rendering). Call on the FX thread.
     */
    CompletableFuture<Long> whenLaidOut(BooleanSupplier condition) {
        CompletableFuture<Long> result = new CompletableFuture<>();
        waiters.add(new Waiter(condition, result));
        return result;
    }

    private void afterLayout() {
        long now = System.nanoTime();
        Window w = current;
        if (w != null && layoutStart != 0) {
            w.layouts.add(now - layoutStart);
            if (now - layoutStart > w.longestLayoutNanos) {
                w.longestLayoutNanos = now - layoutStart;
                w.longestLayoutCpuNanos = threads.getCurrentThreadCpuTime() - layoutCpuStart;
            }
        }
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter waiter = it.next();
            if (waiter.condition().getAsBoolean()) {
                it.remove();
                waiter.result().complete(now);
            }
        }
    }

    private void probe() {
        long next = System.nanoTime();
        while (!closed) {
            next += PROBE_PERIOD_NANOS;
            long now = System.nanoTime();
            if (next < now - PROBE_PERIOD_NANOS) {
                next = now; // this thread was held up itself: no burst to catch up
            }
            while ((now = System.nanoTime()) < next) {
                LockSupport.parkNanos(next - now);
            }
            Window w = current;
            if (w != null) {
                long posted = System.nanoTime();
                Platform.runLater(() -> w.probeDelays.add(System.nanoTime() - posted));
            }
        }
    }

    private void gcNotification(Notification notification, Object handback) {
        if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        if (isConcurrent(info.getGcName())) {
            return;
        }
        synchronized (gcLog) {
            gcLog.add(new Collection(info.getGcName(), info.getGcInfo().getId(), info.getGcInfo().getDuration()));
        }
    }

    @Override
    public void close() {
        closed = true;
        Platform.runLater(timer::stop);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                try {
                    emitter.removeNotificationListener(gcListener);
                } catch (ListenerNotFoundException e) {
                    // not added
                }
            }
        }
    }
}
