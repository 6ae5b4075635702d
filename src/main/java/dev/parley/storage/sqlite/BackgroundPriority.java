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
 * Lowers the CPU priority of the calling thread, for work that may wait (the search index) so that
 * it never takes the processor from work that may not (the appends, and the relay's deliveries).
 * Java thread priorities do nothing on Linux, so this asks the kernel: setpriority(2) with
 * {@code PRIO_PROCESS} and id 0 applies to the calling thread on Linux. Best effort: elsewhere, or
 * when the call is refused, the thread keeps its priority and works the same, only less politely.
 *
 * <p>Niceness alone shrinks the thread's share but not how long it keeps the processor once it has
 * it: Linux's scheduler (EEVDF) lets a running thread finish its time slice before a thread that
 * wakes, so a delivery could wait 1-2 ms behind the indexer. So on Linux 6.12 and later the thread
 * also asks for a long slice (sched_setattr(2), {@code sched_runtime} 10 ms): a waking thread with
 * a shorter slice than the running one takes the processor at once (the kernel's PREEMPT_SHORT),
 * and every other thread has the default, at most 3 ms. Not the kernel's longest (100 ms): a slice
 * is also how long the thread may run once picked while no other thread wakes, and 10 ms bounds
 * that. Older kernels ignore it.
 *
 * <p>Not {@code SCHED_IDLE}, tried: a thread that gets the processor only when nothing else wants
 * it holds up everything the JVM does with all threads stopped (collections, exit) while other
 * programs keep the processors busy. With four busy loops on two cores the relay then took 6-16 s
 * to exit after its store had closed; at niceness 19, 0.2 s.
 */
final class BackgroundPriority {

    /** The lowest: the thread gets the processor when the others leave it idle, and a small share otherwise. */
    private static final int NICENESS = 19;
    private static final int PRIO_PROCESS = 0;
    /** struct sched_attr as of Linux 4.13 (with the utilisation clamps, left 0). */
    private static final int SCHED_ATTR_SIZE = 56;
    /** Above the default slice (0.75 ms x (1 + log2 CPUs), at most 3 ms), far below the kernel's 100 ms bound. */
    private static final long LONG_SLICE_NANOS = 10_000_000L;
    private static final long SYS_SCHED_SETATTR_X86_64 = 314;
    private static final long SYS_SCHED_SETATTR_AARCH64 = 274;

    private static final Logger log = LoggerFactory.getLogger(BackgroundPriority.class);

    private BackgroundPriority() {
    }

    /** Returns whether the priority was lowered. */
    static boolean lowerCurrentThread() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return false;
        }
        try {
            Optional<MethodHandle> setpriority = setpriority();
            if (setpriority.isEmpty()) {
                return false;
            }
            int result = (int) setpriority.get().invokeExact(PRIO_PROCESS, 0, NICENESS);
            if (result != 0) {
                log.debug("setpriority refused to lower the priority of {}", Thread.currentThread().getName());
            }
            longSlice();
            return result == 0;
        } catch (Throwable e) {
            // An IllegalCallerException without native access, or no such symbol: run as before.
            log.debug("Could not lower the priority of {}: {}", Thread.currentThread().getName(), e.toString());
            return false;
        }
    }

    /** sched_setattr(0, {SCHED_OTHER, nice 19, sched_runtime 10 ms}, 0) through syscall(2); best effort. */
    private static void longSlice() throws Throwable {
        long number = switch (System.getProperty("os.arch", "")) {
            case "amd64", "x86_64" -> SYS_SCHED_SETATTR_X86_64;
            case "aarch64" -> SYS_SCHED_SETATTR_AARCH64;
            default -> -1;
        };
        Linker linker = Linker.nativeLinker();
        Optional<MemorySegment> syscall = linker.defaultLookup().find("syscall");
        if (number < 0 || syscall.isEmpty()) {
            return;
        }
        MethodHandle call = linker.downcallHandle(syscall.get(), FunctionDescriptor.of(ValueLayout.JAVA_LONG,
                ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT),
                Linker.Option.firstVariadicArg(1));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(SCHED_ATTR_SIZE, 8); // zeroed: policy SCHED_OTHER, no flags
            attr.set(ValueLayout.JAVA_INT, 0, SCHED_ATTR_SIZE);
            attr.set(ValueLayout.JAVA_INT, 16, NICENESS);
            attr.set(ValueLayout.JAVA_LONG, 24, LONG_SLICE_NANOS);
            long result = (long) call.invokeExact(number, 0, attr, 0);
            if (result != 0) {
                log.debug("sched_setattr refused a long slice for {}", Thread.currentThread().getName());
            }
        }
    }

    private static Optional<MethodHandle> setpriority() {
        Linker linker = Linker.nativeLinker();
        return linker.defaultLookup().find("setpriority").map(address -> linker.downcallHandle(address,
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                        ValueLayout.JAVA_INT)));
    }
}
