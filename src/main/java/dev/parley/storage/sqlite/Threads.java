package dev.parley.storage.sqlite;

import java.util.concurrent.locks.LockSupport;

/** Waiting for the store's own threads, which end only through their stop signal. */
final class Threads {

    private Threads() {
    }

    /**
     * Waits until {@code thread} has ended, through interrupts: a store's thread that is stopping
     * must finish (its last writes, or its index), so an interrupt cannot cut the wait short. Returns
     * whether the caller was interrupted meanwhile; the caller sets its interrupt flag again when it
     * is ready to.
     */
    static boolean joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        return interrupted;
    }

    /**
     * Wakes {@code thread} from its park (its owner has set its stop flag), waits until it has
     * ended, and then sets the caller's interrupt flag again if an interrupt came meanwhile.
     */
    static void wakeAndAwait(Thread thread) {
        LockSupport.unpark(thread);
        if (joinUninterruptibly(thread)) {
            Thread.currentThread().interrupt();
        }
    }
}
