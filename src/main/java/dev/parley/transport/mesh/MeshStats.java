package dev.parley.transport.mesh;

/**
 * What one peer's mesh has done so far, for tests, benchmarks and a status view.
 *
 * @param published       chat messages this peer sent
 * @param delivered       chat messages from others handed to the listener (live, repaired or caught up)
 * @param duplicates      messages dropped because they had arrived already (by sequence number or id)
 * @param holes           times a hole in a sender's sequence numbers was found
 * @param repairRequests  repair requests sent
 * @param repaired        messages delivered from repair answers
 * @param lost            sequence numbers given up (the sender no longer had them)
 * @param caughtUp        messages delivered from catch-up answers
 * @param malformed       frames dropped as malformed, oversized or out of place
 */
public record MeshStats(long published, long delivered, long duplicates, long holes, long repairRequests, long repaired,
                        long lost, long caughtUp, long malformed) {
}
