package dev.parley.transport.mesh;

import java.util.concurrent.atomic.AtomicLong;

/** The counts behind {@link MeshStats}: written on the loop thread, read from any. */
final class Counters {

    final AtomicLong published = new AtomicLong();
    final AtomicLong delivered = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong holes = new AtomicLong();
    final AtomicLong repairRequests = new AtomicLong();
    final AtomicLong repaired = new AtomicLong();
    final AtomicLong lost = new AtomicLong();
    final AtomicLong caughtUp = new AtomicLong();
    final AtomicLong malformed = new AtomicLong();

    MeshStats snapshot() {
        return new MeshStats(published.get(), delivered.get(), duplicates.get(), holes.get(), repairRequests.get(),
                repaired.get(), lost.get(), caughtUp.get(), malformed.get());
    }
}
