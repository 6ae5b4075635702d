package dev.parley.transport.irc;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The blocking TCP connect to the server, and what to tell the user when it fails. */
final class Dialer {

    private static final Logger log = LoggerFactory.getLogger(Dialer.class);

    private Dialer() {
    }

    /** Connects within the configured timeout, with TCP_NODELAY (chat lines are small) and keep-alive. */
    static Socket connect(IrcTransportConfig config) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(config.host(), config.port()),
                    (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()));
            return socket;
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    /** A failure as the status bar says it: "unknown host x", "connection refused" ... */
    static String reason(Exception e, IrcTransportConfig config) {
        if (e instanceof UnknownHostException) {
            return "unknown host " + config.host();
        }
        if (e instanceof SocketTimeoutException) {
            return "no answer within " + config.connectTimeout().toSeconds() + " s";
        }
        if (e instanceof ConnectException && e.getMessage() != null && e.getMessage().contains("refused")) {
            return "connection refused";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("close: {}", e.getMessage());
        }
    }
}
