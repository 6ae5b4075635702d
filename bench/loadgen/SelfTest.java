import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks the generator's own arithmetic: histogram percentiles, body encoding, IRC and RESP
 * parsing across arbitrary read boundaries, loss/duplicate accounting and latency math, the
 * publisher window, and finally an end-to-end run against an in-process fake IRC server that
 * drops, duplicates and delays a known number of messages. Prints "N passed, M failed".
 */
final class SelfTest {
    private static int passed;
    private static int failed;

    private SelfTest() {
    }

    static void check(boolean ok, String what) {
        if (ok) {
            passed++;
        } else {
            failed++;
            System.out.println("FAILED: " + what);
        }
    }

    static int run() throws Exception {
        histogram();
        body();
        window();
        ircParsing();
        respParsing();
        endToEnd();
        System.out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }

    static void histogram() {
        Histogram h = new Histogram();
        check(h.valueAtPercentile(50) == 0 && h.max() == 0, "empty histogram reads 0");
        for (long v = 1; v <= 100_000; v++) h.record(v);
        long p50 = h.valueAtPercentile(50), p99 = h.valueAtPercentile(99);
        check(p50 >= 50_000 && p50 <= 50_000 * 1.016, "p50 of 1..100000 within 1.6% (got " + p50 + ")");
        check(p99 >= 99_000 && p99 <= 99_000 * 1.016, "p99 of 1..100000 within 1.6% (got " + p99 + ")");
        check(h.valueAtPercentile(100) == 100_000 && h.max() == 100_000, "p100 == max == 100000");
        check(h.min() == 1 && h.count() == 100_000, "min and count exact");
        // every value lies inside its bucket, buckets are monotonic
        boolean ok = true;
        long[] probes = {0, 1, 127, 128, 129, 255, 256, 1000, 123_456_789L, 1L << 40, Long.MAX_VALUE / 2};
        for (long v : probes) {
            int i = Histogram.index(v);
            ok &= Histogram.highestInBucket(i) >= v;
            ok &= i == 0 || Histogram.highestInBucket(i - 1) < v;
        }
        check(ok, "bucket bounds contain their values");
        Histogram one = new Histogram();
        one.record(5_000_000);
        check(one.valueAtPercentile(50) == 5_000_000 && one.valueAtPercentile(99) == 5_000_000,
                "single value: percentiles capped at the exact max");
        one.record(-3);
        check(one.min() == 0, "negative latency clamps to 0");
    }

    static void body() {
        byte[] b = new byte[200];
        int n = Engine.encodeBody(b, 0, 42, 1234567, 987654321012L, 100);
        check(n == 100, "body padded to exactly 100 bytes (got " + n + ")");
        long[] f = new long[3];
        check(Engine.decodeBody(b, 0, n, f) && f[0] == 42 && f[1] == 1234567 && f[2] == 987654321012L,
                "body round trip");
        check(!Engine.decodeBody(Engine.bytes("hello world"), 0, 11, f), "garbage body rejected");
        check(!Engine.decodeBody(Engine.bytes("1.2."), 0, 4, f), "truncated body rejected");
    }

    static void window() {
        Engine.Pub p = new Engine.Pub(0, 3, 4, "#x");
        for (int i = 0; i < 4; i++) {
            p.remaining[(int) (p.next % 4)] = 3;
            p.next++;
        }
        check(p.next - p.oldest == 4, "window full after 4 sends");
        for (int i = 0; i < 3; i++) p.delivered(1, 0);
        check(p.oldest == 0, "out-of-order completion does not advance");
        for (int i = 0; i < 3; i++) p.delivered(0, 0);
        check(p.oldest == 2, "completing seq 0 advances past already complete seq 1");
        p.delivered(2, 0);
        p.checkStall(10_000_000_000L, 1_000_000_000L);
        check(p.oldest == 3 && p.stalls == 1, "stall timeout gives up on the oldest");
        p.delivered(99, 0);
        check(p.oldest == 3, "delivery of an unknown seq is ignored");

        Engine.Pub[] pubs = {new Engine.Pub(0, 1, 8, "#x")};
        pubs[0].next = 10;
        Engine.Sub s = new Engine.Sub(pubs, 0, 1, -1);
        for (int i = 0; i < 10; i++) if (i != 3 && i != 7) s.seen[0].set(i);
        check(s.lost() == 2, "lost = expected - distinct received");
    }

    static Engine.Conn readyConn(Engine e, String nick) {
        Engine.Conn c = e.new Conn(1, nick, e.redis ? "c" : "#c", true, List.of());
        c.state = Engine.READY;
        return c;
    }

