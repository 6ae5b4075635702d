package dev.parley.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code parley} process started from the test class path (same java, same classes as
 * {@code java -jar target/parley.jar}), with its output captured for assertions. Its config
 * folder is a temporary one, so the developer's own parley.toml never leaks in.
 */
public final class ParleyProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("ready on (\\S+):(\\d+)");

    private final Process process;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final Thread stdoutPump;
    private final Thread stderrPump;

    private ParleyProcess(Process process) {
        this.process = process;
        this.stdoutPump = Thread.ofVirtual().start(() -> pump(process.getInputStream(), stdout));
        this.stderrPump = Thread.ofVirtual().start(() -> pump(process.getErrorStream(), stderr));
    }

    public static ParleyProcess start(Path home, String... args) throws IOException {
        return start(home, List.of(), args);
    }

    /** Starts {@code parley args...} with extra environment entries ({@code NAME=value}). */
    public static ParleyProcess start(Path home, List<String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.parley.cli.Launcher");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        builder.environment().put("XDG_DATA_HOME", home.resolve("share").toString());
        for (String entry : env) {
            String[] kv = entry.split("=", 2);
            builder.environment().put(kv[0], kv[1]);
        }
        return new ParleyProcess(builder.start());
    }

    public Process process() {
        return process;
    }

    /** Waits for the relay's ready line and returns the address it names. */
    public InetSocketAddress awaitRelayAddress() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Matcher m = READY.matcher(stderr());
            if (m.find()) {
                return new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2)));
            }
            if (!process.isAlive()) {
                fail("parley exited with " + process.exitValue() + " before it was ready: " + stderr);
            }
            synchronized (stderr) {
                stderr.wait(100);
            }
        }
        fail("parley was not ready within 30 s: " + stderr);
        return null;
    }

    /** Waits until stdout contains {@code text}. */
    public void awaitStdout(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!stdout().contains(text)) {
            if (System.nanoTime() > deadline) {
                fail("no '" + text + "' in stdout: " + stdout + "\nstderr: " + stderr);
            }
            synchronized (stdout) {
                stdout.wait(100);
            }
        }
    }

    public void terminate() {
        process.destroy(); // SIGTERM on Unix
    }

    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("parley did not exit within 30 s: " + stderr);
        }
        stdoutPump.join(5000); // the last bytes the process wrote
        stderrPump.join(5000);
        return process.exitValue();
    }

    public String stdout() {
        synchronized (stdout) {
            return stdout.toString(StandardCharsets.UTF_8);
        }
    }

    public String stderr() {
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8);
        }
    }

    /** Writes lines to the process's standard input. */
    public void type(String... lines) throws IOException {
        OutputStream in = process.getOutputStream();
        for (String line : lines) {
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        in.flush();
    }

    /** Closes the process's standard input: end of input. */
    public void endInput() throws IOException {
        process.getOutputStream().close();
    }

    private static void pump(InputStream in, ByteArrayOutputStream sink) {
        byte[] buffer = new byte[4096];
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                synchronized (sink) {
                    sink.write(buffer, 0, n);
                    sink.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
