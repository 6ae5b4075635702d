package dev.parley.transport.mesh.bench;

import static org.awaitility.Awaitility.await;

import dev.parley.discovery.BeaconSettings;
import dev.parley.model.ChatMessage;
import dev.parley.model.MessageKind;
import dev.parley.model.Presence;
import dev.parley.relay.FloodPolicy;
import dev.parley.relay.RelayConfig;
import dev.parley.relay.RelayServer;
import dev.parley.storage.InMemoryMessageStore;
import dev.parley.transport.mesh.IgnoringListener;
import dev.parley.transport.OutgoingMessage;
import dev.parley.transport.mesh.MeshConfig;
import dev.parley.transport.mesh.MeshStats;
import dev.parley.transport.mesh.MeshTransport;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * Ten mesh peers in one JVM on loopback, one channel, and the same load through an embedded
 * relay with ten raw IRC clients, for comparison. Not a unit test: run it by hand (see
 * {@code docs/BENCHMARKS.md}, section "Mesh"):
 *
 * <pre>
 *   ./mvnw -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/test.cp -Dmdep.includeScope=test
 *   "$JAVA_HOME/bin/java" -Xmx1g -cp target/test-classes:target/classes:$(cat target/test.cp) \
 *       dev.parley.transport.mesh.bench.MeshBench [peers] [messages] [window] [pacedRate] [pacedSeconds]
 * </pre>
 *
 * Beacons go to 127.255.255.255 only. Every message is sent by the peers in turn; a message is
 * "delivered to all" when every other peer has it. Latency is per delivery, from the sender's
 * {@code send()} call to the receiver's listener, on one monotonic clock.
 */
public final class MeshBench {

    static final String CHANNEL = "#bench";
    static final int BODY_BYTES = 100;

    private MeshBench() {
    }

