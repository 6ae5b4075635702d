package dev.parley.transport.mesh;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Three hosts, made of network namespaces this test creates: one per peer, each with a veth
 * pair to a bridge in a fourth ("hub") namespace, on addresses the test picks in 10.213.77.0/24.
 * Nothing is added to the machine's own network namespace, and the beacons go to the bridge's
 * broadcast address only. Each peer is a child JVM started with {@code ip netns exec}.
 *
 * <p>Checks discovery by broadcast and chat, then cuts one peer's link, sends on both sides of
 * the cut, heals it, and checks that every message arrived exactly once at every peer.
 *
 * <p>Needs root (or CAP_NET_ADMIN and CAP_SYS_ADMIN) and iproute2; skips with the reason
 * otherwise. Everything it creates is deleted afterwards, on failure too.
 */
class MeshNamespaceTest {

    private static final String SUBNET = "10.213.77.";
    private static final String BROADCAST = SUBNET + "255";
    private static final int BEACON_PORT = 45670;
    private static final int PEERS = 3;
    private static final Duration AT_MOST = Duration.ofSeconds(20);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

    private final String prefix = "pmesh" + ProcessHandle.current().pid() % 100_000;
    private final String hub = prefix + "-hub";
    private final List<String> namespaces = new ArrayList<>();
    private final List<Child> children = new ArrayList<>();

