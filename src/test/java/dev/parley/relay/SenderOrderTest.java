package dev.parley.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.storage.InMemoryMessageStore;
import dev.parley.storage.MessageStore;
import dev.parley.storage.sqlite.SqliteMessageStore;
import dev.parley.testsupport.IrcTestClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One client's lines reach every other client in the order it sent them, although channel
 * messages wait for the store and go out in batches while PART, QUIT, NICK, KICK and direct
 * messages have no store to wait for. A bot that sends and quits in one write is the usual case.
 * Each case runs several rounds, since the old race lost only some of them.
 */
class SenderOrderTest extends RelayTestBase {

    private static final int ROUNDS = 8;

    @TempDir
    Path data;

    private void startWith(String storeKind) throws IOException {
        MessageStore messageStore = storeKind.equals("sqlite")
                ? SqliteMessageStore.open(data.resolve("store")) : new InMemoryMessageStore();
        start(config(), messageStore);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "memory"})
    void messagesSentBeforeAQuitArriveBeforeIt(String storeKind) throws IOException {
        startWith(storeKind);
        IrcTestClient watcher = joined("watcher", "#lab");
        for (int round = 0; round < ROUNDS; round++) {
            IrcTestClient bot = joined("bot" + round, "#lab");
            watcher.await("JOIN :?#lab");
            bot.sendRaw(lines("PRIVMSG #lab :first " + round, "PRIVMSG #lab :second " + round, "QUIT :done"));
            assertEquals(List.of("PRIVMSG #lab first " + round, "PRIVMSG #lab second " + round, "QUIT Quit: done"),
                    next(watcher, 3, "bot" + round));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "memory"})
    void aChannelMessageBeforeADirectOneArrivesFirst(String storeKind) throws IOException {
        startWith(storeKind);
        IrcTestClient watcher = joined("watcher", "#lab");
        IrcTestClient bot = joined("bot", "#lab");
        watcher.await("JOIN :?#lab");
        for (int round = 0; round < ROUNDS; round++) {
            bot.sendRaw(lines("PRIVMSG #lab :in the channel " + round, "PRIVMSG watcher :in private " + round));
            assertEquals(List.of("PRIVMSG #lab in the channel " + round, "PRIVMSG watcher in private " + round),
                    next(watcher, 2, "bot"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "memory"})
    void aMessageBeforeANickChangeCarriesTheOldNick(String storeKind) throws IOException {
        startWith(storeKind);
        IrcTestClient watcher = joined("watcher", "#lab");
        IrcTestClient bot = joined("bot0", "#lab");
        watcher.await("JOIN :?#lab");
        for (int round = 0; round < ROUNDS; round++) {
            String now = "bot" + round;
            String next = "bot" + (round + 1);
            bot.sendRaw(lines("PRIVMSG #lab :still " + now, "NICK " + next));
            assertEquals(List.of("PRIVMSG #lab still " + now, "NICK " + next), next(watcher, 2, now));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "memory"})
    void theMemberKickedRightAfterAMessageStillGetsIt(String storeKind) throws IOException {
        startWith(storeKind);
        IrcTestClient op = joined("op", "#lab"); // the channel's creator: an operator
        for (int round = 0; round < ROUNDS; round++) {
            IrcTestClient victim = joined("victim" + round, "#lab");
            op.await("JOIN :?#lab");
            op.sendRaw(lines("PRIVMSG #lab :last words " + round, "KICK #lab victim" + round + " :out"));
            assertEquals(List.of("PRIVMSG #lab last words " + round, "KICK #lab victim" + round + " out"),
                    next(victim, 2, "op"));
        }
    }

    private IrcTestClient joined(String nick, String channel) throws IOException {
        IrcTestClient client = user(nick);
        client.send("JOIN " + channel);
        client.await(" 366 ");
        return client;
    }

    private static byte[] lines(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The next {@code count} lines from {@code sender}, without their tags and source, and without
     * the colon in front of a last parameter (the writer adds it only where it is needed).
     */
    private static List<String> next(IrcTestClient client, int count, String sender) {
        String from = "^(@\\S+ )?:" + sender + "!";
        return IntStream.range(0, count)
                .mapToObj(i -> client.await(from).replaceFirst("^(@\\S+ )?:\\S+ ", "").replace(" :", " "))
                .toList();
    }
}
