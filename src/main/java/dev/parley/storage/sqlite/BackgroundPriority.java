package dev.parley.storage.sqlite;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
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
 * <p>Not {@code SCHED_IDLE}, tried: a thread that gets the processor only when nothing else wants
 * it holds up everything the JVM does with all threads stopped (collections, exit) while other
 * programs keep the processors busy. With four busy loops on two cores the relay then took 6-16 s
 * to exit after its store had closed; at niceness 19, 0.2 s.
 */
final class BackgroundPriority {

    /** The lowest: the thread gets the processor when the others leave it idle, and a small share otherwise. */
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
            Optional<MethodHandle> setpriority = setpriority();
            if (setpriority.isEmpty()) {
                return false;
            }
            int result = (int) setpriority.get().invokeExact(PRIO_PROCESS, 0, NICENESS);
            if (result != 0) {
                log.debug("setpriority refused to lower the priority of {}", Thread.currentThread().getName());
            }
            return result == 0;
        } catch (Throwable e) {
            // An IllegalCallerException without native access, or no such symbol: run as before.
            log.debug("Could not lower the priority of {}: {}", Thread.currentThread().getName(), e.toString());
            return false;
        }
    }

    private static Optional<MethodHandle> setpriority() {
        Linker linker = Linker.nativeLinker();
        return linker.defaultLookup().find("setpriority").map(address -> linker.downcallHandle(address,
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                        ValueLayout.JAVA_INT)));
    }
}
