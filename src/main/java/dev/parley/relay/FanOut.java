package dev.parley.relay;

import dev.parley.storage.MessageStore;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Channel deliveries, coalesced. The store completes its writes a batch at a time; their
 * deliveries queue here and one drain hands each member all of a channel's consecutive messages
 * as one entry in its outbox, built once per tag profile and shared by every member with that
 * profile; once a batch is queued, it writes each member's share to its socket itself, one
 * member after the other (no thread wake-up per member, one system call per member and batch).
 * A member only ever misses the messages it sent itself. Order within a channel is kept; nothing
 * waits for a slow member (a socket that is full keeps the rest queued for later, see
 * {@link Outbox}).
 *
 * <p>Direct messages go through here too, in line with the channel messages stored before them,
 * and each delivery's future completes once its lines are in the recipients' outboxes: a sender's
 * next PART, QUIT, NICK or KICK waits for that (see {@code ClientConnection}), so nobody sees
 * them before the messages the sender wrote first, and a member kicked right after a message
 * still gets it.
 *
 * <p>Who drains: with a store that batches ({@link MessageStore#afterEachBatch}), the store's
 * writer thread, right after a batch's completions, so a stored message reaches the sockets with
 * no thread hand-off in between. Deliveries queued from any other thread (a message not stored,
 * a store without batches) start a virtual thread that drains.
 */
public final class FanOut {

    /** Bigger entries would not fit the writer's buffer; a run of messages is cut before this. */
    private static final int MAX_ENTRY_BYTES = DirectBuffers.SIZE / 2;
    private static final int MAX_JOBS_PER_DRAIN = 4096;

    /** One stored message for a channel's members, or for one client ({@code recipient}, channel null). */
    private record Job(Channel channel, Client recipient, OutboundMessage line, Client sender,
                       CompletableFuture<Void> queued) {
    }

    private final ConcurrentLinkedQueue<Job> jobs = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    /** Numbers the drains, so a member is flushed once per drain; only the draining thread touches it. */
    private long drains;
    /** The store's writer thread, whose deliveries {@link #drainBatch} drains; null without one. */
    private volatile Thread batchThread;

    /** Drains on {@code store}'s writer thread after each of its batches, from now on. */
    void drainAfterBatchesOf(MessageStore store) {
        batchThread = store.afterEachBatch(this::drainBatch);
    }

    /** Stops draining on the store's thread (the relay is closing; the store lives on). */
    void detachFrom(MessageStore store) {
        if (batchThread != null) {
            store.afterEachBatch(null);
            batchThread = null;
        }
    }

    /**
     * Queues a stored message for every member of the channel but its sender; the future completes
     * when it is in their outboxes.
     */
    public CompletableFuture<Void> deliver(Channel channel, OutboundMessage line, Client sender) {
        return add(new Job(channel, null, line, sender, new CompletableFuture<>()));
    }

    /** Queues a stored direct message for {@code recipient}, after the deliveries queued before it. */
    public CompletableFuture<Void> deliverTo(Client recipient, OutboundMessage line, Client sender) {
        return add(new Job(null, recipient, line, sender, new CompletableFuture<>()));
    }

    private CompletableFuture<Void> add(Job job) {
        jobs.add(job);
        if (Thread.currentThread() != batchThread && draining.compareAndSet(false, true)) {
            Thread.startVirtualThread(this::drain);
        }
        return job.queued();
    }

    /**
     * On the store's writer thread, after a batch: drains what its completions queued. A drain
     * already running on a virtual thread takes them instead (it looks again before it ends).
     */
    private void drainBatch() {
        if (!jobs.isEmpty() && draining.compareAndSet(false, true)) {
            drain();
        }
    }

    private void drain() {
        while (true) {
            List<Job> batch = new ArrayList<>();
            Job job;
            while (batch.size() < MAX_JOBS_PER_DRAIN && (job = jobs.poll()) != null) {
                batch.add(job);
            }
            // Queue the whole batch first, then write each member's share with one system call:
            // under load a member gets several entries per batch (runs are cut at the entry limit).
            // Per drain, not per member: no set, no lambda, no boxing (this loop is the relay's
            // hot path, and its garbage was a young collection every half second at 2,000 msgs/s).
            long drain = ++drains;
            List<Client> touched = new ArrayList<>();
            int start = 0;
            while (start < batch.size()) {
                Job first = batch.get(start);
                if (first.channel() == null) {
                    deliverDirect(first, drain, touched);
                    start++;
                    continue;
                }
                int end = endOfRun(batch, start);
                deliverRun(batch.subList(start, end), drain, touched);
                start = end;
            }
            for (Client member : touched) {
                member.flushRaw();
            }
            for (Job done : batch) {
                done.queued().complete(null);
            }
            if (batch.isEmpty()) {
                draining.set(false);
                // A job queued after the last poll but before the flag dropped: take it too.
                if (jobs.isEmpty() || !draining.compareAndSet(false, true)) {
                    return;
                }
            }
        }
    }

    /** Consecutive jobs for one channel, cut so the run's bytes stay under the entry limit. */
    private static int endOfRun(List<Job> batch, int start) {
        Channel channel = batch.get(start).channel();
        int bytes = 0;
        int end = start;
        while (end < batch.size() && batch.get(end).channel() == channel) {
            bytes += batch.get(end).line().bytesFor(-1).length; // the largest form: every tag
            if (end > start && bytes > MAX_ENTRY_BYTES) {
                break;
            }
            end++;
        }
        return end;
    }

    private static void deliverDirect(Job job, long drain, List<Client> touched) {
        Client recipient = job.recipient();
        recipient.queueRaw(job.line().bytesFor(recipient.caps()));
        if (recipient.queuedInDrain(drain)) {
            touched.add(recipient);
        }
    }

    private static void deliverRun(List<Job> run, long drain, List<Client> touched) {
        List<Client> senders = new ArrayList<>(1);
        for (Job job : run) {
            if (!containsSame(senders, job.sender())) {
                senders.add(job.sender());
            }
        }
        byte[][] shared = new byte[TagFilter.PROFILES][];
        for (Client member : run.getFirst().channel().memberSnapshot()) {
            byte[] bytes;
            if (!containsSame(senders, member)) {
                int profile = TagFilter.profile(member.caps());
                bytes = shared[profile];
                if (bytes == null) {
                    bytes = concat(run, member.caps(), null);
                    shared[profile] = bytes;
                }
            } else {
                bytes = concat(run, member.caps(), member); // all but its own lines
                if (bytes.length == 0) {
                    continue;
                }
            }
            member.queueRaw(bytes);
            if (member.queuedInDrain(drain)) {
                touched.add(member);
            }
        }
    }

    /** By identity; the list holds the run's few distinct senders. */
    private static boolean containsSame(List<Client> clients, Client client) {
        for (Client c : clients) {
            if (c == client) {
                return true;
            }
        }
        return false;
    }

    private static byte[] concat(List<Job> run, int caps, Client except) {
        if (run.size() == 1 && except == null) {
            return run.getFirst().line().bytesFor(caps);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(run.size() * 160);
        for (Job job : run) {
            if (job.sender() != except) {
                out.writeBytes(job.line().bytesFor(caps));
            }
        }
        return out.toByteArray();
    }
}
