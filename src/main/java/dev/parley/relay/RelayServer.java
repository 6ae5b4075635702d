package dev.parley.relay;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.IrcWriter;
import dev.parley.relay.command.CommandTable;
import dev.parley.storage.MessageStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay: accepts connections and serves them all from one {@link IoLoop}; each client's
 * commands run on a virtual thread while it has input. Runs embedded (the GUI's "host a relay
 * here", tests) or standalone ({@code parley server}).
 *
 * <pre>
 *   RelayServer relay = RelayServer.start(RelayConfig.loopback(), store);
 *   relay.address();  // the bound address, with the real port when 0 was asked for
 *   relay.close();    // tells clients, closes every connection; the store stays open
 * </pre>
 * The caller owns the store and closes it after the relay.
 */
public final class RelayServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RelayServer.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(2);
    private static final int KERNEL_SEND_BUFFER = 128 * 1024;

    private final RelayContext relay;
    private final CommandTable commands = CommandTable.standard();
    private final ServerSocketChannel listener;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final IoLoop io;
    private final Housekeeper housekeeper;
    private final InetSocketAddress address;
    private volatile boolean closed;

    private RelayServer(RelayContext relay, ServerSocketChannel listener, IoLoop io) throws IOException {
        this.relay = relay;
        this.listener = listener;
        this.io = io;
        this.address = (InetSocketAddress) listener.getLocalAddress();
        this.housekeeper = new Housekeeper(relay);
    }

    /** Binds and starts accepting. Fails with the bind error (port taken, bad address). */
    public static RelayServer start(RelayConfig config, MessageStore store) throws IOException {
        return start(config, store, Clock.systemUTC());
    }

    public static RelayServer start(RelayConfig config, MessageStore store, Clock clock) throws IOException {
        ServerState state = new ServerState(store.topics());
        ServerSocketChannel listener = ServerSocketChannel.open();
        try {
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listener.bind(config.listen(), 1024);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        IoLoop io;
        try {
            io = IoLoop.start();
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        RelayServer server = new RelayServer(new RelayContext(config, state, store, clock), listener, io);
        Thread.ofPlatform().name("parley-accept").daemon().start(server::acceptLoop);
        return server;
    }

    public InetSocketAddress address() {
        return address;
    }

    public RelayConfig config() {
        return relay.config();
    }

    /** Connections now, registered or not. */
    public int connectionCount() {
        return relay.state().connections().size();
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel socket;
            try {
                socket = listener.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                log.warn("accept failed: {}", e.getMessage());
                continue;
            }
            try {
                admit(socket);
            } catch (IOException | RuntimeException e) {
                log.warn("could not set up a connection: {}", e.getMessage());
                closeQuietly(socket);
            }
        }
    }

    private void admit(SocketChannel socket) throws IOException {
        socket.setOption(StandardSocketOptions.TCP_NODELAY, true); // we batch writes ourselves
        // A fixed kernel buffer: a client that stops reading is noticed after this plus its
        // send queue, not after the several megabytes that autotuning would let pile up.
        socket.setOption(StandardSocketOptions.SO_SNDBUF, KERNEL_SEND_BUFFER);
        String host = ((InetSocketAddress) socket.getRemoteAddress()).getAddress().getHostAddress();
        RelayLimits limits = relay.config().limits();
        String refusal = null;
        if (relay.state().connections().size() >= limits.maxClients()) {
            refusal = "Server is full";
        } else if (relay.state().countConnectionsFrom(host) >= limits.maxClientsPerAddress()) {
            refusal = "Too many connections from your address";
        }
        if (refusal != null) {
            log.info("refused a connection from {}: {}", host, refusal);
            refuse(socket, host, refusal);
            return;
        }
        socket.configureBlocking(false);
        ClientConnection connection = new ClientConnection(relay, commands, socket, host, io, threads);
        relay.state().addConnection(connection.client());
        connection.start();
    }

    private void refuse(SocketChannel socket, String host, String reason) {
        threads.execute(() -> {
            try (socket) {
                byte[] error = IrcWriter.encode(IrcMessage.of("ERROR", "Closing link: " + host + " (" + reason + ")"));
                socket.write(ByteBuffer.wrap(error));
            } catch (IOException e) {
                log.debug("refusing {}: {}", host, e.getMessage());
            }
        });
    }

    /** Tells every client the server is going, closes every connection, stops accepting. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        housekeeper.close();
        closeQuietly(listener);
        List<Client> clients = List.copyOf(relay.state().connections());
        clients.forEach(c -> c.disconnect("Server shutting down"));
        // Give each its ERROR line, but never wait long on a client that does not read.
        CompletableFuture<?>[] closing = clients.stream().map(c -> c.connection().closed()).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(closing).get(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            log.debug("some clients did not take their ERROR line in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        clients.forEach(c -> c.connection().closeSocket());
        threads.shutdownNow();
        io.close();
        relay.fanOut().detachFrom(relay.store());
        log.info("relay on {} stopped", address);
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            log.debug("close: {}", e.getMessage());
        }
    }
}
