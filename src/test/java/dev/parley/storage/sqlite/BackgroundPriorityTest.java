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

/** The search indexer's thread gets the kernel's idle policy, read back from /proc (Linux only). */
class BackgroundPriorityTest {

    private static final int SCHED_IDLE = 5;

    @Test
    void theCallingThreadGetsTheIdlePolicyAndNoOtherThreadDoes() throws Exception {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux"), "Linux only");
        CompletableFuture<int[]> seen = new CompletableFuture<>();
        Thread.ofPlatform().name("priority-test").start(() -> {
            try {
                int before = policyOfThisThread();
                boolean lowered = BackgroundPriority.lowerCurrentThread();
                seen.complete(new int[] {before, lowered ? 1 : 0, policyOfThisThread()});
            } catch (Exception e) {
                seen.completeExceptionally(e);
            }
        });
        int[] result = seen.get(10, TimeUnit.SECONDS);
        assertEquals(0, result[0], "a new thread starts with SCHED_OTHER at niceness 0");
        assertTrue(result[1] == 1, "lowerCurrentThread reported failure");
        // SCHED_IDLE where the kernel allows it; where sched_setscheduler is refused (some
        // sandboxes, musl) the fallback, niceness 19 under SCHED_OTHER.
        assertTrue(result[2] == SCHED_IDLE || result[2] == 19 * 100 + 0,
                "the thread's policy and niceness after lowering: " + result[2] / 100 + "/" + result[2] % 100);
        assertEquals(0, policyOfThisThread(), "the test's own thread was lowered too");
    }

    /**
     * Field 41 of /proc/thread-self/stat, the scheduling policy; under SCHED_OTHER (0) with a
     * niceness, 100 x niceness (field 19) + policy, so that 1900 is the fallback.
     */
    private static int policyOfThisThread() throws Exception {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        int policy = Integer.parseInt(fields[41 - 3]); // fields after "pid (comm)" start at field 3
        int nice = Integer.parseInt(fields[19 - 3]);
        return policy == 0 ? nice * 100 : policy;
    }
}