    /** A peer's child JVM and every line it printed. */
    private record Child(String nick, Process process, Writer stdin, List<String> lines) {
        void say(String text) {
            try {
                stdin.write("say " + text + "\n");
                stdin.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void quit() {
            try {
                stdin.write("quit\n");
                stdin.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean printed(String line) {
            return lines.contains(line);
        }

        /** Message texts received, each as often as it was delivered. */
        List<String> received() {
            return lines.stream().filter(l -> l.startsWith("MSG ")).map(l -> l.substring(l.indexOf(' ', 4) + 1)).toList();
        }
    }

    @Test
    @Timeout(60)
    void peersOnThreeHostsFindEachOtherAndLoseNothingAcrossACut() throws Exception {
        buildNetwork();
        for (int i = 1; i <= PEERS; i++) {
            children.add(startPeer(i));
        }
        // Discovery by broadcast on the bridge: each peer sees the other two.
        for (Child child : children) {
            await().atMost(AT_MOST).until(() -> child.printed("PEERS " + (PEERS - 1)));
        }
        List<String> expected = new ArrayList<>();
        for (Child child : children) {
            String text = "hello from " + child.nick();
            child.say(text);
            expected.add(text);
        }
        for (Child child : children) {
            await().atMost(AT_MOST).until(() -> child.received().containsAll(others(expected, child)));
        }

        // Cut p3 off: p1 and p2 still reach each other, p3 reaches nobody.
        Child p1 = children.get(0);
        Child p2 = children.get(1);
        Child p3 = children.get(2);
        ip("-n", hub, "link", "set", "vh3", "down");
        List<String> duringCut = List.of("cut: p1 first", "cut: p1 second", "cut: p2 only", "cut: p3 alone");
        p1.say(duringCut.get(0));
        p1.say(duringCut.get(1));
        p2.say(duringCut.get(2));
        p3.say(duringCut.get(3));
        expected.addAll(duringCut);
        await().atMost(AT_MOST).until(() -> p2.received().contains("cut: p1 second"));
        // The cut lasts until each side has given the other up as gone (6 s of silence): by then
        // the TCP connections across it are dropped, with whatever they still held, and only
        // rediscovery and repair can bring those messages.
        await().atMost(AT_MOST).until(() -> p1.printed("GONE p3") && p2.printed("GONE p3")
                && p3.printed("GONE p1") && p3.printed("GONE p2"));

        ip("-n", hub, "link", "set", "vh3", "up");
        for (Child child : children) {
            await().atMost(AT_MOST).until(() -> child.received().containsAll(others(expected, child)));
        }
        // A last word from each, so anything still under way has landed before counting.
        for (Child child : children) {
            String text = "last from " + child.nick();
            child.say(text);
            expected.add(text);
        }
        for (Child child : children) {
            await().atMost(AT_MOST).until(() -> child.received().containsAll(others(expected, child)));
            Map<String, Long> counts = child.received().stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertEquals(others(expected, child).size(), counts.size(), child.nick() + " got " + counts);
            counts.forEach((text, times) -> assertEquals(1L, times, child.nick() + " got '" + text + "' " + times + " times"));
        }
        // Each says goodbye and prints its counters (repairs, duplicates) into the test's output.
        for (Child child : children) {
            child.quit();
        }
        for (Child child : children) {
            await().atMost(AT_MOST).until(() -> child.lines().stream().anyMatch(l -> l.startsWith("BYE ")));
            System.out.println(child.nick() + ": " + child.lines().stream().filter(l -> l.startsWith("BYE ")).findFirst()
                    .orElseThrow());
        }
    }

    /** The messages a peer should receive: everyone's but its own. */
    private static List<String> others(List<String> all, Child child) {
        String own = child.nick();
        return all.stream().filter(t -> !t.contains(own)).toList();
    }

    // --- the network ---------------------------------------------------------------------------

    private void buildNetwork() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "network namespaces need Linux");
        Assumptions.assumeTrue(ipCommand() != null, "skipped: the ip command (iproute2) is not installed");
        CommandResult probe = run(List.of(ipCommand(), "netns", "add", hub));
        Assumptions.assumeTrue(probe.exitCode() == 0,
                "skipped: creating a network namespace is not permitted here (needs root): " + probe.output().strip());
        namespaces.add(hub);
        ip("-n", hub, "link", "add", "br0", "type", "bridge");
        ip("-n", hub, "link", "set", "br0", "up");
        for (int i = 1; i <= PEERS; i++) {
            String ns = prefix + "-p" + i;
            ip("netns", "add", ns);
            namespaces.add(ns);
            ip("-n", hub, "link", "add", "vh" + i, "type", "veth", "peer", "name", "eth0", "netns", ns);
            ip("-n", hub, "link", "set", "vh" + i, "master", "br0");
            ip("-n", hub, "link", "set", "vh" + i, "up");
            ip("-n", ns, "addr", "add", SUBNET + i + "/24", "broadcast", BROADCAST, "dev", "eth0");
            ip("-n", ns, "link", "set", "eth0", "up");
            ip("-n", ns, "link", "set", "lo", "up");
        }
    }

    private Child startPeer(int i) throws IOException {
        String ns = prefix + "-p" + i;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(ipCommand(), "netns", "exec", ns, java, "-Xmx96m", "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                NamespacePeer.class.getName(), "p" + i, SUBNET + i, BROADCAST, Integer.toString(BEACON_PORT));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread.ofVirtual().name("p" + i + "-out").start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("READ FAILED " + e);
            }
        });
        return new Child("p" + i, process, new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), lines);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Child child : children) {
            child.process().destroyForcibly();
            child.process().waitFor(5, TimeUnit.SECONDS);
        }
        // Deleting a namespace deletes its end of each veth pair, and the bridge with the hub.
        for (String ns : namespaces.reversed()) {
            run(List.of(ipCommand(), "netns", "del", ns));
        }
    }

    private record CommandResult(int exitCode, String output) {
    }

    private static void ip(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ipCommand());
        command.addAll(List.of(args));
        CommandResult result = run(command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + result.output());
        }
    }

    private static CommandResult run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            return new CommandResult(-1, "timed out");
        }
        return new CommandResult(process.exitValue(), new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
    }

    private static String ipCommand() {
        for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin")) {
            Path ip = Path.of(dir, "ip");
            if (Files.isExecutable(ip)) {
                return ip.toString();
            }
        }
        return null;
    }
}
