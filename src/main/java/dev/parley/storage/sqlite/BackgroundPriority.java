package dev.parley.storage.sqlite;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the store's background threads (the search indexer, the checkpointer) from taking the
 * processor from the threads that deliver messages. Java thread priorities do nothing on Linux, so
 * this asks the kernel, for the calling thread only: best effort; elsewhere, or when the call is
 * refused, the thread keeps its priority and works the same, only less politely.
 *
 * <p>Three settings, each for a way a background thread delayed deliveries (measured on the relay
 * pinned to one core, docs/BENCHMARKS.md):
 * <ul>
 * <li><b>{@code SCHED_BATCH}</b>: its wake-ups never preempt a running thread. Linux's scheduler
 *     (EEVDF) otherwise lets a waking thread that is owed time preempt the running one whatever its
 *     niceness, and the store writer then waited 1-2 ms while the indexer or a checkpoint ran: the
 *     largest part of the relay's slowest deliveries. A batch thread runs when the others sleep, or
 *     at the next tick.</li>
 * <li><b>a long slice</b> ({@code sched_runtime} 10 ms, Linux 6.12 and later): a waking thread
 *     with a shorter slice than the running one takes the processor at once (PREEMPT_SHORT), and
 *     every other thread has the default, at most 3 ms. Not the kernel's longest (100 ms): a slice
 *     is also how long the thread may run once picked while no other thread wakes.</li>
 * <li><b>niceness</b>, 19 for work that may fall behind (the index): a small share of a busy
 *     processor.</li>
 * </ul>
 *
 * <p>Not {@code SCHED_IDLE}, tried: a thread that gets the processor only when nothing else wants
 * it holds up everything the JVM does with all threads stopped (collections, exit) while other
 * programs keep the processors busy. With four busy loops on two cores the relay then took 6-16 s
 * to exit after its store had closed; at niceness 19, 0.2 s. A batch thread keeps its fair share.
 */
final class BackgroundPriority {

    /** The lowest: the thread gets the processor when the others leave it idle, and a small share otherwise. */
    private static final int LOWEST_NICENESS = 19;
    private static final int PRIO_PROCESS = 0;
    private static final int SCHED_BATCH = 3;
    /** struct sched_attr as of Linux 4.13 (with the utilisation clamps, left 0). */
    private static final int SCHED_ATTR_SIZE = 56;
    /** Above the default slice (0.75 ms x (1 + log2 CPUs), at most 3 ms), far below the kernel's 100 ms bound. */
    private static final long LONG_SLICE_NANOS = 10_000_000L;
    private static final long SYS_SCHED_SETATTR_X86_64 = 314;
    private static final long SYS_SCHED_SETATTR_AARCH64 = 274;

    private static final Logger log = LoggerFactory.getLogger(BackgroundPriority.class);

    private BackgroundPriority() {
    }

    /** For work that may fall behind (the search index): batch, long slice, niceness 19. Returns whether it took. */
    static boolean lowerCurrentThread() {
        return apply(LOWEST_NICENESS);
    }

    /**
     * For work that has to keep up but need not start the moment it wakes (checkpoints): batch and
     * a long slice at the normal niceness, so it still gets a fair share of a busy processor.
     * Returns whether it took.
     */
    static boolean deferCurrentThread() {
        return apply(0);
    }

    private static boolean apply(int niceness) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return false;
        }
        try {
            if (setattr(niceness)) {
                return true;
            }
            // No sched_setattr here (another processor, or refused): at least the niceness.
            Optional<MethodHandle> setpriority = setpriority();
            if (setpriority.isEmpty()) {
                return false;
            }
            int result = (int) setpriority.get().invokeExact(PRIO_PROCESS, 0, niceness);
            if (result != 0) {
                log.debug("setpriority refused niceness {} for {}", niceness, Thread.currentThread().getName());
            }
            return result == 0;
        } catch (Throwable e) {
            // An IllegalCallerException without native access, or no such symbol: run as before.
            log.debug("Could not lower the priority of {}: {}", Thread.currentThread().getName(), e.toString());
            return false;
        }
    }

    /** sched_setattr(0, {SCHED_BATCH, niceness, sched_runtime 10 ms}, 0) through syscall(2); false when not done. */
    private static boolean setattr(int niceness) throws Throwable {
        long number = switch (System.getProperty("os.arch", "")) {
            case "amd64", "x86_64" -> SYS_SCHED_SETATTR_X86_64;
            case "aarch64" -> SYS_SCHED_SETATTR_AARCH64;
            default -> -1;
        };
        Linker linker = Linker.nativeLinker();
        Optional<MemorySegment> syscall = linker.defaultLookup().find("syscall");
        if (number < 0 || syscall.isEmpty()) {
            return false;
        }
        MethodHandle call = linker.downcallHandle(syscall.get(), FunctionDescriptor.of(ValueLayout.JAVA_LONG,
                ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT),
                Linker.Option.firstVariadicArg(1));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(SCHED_ATTR_SIZE, 8); // zeroed: no flags, no clamps
            attr.set(ValueLayout.JAVA_INT, 0, SCHED_ATTR_SIZE);
            attr.set(ValueLayout.JAVA_INT, 4, SCHED_BATCH);
            attr.set(ValueLayout.JAVA_INT, 16, niceness);
            attr.set(ValueLayout.JAVA_LONG, 24, LONG_SLICE_NANOS); // older kernels ignore it
            long result = (long) call.invokeExact(number, 0, attr, 0);
            if (result != 0) {
                log.debug("sched_setattr refused SCHED_BATCH for {}", Thread.currentThread().getName());
            }
            return result == 0;
        }
    }

    private static Optional<MethodHandle> setpriority() {
        Linker linker = Linker.nativeLinker();
        return linker.defaultLookup().find("setpriority").map(address -> linker.downcallHandle(address,
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                        ValueLayout.JAVA_INT)));
    }
}
