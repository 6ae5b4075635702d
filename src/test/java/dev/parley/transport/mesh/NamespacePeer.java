package dev.parley.transport.mesh;

import dev.parley.discovery.BeaconSettings;
import dev.parley.model.ChatMessage;
import dev.parley.model.MessageKind;
import dev.parley.model.Presence;
import dev.parley.storage.InMemoryMessageStore;
import dev.parley.transport.OutgoingMessage;
import dev.parley.transport.TransportNote;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One mesh peer in a child JVM, for {@link MeshNamespaceTest}: it runs inside a network
 * namespace, finds the others by broadcast on the namespaces' bridge, joins {@code #lab}, and
 * talks over stdin and stdout. Quick timings: unreachable after 2 s, gone after 6 s.
 *
 * <pre>
 *   args:   NICK BIND_ADDRESS BROADCAST_ADDRESS BEACON_PORT
 *   stdin:  say TEXT | quit
 *   stdout: READY peerId | PEERS reachable | GONE nick | MSG sender text | SENT text | BYE stats
 * </pre>
 */
public final class NamespacePeer {

    private NamespacePeer() {
    }

    public static void main(String[] args) throws IOException {
        String nick = args[0];
        BeaconSettings beacons = BeaconSettings.defaults().withBroadcastAddress(args[2])
                .withPort(Integer.parseInt(args[3])).withInterval(Duration.ofMillis(500));
        MeshConfig config = MeshConfig.defaults(nick, new InMemoryMessageStore())
                .withBind(args[1], 0, 0)
                .withBeacons(beacons)
                .withTimings(new MeshConfig.Timings(Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(6),
                        Duration.ofMillis(500)));
        MeshTransport mesh = new MeshTransport(config);
        mesh.start(new Printer());
        mesh.join("#lab", null);
        print("READY " + mesh.peerId());

        ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "peers-watch");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger shown = new AtomicInteger(-1);
        watch.scheduleWithFixedDelay(() -> {
            int reachable = (int) mesh.peers().stream().filter(p -> p.presence() != Presence.UNREACHABLE).count();
            if (shown.getAndSet(reachable) != reachable) {
                print("PEERS " + reachable);
            }
        }, 0, 100, TimeUnit.MILLISECONDS);

        AtomicLong localIds = new AtomicLong();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith("say ")) {
                mesh.send(new OutgoingMessage("l" + localIds.incrementAndGet(), "#lab", line.substring(4),
                        MessageKind.MESSAGE));
            } else if (line.equals("quit")) {
                break;
            }
        }
        mesh.quit("done");
        watch.shutdownNow();
        print("BYE " + mesh.stats());
    }

    private static synchronized void print(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** Prints what the test checks; the rest is ignored. */
    private static final class Printer extends IgnoringListener {
        @Override
        public void message(ChatMessage message) {
            print("MSG " + message.sender() + " " + message.text());
        }

        @Override
        public void sent(String localId, ChatMessage stored) {
            print("SENT " + stored.text());
        }

        @Override
        public void sendFailed(String localId, String reason) {
            print("FAILED " + reason);
        }

        @Override
        public void sendFailed(String localId, TransportNote reason) {
            print("FAILED " + reason);
        }

        @Override
        public void history(String target, List<ChatMessage> messages, boolean older) {
            messages.forEach(this::message);
        }

        @Override
        public void quit(String nick, String reason) {
            print("GONE " + nick);
        }

        @Override
        public void quit(String nick, TransportNote reason) {
            print("GONE " + nick);
        }

        @Override
        public void error(String target, String text) {
            print("ERROR " + text);
        }

        @Override
        public void error(String target, TransportNote note) {
            print("ERROR " + note);
        }
    }
}
