package dev.parley.storage.sqlite;

import dev.parley.model.ChannelTopic;
import dev.parley.model.ChatMessage;
import dev.parley.model.MessageKind;
import dev.parley.storage.Conversation;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The child process of {@link SqliteDurabilityTest}: appends from two threads until it is killed,
 * and prints "{@code <id> ok}" for each append once its future has completed. A line cut short by
 * the kill lacks the " ok", so the test never takes it for a stored id.
 */
public final class CrashingAppender {

    private CrashingAppender() {
    }

    public static void main(String[] args) {
        SqliteMessageStore store = SqliteMessageStore.open(Path.of(args[0]));
        store.saveTopic("#crash", new ChannelTopic("#crash", "before the crash", "ada", Instant.now()));
        report("topic");
        for (int t = 0; t < 2; t++) {
            int thread = t;
            Thread.ofPlatform().name("appender-" + t).start(() -> {
                for (long i = 0; ; i++) {
                    String id = "t" + thread + "-" + i;
                    ChatMessage message = new ChatMessage(id, Instant.now(), "#crash", "ada", "ada",
                            "message " + i, MessageKind.MESSAGE);
                    store.append(Conversation.channel("#crash"), message)
                            .thenAccept(stored -> report(stored.id()));
                }
            });
        }
    }

    private static void report(String id) {
        synchronized (System.out) {
            System.out.println(id + " ok");
            System.out.flush();
        }
    }
}