    static void ircParsing() throws IOException {
        Engine e = new Engine("127.0.0.1", 1, false);
        e.pubs = new Engine.Pub[] {new Engine.Pub(0, 1, 64, "#c")};
        Engine.Conn c = readyConn(e, "s0");
        c.sub = new Engine.Sub(e.pubs, 0, 1, -1);
        e.pubs[0].next = 5; // pretend seqs 0..4 were sent
        e.pubs[0].remaining[0] = e.pubs[0].remaining[1] = e.pubs[0].remaining[2] = 1;
        e.pubs[0].remaining[3] = e.pubs[0].remaining[4] = 1;
        e.measureStart = e.epoch;
        e.measureEnd = e.epoch + 1_000_000_000_000L;
        StringBuilder sb = new StringBuilder();
        byte[] body = new byte[100];
        for (int seq = 0; seq < 5; seq++) {
            int n = Engine.encodeBody(body, 0, 0, seq, 1_000_000L * (seq + 1), 100);
            String prefix = seq % 2 == 0 ? "" : "@time=2025-01-01T00:00:00.000Z;msgid=x ";
            sb.append(prefix).append(":p0!p0@127.0.0.1 PRIVMSG #c :")
                    .append(new String(body, 0, n, StandardCharsets.US_ASCII)).append("\r\n");
        }
        sb.append(":p0!p0@h PRIVMSG #c :").append(new String(body, 0, 100, StandardCharsets.US_ASCII)).append("\r\n"); // dup of seq 4
        sb.append(":srv NOTICE s0 :hello\n"); // bare LF is accepted too
        sb.append(":p0!p0@h PRIVMSG #c :not a bench body\r\n");
        byte[] all = sb.toString().getBytes(StandardCharsets.US_ASCII);
        // feed in chunks of every size 1..37 to exercise partial lines
        for (int chunk = 1; chunk <= 37; chunk += 6) {
            c.sub.clear();
            e.hist.reset();
            e.dups = e.garbage = e.totalDeliveries = 0;
            for (int i = 0; i < 5; i++) e.pubs[0].remaining[i] = 1;
            e.pubs[0].oldest = 0;
            long now = e.epoch + 50_000_000L; // 50 ms after "time zero"
            for (int off = 0; off < all.length; off += chunk) {
                c.feed(all, off, Math.min(chunk, all.length - off), now);
            }
            check(e.totalDeliveries == 5 && e.dups == 1 && e.garbage == 1,
                    "IRC chunk " + chunk + ": 5 delivered, 1 dup, 1 garbage (got " + e.totalDeliveries + "/"
                            + e.dups + "/" + e.garbage + ")");
            // seq s was stamped (s+1) ms after epoch and received at 50 ms: latency 49..45 ms
            check(e.hist.count() == 5 && e.hist.min() == 45_000_000L && e.hist.max() == 49_000_000L,
                    "IRC chunk " + chunk + ": latency = receive time - send stamp (min " + e.hist.min()
                            + ", max " + e.hist.max() + ")");
            check(e.pubs[0].oldest == 5, "IRC chunk " + chunk + ": window completed");
        }
        // late message from an earlier repetition
        e.pubs[0].repBase = 5;
        e.late = 0;
        byte[] line = (":p0!p0@h PRIVMSG #c :" + new String(body, 0, 100, StandardCharsets.US_ASCII) + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        c.feed(line, 0, line.length, e.epoch);
        check(e.late == 1, "message from a previous repetition counted as late");

        // registration and join state machine
        Engine.Conn r = e.new Conn(2, "s1", "#c", true, List.of());
        r.state = Engine.REGISTERING;
        byte[] reg = ":srv 001 s1 :Welcome\r\n:s1!u@h JOIN :#c\r\n".getBytes(StandardCharsets.US_ASCII);
        r.feed(reg, 0, reg.length, 1);
        check(r.state == Engine.READY, "001 then own JOIN echo -> ready");
        Engine.Conn r2 = e.new Conn(3, "s2", "#c", true, List.of());
        r2.state = Engine.REGISTERING;
        byte[] reg2 = ":srv 001 s2 :Welcome\r\n:other!u@h JOIN #c\r\n".getBytes(StandardCharsets.US_ASCII);
        r2.feed(reg2, 0, reg2.length, 1);
        check(r2.state == Engine.JOINING, "someone else's JOIN does not make us ready");
        e.selector.close();
    }

    static void respParsing() throws IOException {
        Engine e = new Engine("127.0.0.1", 1, true);
        e.pubs = new Engine.Pub[] {new Engine.Pub(0, 1, 64, "c"), new Engine.Pub(1, 1, 64, "c")};
        Engine.Conn c = e.new Conn(1, "s0", "c", true, List.of());
        c.state = Engine.REGISTERING;
        c.sub = new Engine.Sub(e.pubs, 0, 2, 1); // messages of pub 1 are our own echo
        e.pubs[0].next = 3;
        e.pubs[1].next = 3;
        e.measureStart = e.epoch;
        e.measureEnd = Long.MAX_VALUE;
        StringBuilder sb = new StringBuilder("*3\r\n$9\r\nsubscribe\r\n$1\r\nc\r\n:1\r\n");
        byte[] body = new byte[100];
        for (int pub = 0; pub < 2; pub++) {
            for (int seq = 0; seq < 3; seq++) {
                int n = Engine.encodeBody(body, 0, pub, seq, 1000, 100);
                sb.append("*3\r\n$7\r\nmessage\r\n$1\r\nc\r\n$").append(n).append("\r\n")
                        .append(new String(body, 0, n, StandardCharsets.US_ASCII)).append("\r\n");
            }
        }
        sb.append(":5\r\n-ERR something\r\n");
        byte[] all = sb.toString().getBytes(StandardCharsets.US_ASCII);
        boolean ok = true;
        for (int split = 1; split < all.length; split++) {
            c.sub.clear();
            c.state = Engine.REGISTERING;
            e.totalDeliveries = e.serverErrors = 0;
            c.feed(all, 0, split, 2000);
            c.feed(all, split, all.length - split, 2000);
            ok &= c.state == Engine.READY && e.totalDeliveries == 3 && e.serverErrors == 1;
        }
        check(ok, "RESP: subscribe ack, 3 deliveries, own echo skipped, error counted, at every split point");
        check(c.sub.lost() == 0, "RESP: own echo not counted as lost");
        e.selector.close();
    }

    // ------------------------------------------------------------------------------------------
    // End to end against a fake IRC server with injected faults
    // ------------------------------------------------------------------------------------------

    static void endToEnd() throws Exception {
        try (FakeIrc f = new FakeIrc(97, 89, 20)) {
            Map<String, String> o = new HashMap<>();
            o.put("proto", "irc");
            o.put("port", Integer.toString(f.port()));
            o.put("server", "fake");
            o.put("subs", "4");
            o.put("rate", "400");
            o.put("reps", "1");
            o.put("warmup", "0.5");
            o.put("window", "1.5");
            o.put("drain", "3");
            o.put("stall-ms", "60");
            o.put("pub-window", "64");
            o.put("prewarm", "0"); // every message must be in the one reported repetition
            LoadGen g = new LoadGen(o);
            g.fanout();
            Map<String, String> r = g.results.get(g.results.size() - 1);
            long lost = Long.parseLong(r.get("lost"));
            long dup = Long.parseLong(r.get("dup"));
            long sent = Long.parseLong(r.get("sent"));
            long delivered = Long.parseLong(r.get("delivered"));
            check(f.msgs.get() == sent, "fake server saw every sent message (" + f.msgs.get() + " of " + sent + ")");
            check(lost == f.drops.get() && lost > 0, "lost == injected drops (" + lost + " vs " + f.drops.get() + ")");
            check(dup == f.dups.get() && dup > 0, "dup == injected duplicates (" + dup + " vs " + f.dups.get() + ")");
            check(delivered == sent * 4 - f.drops.get(), "delivered == sent x subscribers - drops");
            check("0".equals(r.get("garbage")) && "0".equals(r.get("late")), "no garbage, no late");
            double minUs = Double.parseDouble(r.get("min_us"));
            double p50Us = Double.parseDouble(r.get("p50_us"));
            check(minUs >= 20_000 && p50Us >= 20_000 && p50Us < 40_000,
                    "latency includes the injected 20 ms delay (min " + minUs + " us, p50 " + p50Us + " us)");
            check(f.pongs.get() == 5, "every client answered the server's PING (" + f.pongs.get() + ")");
        }
        try (FakeIrc f = new FakeIrc(0, 0, 0)) {
            Map<String, String> o = new HashMap<>();
            o.put("proto", "irc");
            o.put("port", Integer.toString(f.port()));
            o.put("server", "fake");
            o.put("subs", "3");
            o.put("rate", "max");
            o.put("pub-windows", "4 32");
            o.put("reps", "2");
            o.put("warmup", "0.2");
            o.put("window", "0.5");
            LoadGen g = new LoadGen(o);
            int rc = g.fanout();
            boolean ok = rc == 0 && g.results.size() == 4
                    && "4".equals(g.results.get(0).get("pub_window")) && "32".equals(g.results.get(3).get("pub_window"));
            for (Map<String, String> r : g.results) {
                ok &= "ok".equals(r.get("status")) && "0".equals(r.get("lost")) && "0".equals(r.get("dup"))
                        && Double.parseDouble(r.get("dps")) > 0;
            }
            check(ok, "max-rate sweep of 2 windows x 2 reps against a fault-free server: all ok, no loss, no dups");
        }
    }

    /** Tiny thread-per-client IRC server: registration, JOIN, PING, delayed PRIVMSG fan-out. */
    static final class FakeIrc implements AutoCloseable {
        final ServerSocket ss;
        final List<Client> members = new CopyOnWriteArrayList<>();
        final AtomicLong msgs = new AtomicLong(), drops = new AtomicLong(), dups = new AtomicLong(),
                pongs = new AtomicLong();
        final int dropEvery, dupEvery;
        final long delayMs;
        final ScheduledExecutorService delayer = Executors.newSingleThreadScheduledExecutor();
        final List<Thread> threads = new ArrayList<>();

        FakeIrc(int dropEvery, int dupEvery, long delayMs) throws IOException {
            this.dropEvery = dropEvery;
            this.dupEvery = dupEvery;
            this.delayMs = delayMs;
            ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread t = Thread.ofPlatform().daemon().start(this::acceptLoop);
            threads.add(t);
        }

        int port() {
            return ss.getLocalPort();
        }

        final class Client {
            final Socket s;
            final OutputStream out;
            String nick;

            Client(Socket s) throws IOException {
                this.s = s;
                this.out = s.getOutputStream();
            }

            synchronized void send(String line) {
                byte[] b = (line + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    int cut = b.length / 3; // two writes: the client must reassemble lines
                    out.write(b, 0, cut);
                    out.flush();
                    out.write(b, cut, b.length - cut);
                    out.flush();
                } catch (IOException ignored) {
                    // client went away
                }
            }
        }

        void acceptLoop() {
            while (!ss.isClosed()) {
                try {
                    Socket s = ss.accept();
                    Client c = new Client(s);
                    Thread.ofPlatform().daemon().start(() -> serve(c));
                } catch (IOException e) {
                    return;
                }
            }
        }

        void serve(Client c) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(c.s.getInputStream(), StandardCharsets.US_ASCII))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("NICK ")) {
                        c.nick = line.substring(5).trim();
                    } else if (line.startsWith("USER ")) {
                        c.send(":fake 001 " + c.nick + " :Welcome");
                        c.send("PING :fake");
                    } else if (line.startsWith("PONG")) {
                        pongs.incrementAndGet();
                    } else if (line.startsWith("JOIN ")) {
                        String ch = line.substring(5).trim();
                        members.add(c);
                        for (Client m : members) m.send(":" + c.nick + "!u@127.0.0.1 JOIN " + ch);
                        c.send(":fake 366 " + c.nick + " " + ch + " :End of /NAMES list.");
                    } else if (line.startsWith("PRIVMSG ")) {
                        long n = msgs.incrementAndGet();
                        int sp = line.indexOf(" :");
                        String target = line.substring(8, sp);
                        String text = line.substring(sp + 2);
                        String from = c.nick;
                        delayer.schedule(() -> fanout(c, from, target, text, n), delayMs, TimeUnit.MILLISECONDS);
                    }
                }
            } catch (IOException ignored) {
                // client closed
            }
        }

        void fanout(Client from, String nick, String target, String text, long n) {
            for (Client m : members) {
                if (m == from) continue;
                if ("s0".equals(m.nick) && dropEvery > 0 && n % dropEvery == 0) {
                    drops.incrementAndGet();
                    continue;
                }
                String tags = "s2".equals(m.nick) ? "@time=2025-01-01T00:00:00.000Z " : "";
                String l = tags + ":" + nick + "!u@127.0.0.1 PRIVMSG " + target + " :" + text;
                m.send(l);
                if ("s1".equals(m.nick) && dupEvery > 0 && n % dupEvery == 0) {
                    dups.incrementAndGet();
                    m.send(l);
                }
            }
        }

        @Override
        public void close() throws IOException {
            ss.close();
            delayer.shutdownNow();
            for (Client m : members) m.s.close();
        }
    }
}
