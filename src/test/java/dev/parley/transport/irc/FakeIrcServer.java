package dev.parley.transport.irc;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A scripted IRC server on 127.0.0.1 for what the relay will not do: ignore CAP, refuse a nick,
 * go silent. Each accepted connection is a {@link Conn}; the script sees every line it sends.
 */
final class FakeIrcServer implements AutoCloseable {

    /** Answers a client's line. */
    interface Script {
        void onLine(Conn conn, String line) throws IOException;
    }

    /** One client connection: what it sent, and a way to answer. */
    static final class Conn {
        final List<String> received = new CopyOnWriteArrayList<>();
        private final Socket socket;
        private final OutputStream out;
        volatile String nick = "*";

        Conn(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        void send(String line) throws IOException {
            synchronized (out) {
                out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }

        /** Sends 001 and the end of the MOTD for the current nick. */
        void welcome() throws IOException {
            send(":fake.server 001 " + nick + " :Welcome to the fake network " + nick + "!u@127.0.0.1");
            send(":fake.server 376 " + nick + " :End of MOTD");
        }

        String awaitLine(String regex) {
            Pattern pattern = Pattern.compile(regex);
            return await().atMost(RecordingListener.TIMEOUT).pollInterval(Duration.ofMillis(10))
                    .until(() -> received.stream().filter(l -> pattern.matcher(l).find()).findFirst(), Optional::isPresent)
                    .orElseThrow();
        }

        void close() throws IOException {
            socket.close();
        }
    }

    private final ServerSocket server;
    private final Script script;
    private final List<Conn> connections = new CopyOnWriteArrayList<>();

    FakeIrcServer(Script script) throws IOException {
        this(0, script);
    }

    /** On a given port (one a test found closed and now opens). */
    FakeIrcServer(int port, Script script) throws IOException {
        this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        this.script = script;
        Thread.ofVirtual().name("fake-irc-accept").start(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Waits for the {@code index}th connection (from 0). */
    Conn awaitConnection(int index) {
        await().atMost(RecordingListener.TIMEOUT).pollInterval(Duration.ofMillis(10)).until(() -> connections.size() > index);
        return connections.get(index);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Conn conn = new Conn(socket);
                connections.add(conn);
                Thread.ofVirtual().name("fake-irc-conn").start(() -> serve(conn, socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Conn conn, Socket socket) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                conn.received.add(line);
                if (line.startsWith("NICK ")) {
                    conn.nick = line.substring(5).trim();
                }
                script.onLine(conn, line);
            }
        } catch (IOException e) {
            // closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Conn conn : connections) {
            conn.close();
        }
    }
}
