import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Diagnostic, off unless LOADGEN_TRACE names a folder: every measured delivery's send stamp
 * (System.nanoTime, the same clock as the server's -Xlog "tn" decoration) and latency, written per
 * repetition as "sent_ns latency_ns" lines to {@code <folder>/<server>-<scenario>-<variant>-w<window>-rep<n>.txt},
 * so the slowest deliveries can be lined up against what the server was doing at the time. The
 * send stamp is the one in the message: at a fixed rate, the time it was due, so a generator that
 * fell behind shows as latency here too (as in the histogram, for every server alike).
 */
final class DeliveryTrace {

    private final Path folder;
    private long[] sent = new long[1 << 20];
    private long[] latency = new long[1 << 20];
    private int size;

    private DeliveryTrace(Path folder) {
        this.folder = folder;
    }

    static DeliveryTrace fromEnv() {
        String dir = System.getenv("LOADGEN_TRACE");
        return dir == null || dir.isEmpty() ? null : new DeliveryTrace(Path.of(dir));
    }

    void add(long sentAt, long nanos) {
        if (size == sent.length) {
            sent = Arrays.copyOf(sent, size * 2);
            latency = Arrays.copyOf(latency, size * 2);
        }
        sent[size] = sentAt;
        latency[size++] = nanos;
    }

    void clear() {
        size = 0;
    }

    void dump(String name, PrintStream log) {
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(name + ".txt");
            try (BufferedWriter out = Files.newBufferedWriter(file)) {
                for (int i = 0; i < size; i++) {
                    out.write(sent[i] + " " + latency[i] + "\n");
                }
            }
            log.println("loadgen: trace of " + size + " deliveries in " + file);
        } catch (IOException e) {
            log.println("loadgen: trace not written: " + e.getMessage());
        }
        size = 0;
    }
}
