package dev.parley.transport.irc;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real ngircd (Debian package {@code ngircd}) in the foreground, on 127.0.0.1 and a free port,
 * with a config written to a temporary folder. Run as root it drops to {@code nobody} by itself.
 */
final class NgircdProcess implements AutoCloseable {

    private static final List<Path> PLACES = List.of(Path.of("/usr/sbin/ngircd"), Path.of("/usr/bin/ngircd"),
            Path.of("/usr/local/sbin/ngircd"), Path.of("/usr/local/bin/ngircd"));

    private final Process process;
    private final int port;
    private final Path log;

    private NgircdProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The ngircd binary, if installed. */
    static Optional<Path> binary() {
        return PLACES.stream().filter(Files::isExecutable).findFirst();
    }

    static NgircdProcess start(Path binary, Path dir) throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path config = dir.resolve("ngircd.conf");
        Files.writeString(config, """
                [Global]
                Name = irc.parley.test
                Info = Parley transport test
                AdminInfo1 = Parley tests
                AdminInfo2 = 127.0.0.1
                AdminEMail = nobody@parley.test
                Listen = 127.0.0.1
                Ports = %d
                MotdPhrase = Hello from ngircd

                [Limits]
                MaxConnectionsIP = 0
                PingTimeout = 120
                PongTimeout = 20

                [Options]
                DNS = no
                Ident = no
                PAM = no
                """.formatted(port));
        Path log = dir.resolve("ngircd.log");
        Process process = new ProcessBuilder(binary.toString(), "--nodaemon", "--passive", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        NgircdProcess ngircd = new NgircdProcess(process, port, log);
        try {
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(ngircd::accepts);
        } catch (RuntimeException e) {
            String output = Files.exists(log) ? Files.readString(log) : "";
            ngircd.close();
            throw new IllegalStateException("ngircd did not start listening on " + port + ":\n" + output, e);
        }
        return ngircd;
    }

    int port() {
        return port;
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    private boolean accepts() {
        if (!process.isAlive()) {
            throw new IllegalStateException("ngircd exited with " + process.exitValue());
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
