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

/** The search indexer's thread gets niceness 19 and a long time slice, read back from /proc (Linux only). */
class BackgroundPriorityTest {

    @Test
    void theCallingThreadGetsNiceness19AndNoOtherThreadDoes() throws Exception {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux"), "Linux only");
        CompletableFuture<int[]> seen = new CompletableFuture<>();
        Thread.ofPlatform().name("priority-test").start(() -> {
            try {
                int before = nicenessOfThisThread();
                boolean lowered = BackgroundPriority.lowerCurrentThread();
                seen.complete(new int[] {before, lowered ? 1 : 0, nicenessOfThisThread(), (int) (sliceOfThisThread() / 1000)});
            } catch (Exception e) {
                seen.completeExceptionally(e);
            }
        });
        int[] result = seen.get(10, TimeUnit.SECONDS);
        assertEquals(0, result[0], "a new thread starts at niceness 0");
        assertTrue(result[1] == 1, "lowerCurrentThread reported failure");
        assertEquals(19, result[2], "the thread's niceness after lowering");
        assertEquals(0, nicenessOfThisThread(), "the test's own thread was lowered too");
        if (customSlices()) {
            assertEquals(10_000, result[3], "the thread's time slice in microseconds after lowering");
            assertTrue(sliceOfThisThread() < 10_000_000L, "the test's own thread got the long slice too");
        }
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
        Path sched = Path.of("/proc/thread-self/sched");
        if (!Files.isReadable(sched)) {
            return 0;
        }
        return Files.readAllLines(sched).stream().filter(l -> l.startsWith("se.slice"))
                .map(l -> Long.parseLong(l.substring(l.indexOf(':') + 1).strip())).findFirst().orElse(0L);
    }

    /** Field 19 of /proc/thread-self/stat: the niceness. */
    private static int nicenessOfThisThread() throws Exception {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[19 - 3]); // fields after "pid (comm)" start at field 3
    }
}
