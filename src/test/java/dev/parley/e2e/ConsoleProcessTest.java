package dev.parley.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testsupport.IrcTestClient;
import dev.parley.testsupport.ParleyProcess;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A relay and two {@code parley console} processes with piped stdin, as a script would run them. */
class ConsoleProcessTest {

    @TempDir
    Path tmp;

    /** A raw IRC client in {@code channel}, to see what the consoles do there. */
    private static IrcTestClient watcherIn(InetSocketAddress address, String channel) throws Exception {
        IrcTestClient watcher = IrcTestClient.registered(address, "watcher");
        watcher.send("JOIN " + channel);
        watcher.await(" 366 ");
        return watcher;
    }

    /** A relay process on 127.0.0.1, a free port, a data folder in the test's folder. */
    private ParleyProcess relay() throws Exception {
        return ParleyProcess.start(tmp, "server", "--bind", "127.0.0.1", "--port", "0",
                "--data", tmp.resolve("data").toString(), "--no-announce");
    }

    @Test
    void twoScriptedConsolesChatThroughARealRelay() throws Exception {
        try (ParleyProcess relay = relay()) {
            InetSocketAddress address = relay.awaitRelayAddress();
            String where = "127.0.0.1:" + address.getPort();
            try (ParleyProcess bob = ParleyProcess.start(tmp, "console", "--nick", "bob", where)) {
                bob.type("/join #e2e");
                bob.awaitStdout("-- Now talking in #e2e");
                // The seeds' form: NAME HOST PORT, and the --console alias
                try (ParleyProcess ada = ParleyProcess.start(tmp, "--console", "ada", "127.0.0.1",
                        Integer.toString(address.getPort()))) {
                    ada.type("/join #e2e", "hello from ada", "/me waves", "/msg bob psst, bob");
                    ada.endInput();
                    assertEquals(0, ada.awaitExit(), ada.stderr());
                    assertTrue(ada.stdout().contains("-- Now talking in #e2e"), ada.stdout());
                }
                bob.awaitStdout("[ada] hello from ada");
                bob.awaitStdout("* ada waves");
                bob.awaitStdout("ada [ada] psst, bob");
                bob.type("/quit");
                assertEquals(0, bob.awaitExit(), bob.stderr());
                String out = bob.stdout();
                assertTrue(out.indexOf("ada has joined") < out.indexOf("[ada] hello from ada"), out);
                assertFalse(out.contains("\u001b["), "no colours into a pipe: " + out);
            }
        }
    }

    @Test
    void joinGivenOnTheCommandLineIsWhereAScriptsLinesGo() throws Exception {
        try (ParleyProcess relay = relay()) {
            InetSocketAddress address = relay.awaitRelayAddress();
            try (IrcTestClient watcher = watcherIn(address, "#tea")) {
                try (ParleyProcess bot = ParleyProcess.start(tmp, "console", "--nick", "bot", "--join", "lab,#tea",
                        "127.0.0.1:" + address.getPort())) {
                    bot.type("/switch #tea", "tea is ready");
                    bot.endInput();
                    assertEquals(0, bot.awaitExit(), bot.stderr());
                    assertTrue(bot.stdout().contains("-- Now talking in #lab"), bot.stdout());
                }
                watcher.await(":bot!\\S+ JOIN #tea");
                watcher.await(":bot!\\S+ PRIVMSG #tea :tea is ready");
            }
        }
        try (ParleyProcess bad = ParleyProcess.start(tmp, "console", "--join", "#a b", "127.0.0.1:1")) {
            assertEquals(2, bad.awaitExit());
            assertTrue(bad.stderr().contains("--join: '#a b' is not a channel name"), bad.stderr());
        }
    }

    @Test
    void aServerThatIsNotThereIsAClearErrorAndExitOne() throws Exception {
        try (ParleyProcess lonely = ParleyProcess.start(tmp, "console", "--nick", "zed", "chat://127.0.0.1:1")) {
            lonely.type("hello");
            lonely.endInput();
            lonely.awaitStdout("Unable to connect to 127.0.0.1:1");
            lonely.terminate();
        }
    }

    @Test
    void badAddressIsUsageError() throws Exception {
        try (ParleyProcess bad = ParleyProcess.start(tmp, "console", "host:notaport")) {
            assertEquals(2, bad.awaitExit());
            assertTrue(bad.stderr().contains("port 'notaport' is not a number"), bad.stderr());
        }
    }

    @Test
    void aScriptStoppedBySigtermOrHangupSaysGoodbyeAtOnce() throws Exception {
        try (ParleyProcess relay = relay()) {
            InetSocketAddress address = relay.awaitRelayAddress();
            try (IrcTestClient watcher = watcherIn(address, "#bye")) {
                for (String signal : List.of("TERM", "HUP")) {
                    String nick = "bot" + signal.toLowerCase(Locale.ROOT);
                    try (ParleyProcess bot = ParleyProcess.start(tmp, "console", "--nick", nick,
                            "127.0.0.1:" + address.getPort())) {
                        bot.type("/join #bye", "here until stopped"); // and its input stays open
                        watcher.await(":" + nick + "!\\S+ PRIVMSG #bye :here until stopped");
                        ServerProcessTest.signal(signal, bot.process());
                        watcher.await(":" + nick + "!\\S+ QUIT :?Quit"); // its own goodbye, not a dropped connection
                        assertEquals(0, bot.awaitExit(), bot.stderr());
                    }
                }
            }
        }
    }
}
