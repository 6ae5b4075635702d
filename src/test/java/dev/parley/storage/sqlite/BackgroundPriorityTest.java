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

/** The search indexer's thread gets niceness 19, read back from /proc (Linux only). */
class BackgroundPriorityTest {

    @Test
    void theCallingThreadGetsNiceness19AndNoOtherThreadDoes() throws Exception {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux"), "Linux only");
        CompletableFuture<int[]> seen = new CompletableFuture<>();
        Thread.ofPlatform().name("priority-test").start(() -> {
            try {
                int before = nicenessOfThisThread();
                boolean lowered = BackgroundPriority.lowerCurrentThread();
                seen.complete(new int[] {before, lowered ? 1 : 0, nicenessOfThisThread()});
            } catch (Exception e) {
                seen.completeExceptionally(e);
            }
        });
        int[] result = seen.get(10, TimeUnit.SECONDS);
        assertEquals(0, result[0], "a new thread starts at niceness 0");
        assertTrue(result[1] == 1, "lowerCurrentThread reported failure");
        assertEquals(19, result[2], "the thread's niceness after lowering");
        assertEquals(0, nicenessOfThisThread(), "the test's own thread was lowered too");
    }

    /** Field 19 of /proc/thread-self/stat: the niceness. */
    private static int nicenessOfThisThread() throws Exception {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[19 - 3]); // fields after "pid (comm)" start at field 3
    }
}
