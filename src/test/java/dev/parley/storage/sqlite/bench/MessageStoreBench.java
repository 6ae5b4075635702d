package dev.parley.storage.sqlite.bench;

import dev.parley.model.ChatMessage;
import dev.parley.model.MessageKind;
import dev.parley.storage.Conversation;
import dev.parley.storage.MessageStore;
import dev.parley.storage.sqlite.SqliteMessageStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Append throughput and latency of {@link SqliteMessageStore}, as the relay uses it: one thread
 * appends, with at most {@code inFlight} appends not yet completed (a semaphore released in the
 * completion callback, like the relay's delivery). Not a unit test; run by hand:
 *
 * <pre>
 * ./mvnw -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java --enable-native-access=ALL-UNNAMED -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     dev.parley.storage.sqlite.bench.MessageStoreBench [inFlight] [rounds] [perRound] [dir]
 * </pre>
 *
 * Each round appends {@code perRound} messages of 100 characters (words from a fixed vocabulary,
 * so that the full-text index has realistic work) to 50 channels, with ULID-like ids, into one
 * store that grows over the rounds. It prints appends/s (first append to last completion) and the
 * append-to-completion latency. At the end it prints how long search took to catch up with the
 * last append, and how long {@code close()} took.
 */
public final class MessageStoreBench {

    private static final int CONVERSATIONS = 50;
    private static final int TEXT_LENGTH = 100;
    private static final char[] BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private MessageStoreBench() {
    }

    public static void main(String[] args) throws Exception {
        int inFlight = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int perRound = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        Path dir = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("parley-store-bench");
        Random random = new Random(42);
        String[] vocabulary = vocabulary(random, 5_000);
        List<Conversation> conversations = Stream.iterate(0, i -> i + 1).limit(CONVERSATIONS)
                .map(i -> Conversation.channel("#chan" + i)).toList();

        System.out.printf("in flight %d, %d rounds of %d, %d-char texts, %s, java %s%n",
                inFlight, rounds, perRound, TEXT_LENGTH, dir, Runtime.version());
        long seq = 0;
        ChatMessage last = null;
        try {
            MessageStore store = SqliteMessageStore.open(dir);
            // Warm-up: JIT, page cache. Not reported.
            last = round(store, conversations, vocabulary, random, inFlight, 20_000, seq, null);
            seq += 20_000;
            for (int r = 1; r <= rounds; r++) {
                last = round(store, conversations, vocabulary, random, inFlight, perRound, seq, "round " + r);
                System.out.printf("  wal %.1f MB, database %.1f MB%n", size(dir.resolve(SqliteMessageStore.FILE_NAME + "-wal")),
                        size(dir.resolve(SqliteMessageStore.FILE_NAME)));
                seq += perRound;
            }
            String word = last.text().split(" ")[0];
            String id = last.id();
            long caughtUp = System.nanoTime();
            // The newest match is the last append once the index has it.
            while (store.search(List.of(conversationOf(last, conversations).key()), word, 1).stream()
                    .noneMatch(m -> m.id().equals(id))) {
                LockSupport.parkNanos(1_000_000);
            }
            System.out.printf("search found the last append %.0f ms after it completed%n",
                    (System.nanoTime() - caughtUp) / 1e6);
            long closing = System.nanoTime();
            store.close();
            System.out.printf("close() took %.0f ms%n", (System.nanoTime() - closing) / 1e6);
        } finally {
            if (args.length <= 3) {
                delete(dir);
            }
        }
    }

    private static Conversation conversationOf(ChatMessage m, List<Conversation> conversations) {
        return conversations.stream().filter(c -> c.key().equals(m.target())).findFirst().orElseThrow();
    }

    /** Appends {@code count} messages; returns the last one. */
    private static ChatMessage round(MessageStore store, List<Conversation> conversations, String[] vocabulary,
                                     Random random, int inFlight, int count, long firstSeq, String label)
            throws InterruptedException {
        ChatMessage[] messages = new ChatMessage[count];
        Conversation[] targets = new Conversation[count];
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            targets[i] = conversations.get(random.nextInt(conversations.size()));
            messages[i] = new ChatMessage(ulid(random, now.toEpochMilli() + i / 100), now.plusMillis(i / 100),
                    targets[i].key(), "nick" + (i % 200), "nick@host", text(random, vocabulary),
                    MessageKind.MESSAGE);
        }
        Semaphore permits = new Semaphore(inFlight);
        long[] started = new long[count];
        long[] latency = new long[count];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long writerCpu = writerCpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            permits.acquire();
            int index = i;
            started[i] = System.nanoTime();
            store.append(targets[i], messages[i]).whenComplete((m, e) -> {
                latency[index] = System.nanoTime() - started[index];
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
                permits.release();
            });
        }
        permits.acquire(inFlight);
        long elapsed = System.nanoTime() - start;
        writerCpu = writerCpuNanos() - writerCpu;
        if (failure.get() != null) {
            throw new IllegalStateException("an append failed", failure.get());
        }
        if (label != null) {
            long[] sorted = latency.clone();
            Arrays.sort(sorted);
            System.out.printf("%s: %,.0f appends/s  latency p50 %.1f ms  p99 %.1f ms  max %.1f ms"
                            + "  writer CPU %.1f us/append%n", label,
                    count / (elapsed / 1e9), sorted[count / 2] / 1e6, sorted[(int) (count * 0.99)] / 1e6,
                    sorted[count - 1] / 1e6, writerCpu / 1e3 / count);
        }
        return messages[count - 1];
    }

    /** CPU time of the store's writer thread so far: a measure that other load on the machine changes less than throughput. */
    private static long writerCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("parley-store-writer"))
                .mapToLong(t -> threads.getThreadCpuTime(t.threadId()))
                .sum();
    }

    private static String[] vocabulary(Random random, int size) {
        String[] words = new String[size];
        for (int i = 0; i < size; i++) {
            char[] word = new char[3 + random.nextInt(7)];
            for (int j = 0; j < word.length; j++) {
                word[j] = (char) ('a' + random.nextInt(26));
            }
            words[i] = new String(word);
        }
        return words;
    }

    private static String text(Random random, String[] vocabulary) {
        StringBuilder text = new StringBuilder(TEXT_LENGTH + 10);
        while (text.length() < TEXT_LENGTH) {
            // A skewed choice: some words are much more common, as in chat.
            int index = (int) (vocabulary.length * Math.pow(random.nextDouble(), 3));
            text.append(vocabulary[index]).append(' ');
        }
        return text.substring(0, TEXT_LENGTH);
    }

    /** 10 base32 digits of milliseconds, then 16 random ones, like the relay's message ids. */
    private static String ulid(Random random, long millis) {
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = BASE32[(int) (millis & 31)];
            millis >>>= 5;
        }
        for (int i = 10; i < 26; i++) {
            out[i] = BASE32[random.nextInt(32)];
        }
        return new String(out);
    }

    private static double size(Path file) throws IOException {
        return Files.exists(file) ? Files.size(file) / 1e6 : 0;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
