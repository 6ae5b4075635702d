import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parley benchmark load generator: one process, one NIO thread, no dependencies.
 *
 * <pre>
 * java LoadGen.java fanout   --proto irc|redis --port P --server NAME --subs N [--rate max | --deliveries D]
 * java LoadGen.java channels --proto irc|redis --port P --server NAME --channels C --members M --member-rate R
 * java LoadGen.java capacity --proto irc|redis --port P --server NAME --clients N
 * java LoadGen.java report   --results FILE [--servers "a b c"] [--baseline ngircd]
 * java LoadGen.java selftest
 * </pre>
 *
 * Every run prints one {@code RESULT key=value ...} line per repetition to stdout and appends it
 * to {@code --out FILE} if given. Only loopback addresses are accepted.
 */
public final class LoadGen {
    final Map<String, String> opt;
    final PrintStream log = System.err;
    /** Every RESULT emitted by this instance (the self-test reads them). */
    final List<Map<String, String>> results = new ArrayList<>();

    LoadGen(Map<String, String> opt) {
        this.opt = opt;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: LoadGen fanout|channels|capacity|report|selftest [--key value ...]");
            System.exit(2);
        }
        Map<String, String> opt = parseArgs(Arrays.copyOfRange(args, 1, args.length));
        int rc;
        switch (args[0]) {
            case "fanout" -> rc = new LoadGen(opt).fanout();
            case "channels" -> rc = new LoadGen(opt).channels();
            case "capacity" -> rc = new LoadGen(opt).capacity();
            case "report" -> rc = Report.main(opt);
            case "selftest" -> rc = SelfTest.run();
            default -> {
                System.err.println("unknown mode " + args[0]);
                rc = 2;
            }
        }
        System.exit(rc);
    }

    static Map<String, String> parseArgs(String[] a) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < a.length; i++) {
            if (!a[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --key, got " + a[i]);
            }
            String k = a[i].substring(2);
            int eq = k.indexOf('=');
            if (eq >= 0) {
                m.put(k.substring(0, eq), k.substring(eq + 1));
            } else if (i + 1 < a.length && !a[i + 1].startsWith("--")) {
                m.put(k, a[++i]);
            } else {
                m.put(k, "true");
            }
        }
        return m;
    }

    String s(String k, String d) {
        return opt.getOrDefault(k, d);
    }

    int i(String k, int d) {
        return Integer.parseInt(s(k, Integer.toString(d)));
    }

    double d(String k, double d) {
        return Double.parseDouble(s(k, Double.toString(d)));
    }

    boolean redis() {
        String p = s("proto", "irc");
        if (!p.equals("irc") && !p.equals("redis")) {
            throw new IllegalArgumentException("--proto must be irc or redis");
        }
        return p.equals("redis");
    }

    Engine engine() throws IOException {
        return new Engine(s("host", "127.0.0.1"), i("port", 6667), redis());
    }

    /** Raw IRC lines a publishing connection sends after 001 (e.g. ngircd OPER + MODE +F). */
    List<String> prelude() {
        String p = s("pub-prelude", "");
        List<String> l = new ArrayList<>();
        if (!p.isBlank()) {
            for (String x : p.split("\\|")) {
                if (!x.isBlank()) l.add(x.trim());
            }
        }
        return l;
    }

    // ------------------------------------------------------------------------------------------
    // Scenario (a): fan-out, 1 publisher -> N subscribers in one channel
    // ------------------------------------------------------------------------------------------

    int fanout() throws IOException {
        int subs = i("subs", 50);
        String rate = s("rate", "max");
        double deliveries = d("deliveries", 0);
        double msgRate = deliveries > 0 ? deliveries / subs : (rate.equals("max") ? -1 : Double.parseDouble(rate));
        String scenario = msgRate < 0 ? "fanout-max" : "fanout-fixed";
        Engine eng = engine();
        boolean redis = eng.redis;
        String chan = redis ? "bench" : "#bench";
        // max rate: every window in --pub-windows is tried on the same connections
        int[] windows = msgRate < 0
                ? Arrays.stream(s("pub-windows", s("pub-window", "16")).trim().split("[ ,]+")).mapToInt(Integer::parseInt).toArray()
                : new int[] {i("pub-window", 256)};
        int cap = Arrays.stream(windows).max().getAsInt();
        Engine.Pub pub = new Engine.Pub(0, subs, windows[0], cap, chan);
        eng.pubs = new Engine.Pub[] {pub};
        // IRC: the publisher is a channel member (channels are +n); Redis: a plain connection.
        Engine.Conn pc = eng.new Conn(0, "p0", chan, !redis, prelude());
        pc.pub = pub;
        pub.conn = pc;
        List<Engine.Conn> subConns = new ArrayList<>();
        for (int k = 0; k < subs; k++) {
            Engine.Conn c = eng.new Conn(k + 1, "s" + k, chan, true, List.of());
            c.sub = new Engine.Sub(eng.pubs, 0, 1, -1);
            subConns.add(c);
        }
        eng.conns.add(pc);
        eng.conns.addAll(subConns);
        Map<String, String> base = new LinkedHashMap<>();
        base.put("scenario", scenario);
        base.put("variant", Integer.toString(subs));
        if (msgRate > 0) {
            base.put("offered_dps", fmt(msgRate * subs));
        }
        return traffic(eng, base, msgRate, windows);
    }

    // ------------------------------------------------------------------------------------------
    // Scenario (b): many channels, every member publishes at a fixed rate
    // ------------------------------------------------------------------------------------------

    int channels() throws IOException {
        int nCh = i("channels", 100);
        int members = i("members", 10);
        double memberRate = d("member-rate", 10);
        Engine eng = engine();
        boolean redis = eng.redis;
        int n = nCh * members;
        int window = i("pub-window", 256);
        eng.pubs = new Engine.Pub[n];
        for (int m = 0; m < n; m++) {
            int c = m / members;
            eng.pubs[m] = new Engine.Pub(m, members - 1, window, (redis ? "ch" : "#ch") + c);
        }
        for (int m = 0; m < n; m++) {
            int c = m / members;
            String chan = (redis ? "ch" : "#ch") + c;
            Engine.Conn sc = eng.new Conn(m, "m" + m, chan, true, redis ? List.of() : prelude());
            sc.sub = new Engine.Sub(eng.pubs, c * members, members, m);
            eng.conns.add(sc);
            if (redis) { // a subscribed Redis connection cannot PUBLISH: second connection
                Engine.Conn pc = eng.new Conn(n + m, "m" + m + "p", chan, false, List.of());
                pc.pub = eng.pubs[m];
                eng.pubs[m].conn = pc;
                eng.conns.add(pc);
            } else {
                sc.pub = eng.pubs[m];
                eng.pubs[m].conn = sc;
            }
        }
        Map<String, String> base = new LinkedHashMap<>();
        base.put("scenario", "channels");
        base.put("variant", nCh + "x" + members + "@" + fmt(memberRate));
        base.put("offered_dps", fmt(memberRate * n * (members - 1)));
        return traffic(eng, base, memberRate * n, new int[] {window});
    }

    // ------------------------------------------------------------------------------------------
    // Traffic runner shared by (a) and (b)
    // ------------------------------------------------------------------------------------------

    /**
     * Sets up all connections, then runs the repetitions for each publisher window.
     * totalRate &lt; 0 means max rate.
     */
    int traffic(Engine eng, Map<String, String> base, double totalRate, int[] windows) throws IOException {
        String server = s("server", "unknown");
        int reps = i("reps", 3);
        long warmupNs = (long) (d("warmup", 3) * 1e9);
        long windowNs = (long) (d("window", 10) * 1e9);
        long drainNs = (long) (d("drain", 10) * 1e9);
        long stallNs = (long) (d("stall-ms", 2000) * 1e6);
        int msgBytes = i("msg-bytes", 100);
        int pid = i("server-pid", 0);
        base.put("server", server);

        long t0 = System.nanoTime();
        eng.setup(eng.conns, i("reg-concurrency", 32), (long) (d("conn-timeout", 60) * 1e9),
                t0 + (long) (d("setup-timeout", 600) * 1e9));
        double setupS = (System.nanoTime() - t0) / 1e9;
        log.printf(Locale.ROOT, "loadgen: %s %s on %s: %d/%d connections ready in %.2f s%n",
                base.get("scenario"), base.get("variant"), server, eng.readyCount, eng.conns.size(), setupS);
        if (eng.failedCount > 0 || eng.readyCount < eng.conns.size()) {
            for (int r = 1; r <= reps; r++) {
                Map<String, String> res = new LinkedHashMap<>(base);
                res.put("rep", Integer.toString(r));
                res.put("status", "FAIL:setup_" + eng.failedCount + "_of_" + eng.conns.size() + "_failed");
                emit(res);
            }
            eng.closeAll();
            return 1;
        }
        // let JOIN/NAMES storms settle before traffic
        eng.run(System.nanoTime() + 500_000_000L, null, null);

        ThreadMXBean tmx = ManagementFactory.getThreadMXBean();
        Engine.Pub[] pubs = eng.pubs;
        List<Engine.Conn> dirty = new ArrayList<>();
        int rc = 0;
        int runs = reps * windows.length;
        // run -1 is an unreported pre-warm of the same traffic, measured and thrown away: the
        // generator's own JIT compilation shares its CPU and would otherwise distort the first
        // repetition
        long prewarmNs = (long) (d("prewarm", 3) * 1e9);
        // "max": the pre-warm of a fixed-rate run sends as fast as the window allows. At 100
        // messages a second (1000 subscribers) a JIT-compiled server's per-message code otherwise
        // reaches its top tier only after minutes, and compiles inside the repetitions: measured,
        // C2 took 30 ms of the relay's core in 5 s at the 30th second. Every server gets the same.
        boolean maxRatePrewarm = "max".equals(s("prewarm-rate", "fixed"));
        for (int run = prewarmNs > 0 ? -1 : 0; run < runs && rc == 0; run++) {
            boolean prewarm = run < 0;
            int rep = prewarm ? 0 : run % reps + 1;
            int window = windows[prewarm ? 0 : run / reps];
            for (Engine.Pub p : pubs) {
                p.window = window;
                p.repBase = p.next;
                p.oldest = p.next;
                p.stalls = 0;
                p.sentInWindow = 0;
            }
            for (Engine.Conn c : eng.conns) {
                if (c.sub != null) c.sub.clear();
            }
            eng.hist.reset();
            eng.windowDeliveries = eng.totalDeliveries = eng.dups = eng.late = eng.garbage = 0;
            long errorsBefore = eng.serverErrors;
            long start = System.nanoTime();
            // The pre-warm measures too (its second half, thrown away): the code that records a
            // delivery only runs inside a window, and compiled for the first time in repetition 1
            // it cost every server a p99 of 3-5 ms there (per-delivery traces, 2026-12-03).
            eng.measureStart = start + (prewarm ? prewarmNs / 2 : warmupNs);
            eng.measureEnd = prewarm ? start + prewarmNs : eng.measureStart + windowNs;
            if (eng.trace != null) {
                eng.trace.clear();
            }
            final long mStart = eng.measureStart, mEnd = eng.measureEnd;
            final double rate = prewarm && maxRatePrewarm ? -1 : totalRate;
            final double periodNs = rate > 0 ? 1e9 / rate : 0;
            final long[] k = {0};
            final long[] lastStallCheck = {start};
            Engine.Tick sender = now -> {
                long next = Long.MAX_VALUE;
                if (rate < 0) {
                    for (Engine.Pub p : pubs) {
                        boolean any = false;
                        while (p.canSend()) {
                            eng.publish(p, now, now, msgBytes);
                            if (now >= mStart && now < mEnd) p.sentInWindow++;
                            any = true;
                        }
                        if (any) p.conn.flush();
                    }
                } else {
                    while (true) {
                        long due = start + (long) (k[0] * periodNs);
                        if (due > now) {
                            next = due;
                            break;
                        }
                        Engine.Pub p = pubs[(int) (k[0] % pubs.length)];
                        if (!p.canSend()) break; // window full: later messages wait (latency shows it)
                        eng.publish(p, due, now, msgBytes);
                        if (due >= mStart && due < mEnd) p.sentInWindow++;
                        dirty.add(p.conn);
                        k[0]++;
                    }
                    for (Engine.Conn c : dirty) c.flush();
                    dirty.clear();
                }
                if (now - lastStallCheck[0] > 5_000_000L) {
                    lastStallCheck[0] = now;
                    for (Engine.Pub p : pubs) p.checkStall(now, stallNs);
                }
                return next;
            };
            eng.run(mStart, () -> eng.unexpectedCloses > 0, sender);
            long cpu0 = procCpuTicks(pid);
            long gen0 = tmx.getCurrentThreadCpuTime();
            long idle0 = eng.idleNanos;
            long wall0 = System.nanoTime();
            eng.run(mEnd, () -> eng.unexpectedCloses > 0, sender);
            long wall1 = System.nanoTime();
            long cpu1 = procCpuTicks(pid);
            long gen1 = tmx.getCurrentThreadCpuTime();
            long idle1 = eng.idleNanos;
            long rssKb = procRssKb(pid);
            // drain: no new messages; wait until everything sent was delivered (or gave up)
            long drainUntil = System.nanoTime() + drainNs;
            eng.run(drainUntil, () -> allComplete(pubs) || eng.unexpectedCloses > 0, now -> {
                if (now - lastStallCheck[0] > 5_000_000L) {
                    lastStallCheck[0] = now;
                    for (Engine.Pub p : pubs) p.checkStall(now, stallNs);
                }
                return now + 5_000_000L;
            });
            long lost = 0, maxLost = 0, sent = 0, sentWin = 0, stalls = 0;
            for (Engine.Conn c : eng.conns) {
                if (c.sub != null) {
                    long l = c.sub.lost();
                    lost += l;
                    maxLost = Math.max(maxLost, l);
                }
            }
            for (Engine.Pub p : pubs) {
                sent += p.next - p.repBase;
                sentWin += p.sentInWindow;
                stalls += p.stalls;
            }
            if (prewarm) {
                log.printf(Locale.ROOT, "loadgen: pre-warm done (%d sent, %d delivered)%n",
                        pubs.length == 0 ? 0 : pubs[0].next, eng.totalDeliveries);
                if (eng.unexpectedCloses > 0) {
                    rc = 1;
                    Map<String, String> res = new LinkedHashMap<>(base);
                    res.put("rep", "1");
                    res.put("status", "FAIL:disconnects_during_prewarm");
                    emit(res);
                }
                continue;
            }
            double win = (wall1 - wall0) / 1e9;
            Map<String, String> res = new LinkedHashMap<>(base);
            res.put("rep", Integer.toString(rep));
            res.put("pub_window", Integer.toString(window));
            if (eng.trace != null) {
                eng.trace.dump(server + "-" + base.get("scenario") + "-" + base.get("variant") + "-w" + window + "-rep" + rep, log);
            }
            res.put("dps", fmt(eng.windowDeliveries / win));
            res.put("msgs_per_s", fmt(sentWin / win));
            res.put("p50_us", fmt(eng.hist.valueAtPercentile(50) / 1e3));
            res.put("p99_us", fmt(eng.hist.valueAtPercentile(99) / 1e3));
            res.put("p999_us", fmt(eng.hist.valueAtPercentile(99.9) / 1e3));
            res.put("max_us", fmt(eng.hist.max() / 1e3));
            res.put("min_us", fmt(eng.hist.min() / 1e3));
            res.put("samples", Long.toString(eng.hist.count()));
            res.put("sent", Long.toString(sent));
            res.put("delivered", Long.toString(eng.totalDeliveries));
            res.put("lost", Long.toString(lost));
            res.put("lost_max_per_sub", Long.toString(maxLost));
            res.put("dup", Long.toString(eng.dups));
            res.put("late", Long.toString(eng.late));
            res.put("garbage", Long.toString(eng.garbage));
            res.put("stalls", Long.toString(stalls));
            res.put("server_errors", Long.toString(eng.serverErrors - errorsBefore));
            res.put("disconnects", Long.toString(eng.unexpectedCloses));
            res.put("srv_cpu_pct", cpu0 < 0 || cpu1 < 0 ? "NA"
                    : fmt(100.0 * (cpu1 - cpu0) / clkTck() / win));
            res.put("gen_cpu_pct", fmt(100.0 * (gen1 - gen0) / 1e9 / win));
            // share of the window the generator thread was not waiting in select: near 100 means
            // the generator, not the server, may be what limits the result
            res.put("gen_busy_pct", fmt(100.0 * (1 - (double) (idle1 - idle0) / (wall1 - wall0))));
            res.put("srv_rss_kb", rssKb < 0 ? "NA" : Long.toString(rssKb));
            res.put("setup_s", fmt(setupS));
            res.put("window_s", fmt(win));
            String status = "ok";
            if (eng.unexpectedCloses > 0) status = "FAIL:disconnects";
            else if (!allComplete(pubs)) status = "FAIL:undelivered_after_drain";
            res.put("status", status);
            emit(res);
            if (!status.equals("ok")) {
                rc = 1;
            }
        }
        eng.closeAll();
        return rc;
    }

    static boolean allComplete(Engine.Pub[] pubs) {
        for (Engine.Pub p : pubs) {
            if (!p.complete()) return false;
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------
    // Scenario (c): capacity, N registered idle clients
    // ------------------------------------------------------------------------------------------

    int capacity() throws IOException {
        int n = i("clients", 10000);
        int pid = i("server-pid", 0);
        Engine eng = engine();
        boolean redis = eng.redis;
        List<Engine.Conn> list = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            // IRC: registered (001) only; Redis: connected and subscribed
            list.add(eng.new Conn(k, "c" + k, redis ? "idle" : null, redis, List.of()));
        }
        eng.conns.addAll(list);
        long rssBefore = procRssKb(pid);
        long t0 = System.nanoTime();
        eng.setup(list, i("reg-concurrency", 32), (long) (d("conn-timeout", 60) * 1e9),
                t0 + (long) (d("setup-timeout", 600) * 1e9));
        long last = t0;
        for (Engine.Conn c : list) {
            if (c.state == Engine.READY) last = Math.max(last, c.readyAt);
        }
        double regS = (last - t0) / 1e9;
        // settle: stay connected and answer PINGs, then read the server's memory
        eng.run(System.nanoTime() + (long) (d("settle", 2) * 1e9), null, null);
        long rssAfter = procRssKb(pid);
        int stillUp = 0;
        for (Engine.Conn c : list) {
            if (c.state == Engine.READY) stillUp++;
        }
        Map<String, String> res = new LinkedHashMap<>();
        res.put("scenario", "capacity");
        res.put("variant", Integer.toString(n));
        res.put("server", s("server", "unknown"));
        res.put("rep", s("rep", "1"));
        res.put("registered", Integer.toString(eng.readyCount));
        res.put("failed", Integer.toString(eng.failedCount));
        res.put("still_connected", Integer.toString(stillUp));
        res.put("reg_time_s", fmt(regS));
        res.put("reg_per_s", fmt(regS > 0 ? eng.readyCount / regS : 0));
        res.put("rss_before_kb", rssBefore < 0 ? "NA" : Long.toString(rssBefore));
        res.put("rss_after_kb", rssAfter < 0 ? "NA" : Long.toString(rssAfter));
        res.put("rss_per_client_kb", rssBefore < 0 || rssAfter < 0 || stillUp == 0 ? "NA"
                : fmt((double) (rssAfter - rssBefore) / stillUp));
        res.put("reg_concurrency", s("reg-concurrency", "32"));
        boolean ok = eng.failedCount == 0 && eng.readyCount == n && stillUp == n;
        res.put("status", ok ? "ok" : "FAIL:" + (n - stillUp) + "_of_" + n + "_not_connected");
        emit(res);
        eng.closeAll();
        return ok ? 0 : 1;
    }

    // ------------------------------------------------------------------------------------------
    // output and /proc helpers
    // ------------------------------------------------------------------------------------------

    void emit(Map<String, String> res) throws IOException {
        results.add(res);
        StringBuilder sb = new StringBuilder("RESULT");
        res.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v.replace(' ', '_')));
        String line = sb.toString();
        System.out.println(line);
        System.out.flush();
        String out = opt.get("out");
        if (out != null) {
            Files.writeString(Path.of(out), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    static String fmt(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return "NA";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.3f", v);
    }

    int clkTck() {
        return i("clk-tck", 100);
    }

    /** utime + stime of the process in clock ticks, or -1. */
    static long procCpuTicks(int pid) {
        if (pid <= 0) return -1;
        try {
            String st = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
            // fields after ")": state(3) ... utime is field 14, stime 15 -> index 11, 12 here
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** VmRSS of the process in KiB, or -1. */
    static long procRssKb(int pid) {
        if (pid <= 0) return -1;
        try {
            for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
