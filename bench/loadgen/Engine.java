import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;

/**
 * Single-threaded NIO event loop holding every client connection of one load-generator run.
 *
 * <p>One thread is enough and is what we want: the generator is pinned to one CPU, and a single
 * thread keeps the per-message accounting (sequence bitsets, publisher windows, histogram) free
 * of locks and atomics. Hot paths parse bytes in place and allocate nothing per message.
 */
final class Engine {
    // connection states
    static final int NEW = 0, CONNECTING = 1, REGISTERING = 2, JOINING = 3, READY = 4, CLOSED = 5;

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] C_PRIVMSG = bytes("PRIVMSG");
    private static final byte[] C_PING = bytes("PING");
    private static final byte[] C_JOIN = bytes("JOIN");
    private static final byte[] C_ERROR = bytes("ERROR");
    private static final byte[] C_001 = bytes("001");
    private static final byte[] C_366 = bytes("366");
    private static final byte[] R_MESSAGE = bytes("message");
    private static final byte[] R_SUBSCRIBE = bytes("subscribe");

    final InetSocketAddress addr;
    final boolean redis;
    final Selector selector;
    /** Origin of the timestamps carried in message bodies (System.nanoTime based). */
    final long epoch = System.nanoTime();
    final List<Conn> conns = new ArrayList<>();

    // ---- measurement state, read by the delivery path ----
    long measureStart = Long.MAX_VALUE; // deliveries/latency counted only inside [start, end)
    long measureEnd = Long.MAX_VALUE;
    final Histogram hist = new Histogram();
    /** Diagnostic (LOADGEN_TRACE): every measured delivery's send stamp and latency, in nanoseconds. */
    final DeliveryTrace trace = DeliveryTrace.fromEnv();
    long windowDeliveries;   // deliveries that arrived inside the window
    long totalDeliveries;    // all first-time deliveries (any time)
    long dups;               // same (publisher, seq) seen twice by one subscriber
    long late;               // deliveries of a sequence from before the current repetition
    long garbage;            // PRIVMSG / message bodies that did not parse
    long serverErrors;       // IRC 4xx/5xx numerics and RESP errors after setup
    long unexpectedCloses;   // connections lost after they were ready
    final List<String> notes = new ArrayList<>();

    // ---- setup bookkeeping ----
    int readyCount;
    int failedCount;
    private int inflight;

    private final ByteBuffer rbuf = ByteBuffer.allocate(256 * 1024);
    private final byte[] rb = rbuf.array();
    private final byte[] scratch = new byte[1024];

    Engine(String host, int port, boolean redis) throws IOException {
        this.addr = new InetSocketAddress(host, port);
        if (!addr.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("refusing to connect to non-loopback address " + addr);
        }
        this.redis = redis;
        this.selector = Selector.open();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    void note(String s) {
        if (notes.size() < 20) {
            notes.add(s);
            System.err.println("loadgen: " + s);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Accounting objects
    // ------------------------------------------------------------------------------------------

    /** Receiving side: which (publisher, seq) pairs a connection has seen in this repetition. */
    static final class Sub {
        final int pubBase;     // global index of the first publisher this subscriber hears
        final BitSet[] seen;   // per publisher, bit (seq - pub.repBase)
        final int selfPub;     // publisher index whose messages are our own echo (Redis), or -1
        final Pub[] pubs;

        Sub(Pub[] allPubs, int pubBase, int nPubs, int selfPub) {
            this.pubBase = pubBase;
            this.seen = new BitSet[nPubs];
            this.pubs = new Pub[nPubs];
            for (int i = 0; i < nPubs; i++) {
                seen[i] = new BitSet();
                pubs[i] = allPubs[pubBase + i];
            }
            this.selfPub = selfPub;
        }

        void clear() {
            for (BitSet b : seen) {
                b.clear();
            }
        }

        /** Messages of this repetition that never arrived here. */
        long lost() {
            long lost = 0;
            for (int i = 0; i < pubs.length; i++) {
                if (pubBase + i == selfPub) {
                    continue;
                }
                long expected = pubs[i].next - pubs[i].repBase;
                lost += expected - seen[i].cardinality();
            }
            return lost;
        }
    }

    /** Sending side: sequence numbers, and a window of messages not yet delivered to every receiver. */
    static final class Pub {
        final int idx;
        final int fanout;      // receivers per message
        int window;            // max messages not yet delivered to all receivers (<= capacity)
        final int[] remaining; // per in-flight seq (seq % capacity): receivers still to get it
        final byte[] target;   // channel name bytes
        Conn conn;
        long next;             // next seq to send
        long oldest;           // oldest seq not yet delivered to all receivers
        long repBase;          // first seq of the current repetition
        long lastProgress;
        long stalls;           // in-flight messages given up on after the stall timeout
        long sentInWindow;

        Pub(int idx, int fanout, int window, String target) {
            this(idx, fanout, window, window, target);
        }

        Pub(int idx, int fanout, int window, int capacity, String target) {
            this.idx = idx;
            this.fanout = fanout;
            this.window = window;
            this.remaining = new int[capacity];
            this.target = bytes(target);
        }

        int slot(long seq) {
            return (int) (seq % remaining.length);
        }

        boolean canSend() {
            return next - oldest < window && conn != null && conn.state == READY;
        }

        void delivered(long seq, long now) {
            if (seq < oldest || seq >= next) {
                return;
            }
            if (--remaining[slot(seq)] == 0 && seq == oldest) {
                advance(now);
            }
        }

        private void advance(long now) {
            while (oldest < next && remaining[slot(oldest)] <= 0) {
                oldest++;
            }
            lastProgress = now;
        }

        /** Gives up on the oldest in-flight message if nothing moved for {@code stallNs}. */
        void checkStall(long now, long stallNs) {
            if (oldest < next && now - lastProgress > stallNs) {
                remaining[slot(oldest)] = 0;
                stalls++;
                advance(now);
            }
        }

        boolean complete() {
            return oldest >= next;
        }
    }

    // ------------------------------------------------------------------------------------------
    // Connections
    // ------------------------------------------------------------------------------------------

    final class Conn {
        final int id;
        final String nick;
        final byte[] nickBytes;
        final String channel;      // IRC "#x" / Redis "x"; null: register only
        final boolean subscribeTo; // join (IRC) / SUBSCRIBE (Redis) the channel
        final List<String> prelude; // raw IRC lines sent after 001, before JOIN ({nick} replaced)
        Sub sub;
        Pub pub;
        SocketChannel ch;
        SelectionKey key;
        int state = NEW;
        long setupStart;
        long readyAt;
        String closeReason;
        private ByteBuffer out = ByteBuffer.allocate(1024);
        private byte[] carry = new byte[0];
        private int carryLen;
        private int nickTries;
        private String curNick;

        Conn(int id, String nick, String channel, boolean subscribeTo, List<String> prelude) {
            this.id = id;
            this.nick = nick;
            this.curNick = nick;
            this.nickBytes = bytes(nick);
            this.channel = channel;
            this.subscribeTo = subscribeTo;
            this.prelude = prelude;
        }

        void start(long now) throws IOException {
            setupStart = now;
            ch = SocketChannel.open();
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true); // the generator may; servers don't
            state = CONNECTING;
            if (ch.connect(addr)) {
                key = ch.register(selector, SelectionKey.OP_READ, this);
                onConnected();
            } else {
                key = ch.register(selector, SelectionKey.OP_CONNECT, this);
            }
        }

        void onConnected() {
            state = REGISTERING;
            if (redis) {
                if (subscribeTo) {
                    sendResp("SUBSCRIBE", channel);
                } else {
                    sendResp("PING");
                }
            } else {
                sendLine("NICK " + curNick);
                sendLine("USER " + nick + " 0 * :" + nick);
            }
            flush();
        }

        void sendLine(String s) {
            byte[] b = bytes(s);
            append(b, 0, b.length);
            append(CRLF, 0, 2);
        }

        void sendResp(String... parts) {
            StringBuilder sb = new StringBuilder();
            sb.append('*').append(parts.length).append("\r\n");
            for (String p : parts) {
                sb.append('$').append(p.length()).append("\r\n").append(p).append("\r\n");
            }
            byte[] b = bytes(sb.toString());
            append(b, 0, b.length);
        }

        void append(byte[] b, int off, int len) {
            if (out.remaining() < len) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + len + 1024));
                out.flip();
                bigger.put(out);
                out = bigger;
            }
            out.put(b, off, len);
        }

        int pendingOut() {
            return out.position();
        }

        void flush() {
            if (ch == null || state == CLOSED || state == CONNECTING || out.position() == 0) {
                return;
            }
            out.flip();
            try {
                ch.write(out);
            } catch (IOException e) {
                out.compact();
                close("write failed: " + e.getMessage());
                return;
            }
            out.compact();
            int ops = SelectionKey.OP_READ | (out.position() > 0 ? SelectionKey.OP_WRITE : 0);
            if (key.interestOps() != ops) {
                key.interestOps(ops);
            }
        }

        void becomeReady(long now) {
            if (state == READY) {
                return;
            }
            state = READY;
            readyAt = now;
            readyCount++;
            inflight--;
        }

        void close(String reason) {
            if (state == CLOSED) {
                return;
            }
            int was = state;
            state = CLOSED;
            closeReason = reason;
            try {
                if (key != null) {
                    key.cancel();
                }
                if (ch != null) {
                    ch.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
            if (was == READY) {
                unexpectedCloses++;
                note("connection " + nick + " lost after setup: " + reason);
            } else {
                failedCount++;
                if (was != NEW) {
                    inflight--;
                }
                note("connection " + nick + " failed during setup: " + reason);
            }
        }

        /** Closes without counting it as a failure (end of run). */
        void shutdown() {
            state = CLOSED;
            try {
                if (ch != null) {
                    ch.close();
                }
            } catch (IOException ignored) {
                // end of run
            }
        }

        // ---- IRC ----

        void ircLine(byte[] b, int s, int e, long now) {
            int p = s;
            if (p < e && b[p] == '@') { // IRCv3 message tags: skip
                while (p < e && b[p] != ' ') p++;
                while (p < e && b[p] == ' ') p++;
            }
            int pfxS = -1, pfxE = -1;
            if (p < e && b[p] == ':') {
                pfxS = p + 1;
                while (p < e && b[p] != ' ') p++;
                pfxE = p;
                while (p < e && b[p] == ' ') p++;
            }
            int cs = p;
            while (p < e && b[p] != ' ') p++;
            int ce = p;
            while (p < e && b[p] == ' ') p++;
            if (eq(b, cs, ce, C_PRIVMSG)) {
                int t = indexOf(b, p, e, (byte) ':');
                // trailing param starts after " :"; the target itself never contains ':'
                if (t < 0) {
                    garbage++;
                    return;
                }
                onBody(this, b, t + 1, e, now);
            } else if (eq(b, cs, ce, C_PING)) {
                append(bytes("PONG "), 0, 5);
                append(b, p, e - p);
                append(CRLF, 0, 2);
                flush();
            } else if (eq(b, cs, ce, C_001)) {
                if (state == REGISTERING) {
                    for (String l : prelude) {
                        sendLine(l.replace("{nick}", curNick));
                    }
                    if (subscribeTo) {
                        state = JOINING;
                        sendLine("JOIN " + channel);
                        flush();
                    } else {
                        becomeReady(now);
                    }
                }
            } else if (eq(b, cs, ce, C_JOIN) || eq(b, cs, ce, C_366)) {
                if (state == JOINING) {
                    if (eq(b, cs, ce, C_366) || prefixIsMe(b, pfxS, pfxE)) {
                        becomeReady(now);
                    }
                }
            } else if (eq(b, cs, ce, C_ERROR)) {
                close("server ERROR: " + new String(b, s, e - s, StandardCharsets.UTF_8));
            } else if (ce - cs == 3 && isDigit(b[cs]) && isDigit(b[cs + 1]) && isDigit(b[cs + 2])) {
                int num = (b[cs] - '0') * 100 + (b[cs + 1] - '0') * 10 + (b[cs + 2] - '0');
                if ((num == 432 || num == 433 || num == 436) && state == REGISTERING && nickTries < 5) {
                    nickTries++;
                    curNick = nick.substring(0, Math.min(nick.length(), 7)) + "_" + nickTries;
                    sendLine("NICK " + curNick);
                    flush();
                } else if (num >= 400 && num < 600 && num != 451) {
                    if (state == READY) {
                        serverErrors++;
                    }
                    if (serverErrors < 5 || state != READY) {
                        note(nick + " got " + new String(b, s, e - s, StandardCharsets.UTF_8));
                    }
                }
            }
        }

        private boolean prefixIsMe(byte[] b, int ps, int pe) {
            if (ps < 0) {
                return false;
            }
            int bang = ps;
            while (bang < pe && b[bang] != '!') bang++;
            byte[] me = curNick.equals(nick) ? nickBytes : bytes(curNick);
            return eqIgnoreCase(b, ps, bang, me);
        }

        // ---- RESP (Redis) ----

        /** Parses one RESP value at p; returns the index after it, or -1 if incomplete. */
        int respValue(byte[] b, int p, int lim, long now) {
            if (p >= lim) return -1;
            byte t = b[p];
            if (t == '*') {
                int le = lineEnd(b, p, lim);
                if (le < 0) return -1;
                int n = (int) parseLong(b, p + 1, le);
                int q = le + 2;
                // elements: we only need the first three bulk strings / integers
                int e0s = -1, e0e = -1, e2s = -1, e2e = -1;
                for (int i = 0; i < n; i++) {
                    if (q >= lim) return -1;
                    byte et = b[q];
                    int es, ee;
                    if (et == '$') {
                        int l2 = lineEnd(b, q, lim);
                        if (l2 < 0) return -1;
                        int len = (int) parseLong(b, q + 1, l2);
                        es = l2 + 2;
                        ee = es + Math.max(len, 0);
                        if (len >= 0) {
                            if (ee + 2 > lim) return -1;
                            q = ee + 2;
                        } else {
                            q = es;
                        }
                    } else {
                        int l2 = lineEnd(b, q, lim);
                        if (l2 < 0) return -1;
                        es = q + 1;
                        ee = l2;
                        q = l2 + 2;
                    }
                    if (i == 0) { e0s = es; e0e = ee; }
                    if (i == 2) { e2s = es; e2e = ee; }
                }
                if (eqIgnoreCase(b, e0s, e0e, R_MESSAGE)) {
                    onBody(this, b, e2s, e2e, now);
                } else if (eqIgnoreCase(b, e0s, e0e, R_SUBSCRIBE)) {
                    if (state == REGISTERING) becomeReady(now);
                }
                return q;
            }
            int le = lineEnd(b, p, lim);
            if (le < 0) return -1;
            if (t == '+') { // +PONG (setup probe) or +OK
                if (state == REGISTERING) becomeReady(now);
            } else if (t == '-') {
                serverErrors++;
                note(nick + " got RESP error " + new String(b, p, le - p, StandardCharsets.UTF_8));
            } // ':' integer = PUBLISH receiver count: nothing to do
            return le + 2;
        }

        // ---- input ----

        void onReadable(long now) {
            rbuf.clear();
            if (carryLen > 0) {
                rbuf.put(carry, 0, carryLen);
            }
            int n;
            try {
                n = ch.read(rbuf);
            } catch (IOException e) {
                close("read failed: " + e.getMessage());
                return;
            }
            if (n < 0) {
                close(closeReason != null ? closeReason : "closed by server");
                return;
            }
            process(rbuf.position(), now);
        }

        /** Test hook: processes {@code data} as if it had just been read from the socket. */
        void feed(byte[] data, int off, int len, long now) {
            rbuf.clear();
            if (carryLen > 0) {
                rbuf.put(carry, 0, carryLen);
            }
            rbuf.put(data, off, len);
            process(rbuf.position(), now);
        }

        private void process(int lim, long now) {
            int p = 0;
            if (redis) {
                while (p < lim && state != CLOSED) {
                    int q = respValue(rb, p, lim, now);
                    if (q < 0) break;
                    p = q;
                }
            } else {
                while (p < lim && state != CLOSED) {
                    int nl = indexOf(rb, p, lim, (byte) '\n');
                    if (nl < 0) break;
                    int e = nl;
                    if (e > p && rb[e - 1] == '\r') e--;
                    if (e > p) ircLine(rb, p, e, now);
                    p = nl + 1;
                }
            }
            int rest = lim - p;
            if (rest > 0 && state != CLOSED) {
                if (rest > 64 * 1024) {
                    close("line/frame longer than 64 KiB");
                    return;
                }
                if (carry.length < rest) carry = new byte[Math.max(rest, 2 * carry.length)];
                System.arraycopy(rb, p, carry, 0, rest);
            }
            carryLen = state == CLOSED ? 0 : rest;
        }
    }

    // ------------------------------------------------------------------------------------------
    // Messages
    // ------------------------------------------------------------------------------------------

    Pub[] pubs = new Pub[0];

    /** Writes the body "idx.seq.ts." padded with 'x' to {@code size} bytes into dst; returns length. */
    static int encodeBody(byte[] dst, int off, int pubIdx, long seq, long ts, int size) {
        int p = off;
        p = putLong(dst, p, pubIdx);
        dst[p++] = '.';
        p = putLong(dst, p, seq);
        dst[p++] = '.';
        p = putLong(dst, p, ts);
        dst[p++] = '.';
        while (p - off < size) dst[p++] = 'x';
        return p - off;
    }

    /** Parsed body fields (decodeBody result); reused to stay allocation free. */
    static final long[] DECODED = new long[3];

    /** Parses "idx.seq.ts." at b[s..e); fills {@link #DECODED}; false if malformed. */
    static boolean decodeBody(byte[] b, int s, int e, long[] outFields) {
        int p = s;
        for (int f = 0; f < 3; f++) {
            long v = 0;
            int start = p;
            while (p < e && b[p] >= '0' && b[p] <= '9') {
                v = v * 10 + (b[p] - '0');
                p++;
            }
            if (p == start || p >= e || b[p] != '.') return false;
            outFields[f] = v;
            p++;
        }
        return true;
    }

    void onBody(Conn c, byte[] b, int s, int e, long now) {
        if (!decodeBody(b, s, e, DECODED)) {
            garbage++;
            return;
        }
        Sub sub = c.sub;
        if (sub == null) {
            return; // not a measuring connection (e.g. the publisher's own conn)
        }
        int pubIdx = (int) DECODED[0];
        if (pubIdx == sub.selfPub) {
            return; // Redis echo of our own message
        }
        int local = pubIdx - sub.pubBase;
        if (local < 0 || local >= sub.seen.length) {
            garbage++;
            return;
        }
        Pub pub = sub.pubs[local];
        long seq = DECODED[1];
        long sentAt = epoch + DECODED[2];
        if (seq < pub.repBase) {
            late++;
            return;
        }
        BitSet seen = sub.seen[local];
        int bit = (int) (seq - pub.repBase);
        if (seen.get(bit)) {
            dups++;
            return;
        }
        seen.set(bit);
        totalDeliveries++;
        pub.delivered(seq, now);
        if (now >= measureStart && now < measureEnd) {
            windowDeliveries++;
        }
        if (sentAt >= measureStart && sentAt < measureEnd) {
            hist.record(now - sentAt);
            if (trace != null) {
                trace.add(sentAt, now - sentAt);
            }
        }
    }

    /** Appends one message from {@code pub} with timestamp {@code ts} to its connection's buffer. */
    void publish(Pub pub, long ts, long now, int msgBytes) {
        Conn c = pub.conn;
        long seq = pub.next++;
        pub.remaining[pub.slot(seq)] = pub.fanout;
        if (pub.oldest == seq) {
            pub.lastProgress = now; // window was empty: the stall clock starts now
        }
        byte[] s = scratch;
        int bodyOff;
        int p = 0;
        if (redis) {
            // *3 $7 PUBLISH $len chan $len body
            p = putAscii(s, p, "*3\r\n$7\r\nPUBLISH\r\n$");
            p = putLong(s, p, pub.target.length);
            s[p++] = '\r';
            s[p++] = '\n';
            System.arraycopy(pub.target, 0, s, p, pub.target.length);
            p += pub.target.length;
            p = putAscii(s, p, "\r\n$");
            p = putLong(s, p, msgBytes);
            s[p++] = '\r';
            s[p++] = '\n';
            bodyOff = p;
        } else {
            p = putAscii(s, p, "PRIVMSG ");
            System.arraycopy(pub.target, 0, s, p, pub.target.length);
            p += pub.target.length;
            s[p++] = ' ';
            s[p++] = ':';
            bodyOff = p;
        }
        p = bodyOff + encodeBody(s, bodyOff, pub.idx, seq, ts - epoch, msgBytes);
        s[p++] = '\r';
        s[p++] = '\n';
        c.append(s, 0, p);
    }

    // ------------------------------------------------------------------------------------------
    // Loop
    // ------------------------------------------------------------------------------------------

    /** Time spent waiting inside select calls: the generator's idle time. */
    long idleNanos;

    /** Scheduling callback: does due work at {@code now}, returns when it next needs to run. */
    interface Tick {
        long run(long now);
    }

    /**
     * Runs the event loop until {@code until} (nanoTime) or until {@code done} says stop.
     * {@code tick} runs before every poll and returns the nanoTime at which it next has work
     * ({@code Long.MAX_VALUE}: only when I/O happens). The loop blocks in select while nothing is
     * due within 1.5 ms and polls without sleeping otherwise, for sub-millisecond send pacing.
     */
    void run(long until, java.util.function.BooleanSupplier done, Tick tick) throws IOException {
        while (true) {
            long now = System.nanoTime();
            if (now >= until || (done != null && done.getAsBoolean())) {
                return;
            }
            long due = tick != null ? tick.run(now) : Long.MAX_VALUE;
            long wait = Math.min(until, due) - now;
            long t0 = System.nanoTime();
            int n;
            if (wait < 1_500_000L) {
                n = selector.selectNow();
            } else {
                n = selector.select(Math.max(1, Math.min(10, wait / 1_000_000L - 1)));
            }
            long t = System.nanoTime();
            idleNanos += t - t0;
            if (n == 0) {
                continue;
            }
            Iterator<SelectionKey> it = selector.selectedKeys().iterator();
            while (it.hasNext()) {
                SelectionKey k = it.next();
                it.remove();
                Conn c = (Conn) k.attachment();
                if (!k.isValid()) {
                    continue;
                }
                try {
                    if (k.isConnectable()) {
                        if (c.ch.finishConnect()) {
                            k.interestOps(SelectionKey.OP_READ);
                            c.onConnected();
                        }
                        continue;
                    }
                } catch (IOException e) {
                    c.close("connect failed: " + e.getMessage());
                    continue;
                }
                if (k.isValid() && k.isWritable()) {
                    c.flush();
                }
                if (k.isValid() && k.isReadable()) {
                    c.onReadable(t);
                }
            }
        }
    }

    /**
     * Connects and registers every connection in {@code list}, at most {@code concurrency} in
     * setup at once. Returns when all are ready or failed, or at the deadline.
     */
    void setup(List<Conn> list, int concurrency, long perConnTimeoutNs, long deadline) throws IOException {
        int[] nextIdx = {0};
        long[] lastCheck = {System.nanoTime()};
        int target = readyCount + failedCount + list.size();
        run(deadline, () -> readyCount + failedCount >= target, now -> {
            while (inflight < concurrency && nextIdx[0] < list.size()) {
                Conn c = list.get(nextIdx[0]++);
                inflight++;
                try {
                    c.start(now);
                } catch (IOException e) {
                    c.close("connect failed: " + e.getMessage());
                }
            }
            // per-connection timeout (checked cheaply: only the ones started)
            if (now - lastCheck[0] > 100_000_000L) {
                lastCheck[0] = now;
                for (int i = 0; i < nextIdx[0]; i++) {
                    Conn c = list.get(i);
                    if (c.state != READY && c.state != CLOSED && now - c.setupStart > perConnTimeoutNs) {
                        c.close("setup timeout");
                    }
                }
            }
            return Long.MAX_VALUE;
        });
        for (Conn c : list) {
            if (c.state != READY && c.state != CLOSED) {
                c.close("setup deadline");
            }
        }
    }

    void closeAll() {
        for (Conn c : conns) {
            c.shutdown();
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // end of run
        }
    }

    // ------------------------------------------------------------------------------------------
    // byte helpers
    // ------------------------------------------------------------------------------------------

    static int putAscii(byte[] d, int p, String s) {
        for (int i = 0; i < s.length(); i++) d[p++] = (byte) s.charAt(i);
        return p;
    }

    static int putLong(byte[] d, int p, long v) {
        if (v < 0) throw new IllegalArgumentException("negative " + v);
        if (v == 0) {
            d[p++] = '0';
            return p;
        }
        int start = p;
        while (v > 0) {
            d[p++] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        for (int i = start, j = p - 1; i < j; i++, j--) {
            byte tmp = d[i];
            d[i] = d[j];
            d[j] = tmp;
        }
        return p;
    }

    static long parseLong(byte[] b, int s, int e) {
        boolean neg = s < e && b[s] == '-';
        long v = 0;
        for (int i = neg ? s + 1 : s; i < e; i++) v = v * 10 + (b[i] - '0');
        return neg ? -v : v;
    }

    static int lineEnd(byte[] b, int p, int lim) {
        for (int i = p; i + 1 < lim; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') return i;
        }
        return -1;
    }

    static int indexOf(byte[] b, int s, int e, byte x) {
        for (int i = s; i < e; i++) if (b[i] == x) return i;
        return -1;
    }

    static boolean eq(byte[] b, int s, int e, byte[] w) {
        if (e - s != w.length) return false;
        for (int i = 0; i < w.length; i++) if (b[s + i] != w[i]) return false;
        return true;
    }

    static boolean eqIgnoreCase(byte[] b, int s, int e, byte[] w) {
        if (s < 0 || e - s != w.length) return false;
        for (int i = 0; i < w.length; i++) {
            if (Character.toLowerCase(b[s + i]) != Character.toLowerCase(w[i])) return false;
        }
        return true;
    }

    static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }
}
