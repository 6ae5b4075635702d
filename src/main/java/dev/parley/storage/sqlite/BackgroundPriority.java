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
 * Java thread priorities do nothing on Linux, so this asks the kernel, for the calling thread
 * (id 0): first the {@code SCHED_IDLE} policy (sched_setscheduler(2)), under which any other
 * thread that wakes up takes the processor at once; failing that, niceness 19 (setpriority(2)),
 * which only shrinks the thread's share: the scheduler may still let it finish its slice, a
 * millisecond or more, before a woken delivery runs (per-thread scheduling traces of the relay,
 * {@code docs/BENCHMARKS.md}). Lowering needs no privilege. Best effort: elsewhere, or when both
 * are refused, the thread keeps its priority and works the same, only less politely.
 */
final class BackgroundPriority {

    private static final int SCHED_IDLE = 5;
    /** The lowest niceness: the thread gets a small share while others want the processor. */
    private static final int NICENESS = 19;
    private static final int PRIO_PROCESS = 0;

    private static final Logger log = LoggerFactory.getLogger(BackgroundPriority.class);

    private BackgroundPriority() {
    }

    /** Returns whether the priority was lowered. */
    static boolean lowerCurrentThread() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return false;
        }
        try {
            if (call("sched_setscheduler", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                    ValueLayout.JAVA_INT, ValueLayout.ADDRESS), SchedIdle::set)) {
                return true;
            }
            return call("setpriority", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                    ValueLayout.JAVA_INT, ValueLayout.JAVA_INT),
                    handle -> (int) handle.invokeExact(PRIO_PROCESS, 0, NICENESS));
        } catch (Throwable e) {
            // An IllegalCallerException without native access, or no such symbol: run as before.
            log.debug("Could not lower the priority of {}: {}", Thread.currentThread().getName(), e.toString());
            return false;
        }
    }

    /** One libc call returning 0 on success; false when the symbol is missing or the call refused. */
    private static boolean call(String name, FunctionDescriptor descriptor, Call call) throws Throwable {
        Linker linker = Linker.nativeLinker();
        Optional<MethodHandle> handle = linker.defaultLookup().find(name)
                .map(address -> linker.downcallHandle(address, descriptor));
        if (handle.isEmpty()) {
            return false;
        }
        int result = call.invoke(handle.get());
        if (result != 0) {
            log.debug("{} refused to lower the priority of {}", name, Thread.currentThread().getName());
        }
        return result == 0;
    }

    @FunctionalInterface
    private interface Call {
        int invoke(MethodHandle handle) throws Throwable;
    }

    /** sched_setscheduler(0, SCHED_IDLE, &{.sched_priority = 0}). */
    private static final class SchedIdle {
        static int set(MethodHandle handle) throws Throwable {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment param = arena.allocate(ValueLayout.JAVA_INT); // struct sched_param, zeroed
                return (int) handle.invokeExact(0, SCHED_IDLE, param);
            }
        }
    }
}