    public static void main(String[] args) throws Exception {
        int peers = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int window = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int pacedRate = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        int pacedSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        System.out.printf(Locale.ROOT, "peers=%d messages=%d window=%d paced=%d/s for %d s, body %d bytes, %d CPUs, %s%n",
                peers, messages, window, pacedRate, pacedSeconds, BODY_BYTES, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.version"));

        List<Result> results = new ArrayList<>();
        try (MeshSide mesh = MeshSide.start(peers)) {
            System.out.printf(Locale.ROOT, "mesh: full peer table after %d ms, all in %s after %d ms%n",
                    mesh.fullTableMillis, CHANNEL, mesh.joinedMillis);
            run(mesh, peers, messages / 10, window, 0); // warm-up, not reported
            results.add(run(mesh, peers, messages, window, 0).named("mesh, max rate (window " + window + ")"));
            results.add(run(mesh, peers, pacedRate * pacedSeconds, window, pacedRate)
                    .named("mesh, paced " + pacedRate + " msg/s"));
            System.out.println("mesh counters (sum over peers): " + mesh.stats());
        }
        try (RelaySide relay = RelaySide.start(peers)) {
            run(relay, peers, messages / 10, window, 0);
            results.add(run(relay, peers, messages, window, 0).named("relay, max rate (window " + window + ")"));
            results.add(run(relay, peers, pacedRate * pacedSeconds, window, pacedRate)
                    .named("relay, paced " + pacedRate + " msg/s"));
        }
        System.out.println();
        System.out.println("| run | messages | delivered to all/s | deliveries/s | p50 ms | p99 ms | max ms |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Result r : results) {
            System.out.println(r.row());
        }
    }

    /** One side of the comparison: something that sends a text as peer {@code from} to the channel. */
    interface Side {
        void send(int from, String text) throws IOException;

        void onDelivery(Receiver receiver);
    }

    /** Called by a side for every message a peer receives, on whatever thread it arrives. */
    interface Receiver {
        void received(String text, long nanos);
    }

    /** A run of {@code count} messages, closed-loop within {@code window} or paced at {@code rate}/s. */
    private static Result run(Side side, int peers, int count, int window, int rate) throws Exception {
        int receivers = peers - 1;
        AtomicIntegerArray arrivals = new AtomicIntegerArray(count);
        long[] latencies = new long[count * receivers];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger extra = new AtomicInteger();
        Semaphore inFlight = new Semaphore(window);
        CountDownLatch done = new CountDownLatch(count);
        String runId = Long.toString(System.nanoTime(), 36);
        side.onDelivery((text, now) -> {
            // "b:<run>:<index>:<sent nanos>:padding"
            String[] parts = text.split(":", 5);
            if (parts.length < 5 || !parts[1].equals(runId)) {
                return;
            }
            int index = Integer.parseInt(parts[2]);
            int slot = next.getAndIncrement();
            if (slot < latencies.length) {
                latencies[slot] = now - Long.parseLong(parts[3]);
            }
            int seen = arrivals.incrementAndGet(index);
            if (seen == receivers) {
                inFlight.release();
                done.countDown();
            } else if (seen > receivers) {
                extra.incrementAndGet();
            }
        });
        long start = System.nanoTime();
        long gap = rate > 0 ? 1_000_000_000L / rate : 0;
        for (int i = 0; i < count; i++) {
            if (rate > 0) {
                long due = start + i * gap;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            if (!inFlight.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no delivery for 30 s at message " + i);
            }
            String head = "b:" + runId + ":" + i + ":" + System.nanoTime() + ":";
            side.send(i % peers, head + "x".repeat(Math.max(0, BODY_BYTES - head.length())));
        }
        if (!done.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(done.getCount() + " messages not delivered to all within 60 s");
        }
        long elapsed = System.nanoTime() - start;
        side.onDelivery((text, now) -> { });
        long[] sorted = Arrays.copyOf(latencies, Math.min(next.get(), latencies.length));
        Arrays.sort(sorted);
        return new Result("", count, receivers, elapsed, sorted, extra.get());
    }

    record Result(String name, int messages, int receivers, long elapsedNanos, long[] sortedLatencies, int duplicates) {
        Result named(String newName) {
            return new Result(newName, messages, receivers, elapsedNanos, sortedLatencies, duplicates);
        }

        String row() {
            double seconds = elapsedNanos / 1e9;
            return String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.2f | %.2f | %.2f |%s", name, messages,
                    messages / seconds, messages * (double) receivers / seconds, millis(0.50), millis(0.99),
                    sortedLatencies[sortedLatencies.length - 1] / 1e6,
                    duplicates == 0 ? "" : " (" + duplicates + " duplicates!)");
        }

        private double millis(double quantile) {
            int index = (int) Math.min(sortedLatencies.length - 1, Math.ceil(quantile * sortedLatencies.length) - 1);
            return sortedLatencies[Math.max(0, index)] / 1e6;
        }
    }

    // --- mesh ----------------------------------------------------------------------------------

    /** Ten peers with default timings (1 s beacons and heartbeats), beacons on loopback only. */
    static final class MeshSide implements Side, AutoCloseable {
        final List<MeshTransport> transports = new ArrayList<>();
        volatile Receiver receiver = (text, now) -> { };
        long fullTableMillis;
        long joinedMillis;

        static MeshSide start(int peers) throws Exception {
            MeshSide side = new MeshSide();
            BeaconSettings beacons = BeaconSettings.defaults().withBroadcastAddress("127.255.255.255")
                    .withPort(freeUdpPort());
            long start = System.nanoTime();
            for (int i = 0; i < peers; i++) {
                MeshConfig config = MeshConfig.defaults("peer" + i, new InMemoryMessageStore())
                        .withBind("127.0.0.1", 0, 0).withBeacons(beacons);
                MeshTransport transport = new MeshTransport(config);
                side.transports.add(transport);
                transport.start(new BenchListener(side));
            }
            side.awaitAll(t -> t.peers().stream().filter(p -> p.presence() != Presence.UNREACHABLE).count() == peers - 1);
            side.fullTableMillis = (System.nanoTime() - start) / 1_000_000;
            side.transports.forEach(t -> t.join(CHANNEL, null));
            side.awaitAll(t -> t.peers().stream().filter(p -> p.channels().contains(CHANNEL)).count() == peers - 1);
            side.joinedMillis = (System.nanoTime() - start) / 1_000_000;
            return side;
        }

        private void awaitAll(Predicate<MeshTransport> condition) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                    .until(() -> transports.stream().allMatch(condition));
        }

        @Override
        public void send(int from, String text) {
            transports.get(from).send(new OutgoingMessage("b", CHANNEL, text, MessageKind.MESSAGE));
        }

        @Override
        public void onDelivery(Receiver newReceiver) {
            receiver = newReceiver;
        }

        MeshStats stats() {
            long[] sum = new long[9];
            for (MeshTransport t : transports) {
                MeshStats s = t.stats();
                long[] v = {s.published(), s.delivered(), s.duplicates(), s.holes(), s.repairRequests(), s.repaired(),
                        s.lost(), s.caughtUp(), s.malformed()};
                for (int i = 0; i < v.length; i++) {
                    sum[i] += v[i];
                }
            }
            return new MeshStats(sum[0], sum[1], sum[2], sum[3], sum[4], sum[5], sum[6], sum[7], sum[8]);
        }

        @Override
        public void close() {
            transports.forEach(MeshTransport::close);
        }
    }

    /** Hands each received channel message to the side's current receiver. */
    static final class BenchListener extends IgnoringListener {
        private final MeshSide side;

        BenchListener(MeshSide side) {
            this.side = side;
        }

        @Override
        public void message(ChatMessage message) {
            side.receiver.received(message.text(), System.nanoTime());
        }
    }

    // --- relay ---------------------------------------------------------------------------------

    /** An embedded relay (no flood limit) and ten raw IRC clients in the channel. */
    static final class RelaySide implements Side, AutoCloseable {
        final RelayServer relay;
        final InMemoryMessageStore store = new InMemoryMessageStore();
        final List<IrcBenchClient> clients = new ArrayList<>();
        volatile Receiver receiver = (text, now) -> { };

        private RelaySide(RelayServer relay) {
            this.relay = relay;
        }

        static RelaySide start(int peers) throws IOException {
            InMemoryMessageStore store = new InMemoryMessageStore();
            RelaySide side = new RelaySide(RelayServer.start(RelayConfig.loopback().withFlood(FloodPolicy.off()), store));
            for (int i = 0; i < peers; i++) {
                side.clients.add(IrcBenchClient.joined(side.relay.address(), "peer" + i, CHANNEL,
                        (text, now) -> side.receiver.received(text, now)));
            }
            return side;
        }

        @Override
        public void send(int from, String text) throws IOException {
            clients.get(from).privmsg(CHANNEL, text);
        }

        @Override
        public void onDelivery(Receiver newReceiver) {
            receiver = newReceiver;
        }

        @Override
        public void close() throws IOException {
            for (IrcBenchClient client : clients) {
                client.close();
            }
            relay.close();
            store.close();
        }
    }

    static int freeUdpPort() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
