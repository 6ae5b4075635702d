package dev.parley.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A raw IRC client for tests: writes exact bytes, records every line the server sends, and
 * waits for lines by pattern. Absence is checked without sleeping: {@link #sync()} sends a PING
 * with a fresh token and waits for its PONG, after which every earlier line has arrived.
 */
public final class IrcTestClient implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final AtomicInteger TOKENS = new AtomicInteger();

    private final Socket socket;
    private final OutputStream out;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;
    private int cursor;
    private boolean closedByServer;
    /** Answer the server's PINGs, as every real client does; a test turns it off to play dead. */
    public volatile boolean autoPong = true;
    public String nick;

    public IrcTestClient(InetSocketAddress address) throws IOException {
        socket = new Socket();
        socket.connect(address, 5000);
        out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        reader = Thread.ofVirtual().start(() -> readLoop(in));
    }

    public static IrcTestClient registered(InetSocketAddress address, String nick) throws IOException {
        IrcTestClient client = new IrcTestClient(address);
        client.register(nick);
        return client;
    }

    /** NICK + USER, then waits for the end of the MOTD. */
    public IrcTestClient register(String wantedNick) throws IOException {
        send("NICK " + wantedNick);
        send("USER " + wantedNick + " 0 * :Test " + wantedNick);
        await(" 001 " + Pattern.quote(wantedNick) + " ");
        await(" (376|422) ");
        this.nick = wantedNick;
        return this;
    }

    /** Negotiates capabilities and registers. */
    public IrcTestClient registerWithCaps(String wantedNick, String caps) throws IOException {
        send("CAP LS 302");
        await("CAP \\* LS ");
        send("CAP REQ :" + caps);
        await("CAP \\* ACK ");
        send("NICK " + wantedNick);
        send("USER " + wantedNick + " 0 * :Test " + wantedNick);
        send("CAP END");
        await(" 001 " + Pattern.quote(wantedNick) + " ");
        await(" (376|422) ");
        this.nick = wantedNick;
        return this;
    }

    public void send(String line) throws IOException {
        sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    public void sendRaw(byte[] bytes) throws IOException {
        synchronized (out) {
            out.write(bytes);
            out.flush();
        }
    }

    /** Waits for the next line (after the cursor) that contains a match of {@code regex}; moves the cursor past it. */
    public String await(String regex) {
        synchronized (lines) {
            int index = waitFor(Pattern.compile(regex));
            cursor = index + 1;
            return lines.get(index);
        }
    }

    /** Round-trips a PING: when it returns, everything the server sent before the PONG is recorded. */
    public void sync() throws IOException {
        String token = "sync" + TOKENS.incrementAndGet();
        send("PING " + token);
        synchronized (lines) {
            lines.remove(waitFor(Pattern.compile("PONG \\S+ :?" + token + "$")));
        }
    }

    private int waitFor(Pattern pattern) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            for (int i = cursor; i < lines.size(); i++) {
                if (pattern.matcher(lines.get(i)).find()) {
                    return i;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || closedByServer) {
                fail((nick == null ? "client" : nick) + ": no line matching /" + pattern + "/ in "
                        + lines.subList(cursor, lines.size()) + (closedByServer ? " (connection closed)" : ""));
            }
            try {
                lines.wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    /** Asserts that no line after the cursor matches, after a sync. */
    public void assertNothing(String regex) throws IOException {
        sync();
        Pattern pattern = Pattern.compile(regex);
        synchronized (lines) {
            for (int i = cursor; i < lines.size(); i++) {
                String line = lines.get(i);
                assertTrue(!pattern.matcher(line).find(), () -> nick + " got unexpected line: " + line);
            }
        }
    }

    /** Every line received so far, from the first. */
    public List<String> all() {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    /** Lines received after the cursor, and moves the cursor to the end. */
    public List<String> drain() {
        synchronized (lines) {
            List<String> rest = new ArrayList<>(lines.subList(cursor, lines.size()));
            cursor = lines.size();
            return rest;
        }
    }

    /** Waits until the server closes the connection. */
    public void awaitClosed() {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        synchronized (lines) {
            while (!closedByServer) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    fail(nick + ": connection still open");
                }
                try {
                    lines.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void readLoop(InputStream in) {
        byte[] buffer = new byte[8192];
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        String line = pending.toString(StandardCharsets.UTF_8);
                        if (line.endsWith("\r")) {
                            line = line.substring(0, line.length() - 1);
                        }
                        pending.reset();
                        if (autoPong && line.startsWith("PING ")) {
                            send("PONG " + line.substring(5));
                        }
                        synchronized (lines) {
                            lines.add(line);
                            lines.notifyAll();
                        }
                    } else {
                        pending.write(buffer[i]);
                    }
                }
            }
        } catch (IOException e) {
            // the socket closed: recorded below
        }
        synchronized (lines) {
            closedByServer = true;
            lines.notifyAll();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
