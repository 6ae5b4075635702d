package dev.parley.transport.mesh.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A raw IRC client for the relay side of {@link MeshBench}: registers, joins, sends and reads PRIVMSGs. */
final class IrcBenchClient implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final BufferedReader in;

    private IrcBenchClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.out = socket.getOutputStream();
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    /** A client registered as {@code nick} and in {@code channel}; then a reader thread hands PRIVMSG texts on. */
    static IrcBenchClient joined(InetSocketAddress relay, String nick, String channel, MeshBench.Receiver receiver)
            throws IOException {
        IrcBenchClient client = new IrcBenchClient(new Socket(relay.getAddress(), relay.getPort()));
        client.write("NICK " + nick + "\r\nUSER " + nick + " 0 * :bench\r\n");
        client.readUntil(" 001 ");
        client.write("JOIN " + channel + "\r\n");
        client.readUntil(" 366 ");
        Thread.ofPlatform().daemon().name("irc-" + nick).start(() -> client.readLoop(receiver));
        return client;
    }

    void privmsg(String channel, String text) throws IOException {
        write("PRIVMSG " + channel + " :" + text + "\r\n");
    }

    private synchronized void write(String lines) throws IOException {
        out.write(lines.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void readUntil(String marker) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.contains(marker)) {
                return;
            }
            if (line.startsWith("PING")) {
                write("PONG" + line.substring(4) + "\r\n");
            }
        }
        throw new IOException("connection closed before '" + marker.strip() + "'");
    }

    private void readLoop(MeshBench.Receiver receiver) {
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                long now = System.nanoTime();
                int privmsg = line.indexOf(" PRIVMSG ");
                if (privmsg > 0) {
                    int text = line.indexOf(" :", privmsg);
                    receiver.received(line.substring(text + 2), now);
                } else if (line.startsWith("PING")) {
                    write("PONG" + line.substring(4) + "\r\n");
                }
            }
        } catch (IOException closed) {
            // The bench is over.
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
