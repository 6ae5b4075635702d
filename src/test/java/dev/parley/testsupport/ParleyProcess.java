package dev.parley.testsupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
    private static final AtomicInteger COUNT = new AtomicInteger();

    // Output goes to files, not pipes: the JDK drains and closes a pipe when the process exits,
    // racing any thread still reading it, and the last lines (the ones tests check) get lost.
    private final Path stdout;
    private final Path stderr;

    private ParleyProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    public static ParleyProcess start(Path home, String... args) throws IOException {
        return start(home, List.of(), args);
    }

    /** Starts {@code parley args...} with extra environment entries ({@code NAME=value}). */
    public static ParleyProcess start(Path home, List<String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        // English whatever the machine's language: the console writes its own lines in it, and tests read them.
        command.add("-Duser.language=en");
        command.add("-Duser.country=US");
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
        int n = COUNT.incrementAndGet();
        Files.createDirectories(home);
        Path out = home.resolve("parley-" + n + ".out");
        Path err = home.resolve("parley-" + n + ".err");
        builder.redirectOutput(out.toFile());
        builder.redirectError(err.toFile());
        return new ParleyProcess(builder.start(), out, err);
    }

    public Process process() {
        return process;
    }

    /** Waits for the relay's ready line and returns the address it names. */
    public InetSocketAddress awaitRelayAddress() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> READY.matcher(stderr()).find() || !process.isAlive());
        Matcher m = READY.matcher(stderr());
        if (!m.find()) {
            fail("parley exited with " + process.exitValue() + " before it was ready: " + stderr());
        }
        return new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2)));
    }

    /** Waits until stdout contains {@code text}. */
    public void awaitStdout(String text) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .alias("'" + text + "' on stdout").until(() -> stdout().contains(text));
    }

    public void terminate() {
        process.destroy(); // SIGTERM on Unix
    }

    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("parley did not exit within 30 s: " + stderr);
        }
        return process.exitValue();
    }

    public String stdout() {
        return read(stdout);
    }

    public String stderr() {
        return read(stderr);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
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

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
