package dev.parley.discovery;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Consumer;

/** The one-thread schedulers of this package: daemon threads, so discovery never holds up exit. */
final class DaemonThreads {

    private DaemonThreads() {
    }

    static ScheduledThreadPoolExecutor singleThreadScheduler(String name) {
        return singleThreadScheduler(name, thread -> { });
    }

    /** As above; {@code created} learns each thread the scheduler makes (one, unless one dies). */
    static ScheduledThreadPoolExecutor singleThreadScheduler(String name, Consumer<Thread> created) {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            created.accept(thread);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }
}
