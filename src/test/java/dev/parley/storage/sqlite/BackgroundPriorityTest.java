package dev.parley.storage.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The store's background threads get SCHED_BATCH, a long time slice, and niceness 19 for the
 * indexer, read back from /proc (Linux only); no other thread does.
 */
class BackgroundPriorityTest {

    /** What /proc says of a new thread after {@code change} ran on it: niceness, policy, slice in microseconds. */
    private record Seen(int nicenessBefore, int policyBefore, boolean took, int niceness, int policy, long sliceMicros) {
    }

    private static Seen onNewThread(java.util.function.BooleanSupplier change) throws Exception {
        CompletableFuture<Seen> seen = new CompletableFuture<>();
        Thread.ofPlatform().name("priority-test").start(() -> {
            try {
                int niceBefore = nicenessOfThisThread();
                int policyBefore = policyOfThisThread();
                boolean took = change.getAsBoolean();
                seen.complete(new Seen(niceBefore, policyBefore, took, nicenessOfThisThread(), policyOfThisThread(),
                        sliceOfThisThread() / 1000));
            } catch (Exception e) {
                seen.completeExceptionally(e);
            }
        });
        return seen.get(10, TimeUnit.SECONDS);
    }

    @Test
    void theIndexerGetsBatchNiceness19AndALongSliceAndNoOtherThreadDoes() throws Exception {
        assumeTrue(linux(), "Linux only");
        Seen seen = onNewThread(BackgroundPriority::lowerCurrentThread);
        assertEquals(0, seen.nicenessBefore(), "a new thread starts at niceness 0");
        assertEquals(SCHED_OTHER, seen.policyBefore(), "a new thread starts as SCHED_OTHER");
        assertTrue(seen.took(), "lowerCurrentThread reported failure");
        assertEquals(19, seen.niceness(), "the thread's niceness after lowering");
        assertEquals(SCHED_BATCH, seen.policy(), "the thread's policy after lowering");
        assertEquals(0, nicenessOfThisThread(), "the test's own thread was lowered too");
        assertEquals(SCHED_OTHER, policyOfThisThread(), "the test's own thread changed policy too");
        if (customSlices()) {
            assertEquals(10_000, seen.sliceMicros(), "the thread's time slice in microseconds after lowering");
            assertTrue(sliceOfThisThread() < 10_000_000L, "the test's own thread got the long slice too");
        }
    }

    @Test
    void theCheckpointerGetsBatchAndALongSliceButKeepsItsShare() throws Exception {
        assumeTrue(linux(), "Linux only");
        Seen seen = onNewThread(BackgroundPriority::deferCurrentThread);
        assertTrue(seen.took(), "deferCurrentThread reported failure");
        assertEquals(0, seen.niceness(), "the niceness stays");
        assertEquals(SCHED_BATCH, seen.policy(), "the thread's policy after deferring");
        if (customSlices()) {
            assertEquals(10_000, seen.sliceMicros(), "the thread's time slice in microseconds after deferring");
        }
    }

    private static final int SCHED_OTHER = 0;
    private static final int SCHED_BATCH = 3;

    private static boolean linux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
    }

    /** The "policy" line of /proc/thread-self/sched. */
    private static int policyOfThisThread() throws Exception {
        return (int) schedField("policy");
    }

    /** Linux 6.12 and later take a slice asked for with sched_setattr, and show it in /proc. */
    private static boolean customSlices() throws Exception {
        String[] version = System.getProperty("os.version", "0.0").split("[.-]");
        int major = Integer.parseInt(version[0]);
        int minor = version.length > 1 ? Integer.parseInt(version[1]) : 0;
        return (major > 6 || major == 6 && minor >= 12) && sliceOfThisThread() > 0;
    }

    /** The "se.slice" line of /proc/thread-self/sched, in nanoseconds; 0 without one. */
    private static long sliceOfThisThread() throws Exception {
        return schedField("se.slice");
    }

    /** A line of /proc/thread-self/sched by its name; 0 without one. */
    private static long schedField(String name) throws Exception {
        Path sched = Path.of("/proc/thread-self/sched");
        if (!Files.isReadable(sched)) {
            return 0;
        }
        return Files.readAllLines(sched).stream().filter(l -> l.split(":")[0].strip().equals(name))
                .map(l -> Long.parseLong(l.substring(l.indexOf(':') + 1).strip())).findFirst().orElse(0L);
    }

    /** Field 19 of /proc/thread-self/stat: the niceness. */
    private static int nicenessOfThisThread() throws Exception {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[19 - 3]); // fields after "pid (comm)" start at field 3
    }
}
