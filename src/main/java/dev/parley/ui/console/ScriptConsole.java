package dev.parley.ui.console;

import dev.parley.client.ChatEvent;
import dev.parley.client.ChatService;
import dev.parley.client.LineKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The console without a terminal: stdin is a pipe or a file. Each input line is typed in turn,
 * each event is printed plainly, and the script is paced the way a person would be: it waits
 * to be connected before the first line, and for a /join to land (with the channel's recent
 * lines) before the next line, so
 * {@code printf '/join #a\nhello\n' | parley console ...} says hello in #a. Each line's own
 * answer (an unknown command, a room it opens) is in before the next line goes, and every
 * {@value #PACE} lines it waits for what it sent to be confirmed, so a long script neither
 * overruns the outbox nor lets one line's error end the next one's wait. At the end of input it
 * waits until its messages are confirmed sent, then quits: exit 0, or 1 with the reason, and 1
 * when any line failed (an error line was printed: a message not sent, a command refused).
 */
public final class ScriptConsole {

    /** How long a channel just joined may take to show its recent lines before the script goes on. */
    private static final Duration HISTORY_WAIT = Duration.ofSeconds(5);
    /** Lines between waits for confirmation: well under the outbox's capacity. */
    static final int PACE = 100;

    private final ChatService service;
    private final BufferedReader in;
    private final PrintStream out;
    private final ConsoleOptions options;
    private final LineFormatter formatter;
    private final ExecutorService printer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("parley-console-out").daemon().factory());
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile CompletableFuture<Void> roomChange = new CompletableFuture<>();
    /** A channel the current line opened, and its first page of history (which joining asks for). */
    private volatile String openedChannel;
    private volatile CompletableFuture<Void> openedHistory = new CompletableFuture<>();
    private volatile String current = ChatEvent.SERVER_ROOM;
    /** The current conversation's new name after its partner changed nick (printer thread only). */
    private String renamedTo;
    /** Error lines printed while the script ran. */
    private volatile int errors;

    public ScriptConsole(ChatService service, BufferedReader in, PrintStream out, ConsoleOptions options) {
        this.service = service;
        this.formatter = new LineFormatter(false, false, ZoneId.systemDefault(), service.texts());
        this.in = in;
        this.out = out;
        this.options = options;
        service.addListener(this::onEvent, printer);
    }

    /** Runs the script to its end; {@code start} (connecting) runs once the console listens. Returns the exit code. */
    public int run(Runnable start) throws IOException {
        start.run();
        try {
            if (!await(connected)) {
                out.println(connected.isCompletedExceptionally()
                        ? "!! Not connected: " + connected.exceptionNow().getMessage()
                        : "!! Not connected after " + options.waitLimit().toSeconds() + " s; giving up.");
                return 1;
            }
            String line;
            int lines = 0;
            while ((line = in.readLine()) != null) {
                if (closed.isDone()) {
                    return exitCode();
                }
                String command = commandWord(line);
                boolean quits = command.equals("quit") || command.equals("exit");
                if (quits) {
                    // As at the end of input: what was typed before goes out (and is confirmed) first.
                    if (!await(service.whenIdle())) {
                        out.println("!! Some messages were not confirmed sent within " + options.waitLimit().toSeconds() + " s.");
                    }
                    settle();
                }
                roomChange = new CompletableFuture<>();
                openedChannel = null;
                openedHistory = new CompletableFuture<>();
                service.input(line);
                if (quits) {
                    await(closed);
                    return exitCode();
                }
                settle();
                if (++lines % PACE == 0 && !await(service.whenIdle())) {
                    out.println("!! Some messages were not confirmed sent within " + options.waitLimit().toSeconds() + " s.");
                    return 1;
                }
                if (changesRoom(command)) {
                    await(roomChange); // a failed join prints its error and the script goes on
                    if (openedChannel != null) {
                        // Its recent lines first, so that a /history next shows them (a server without
                        // history answers at once with none).
                        await(openedHistory, HISTORY_WAIT);
                    }
                }
            }
            if (!await(service.whenIdle())) {
                out.println("!! Some messages were not confirmed sent within " + options.waitLimit().toSeconds() + " s.");
                return 1;
            }
            if (!options.linger().isZero()) {
                await(closed, options.linger()); // stays reachable for peers that come late
            }
            service.input("/quit");
            await(closed);
            return exitCode();
        } finally {
            printer.shutdown();
            try {
                printer.awaitTermination(2, TimeUnit.SECONDS); // print what is already queued
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.flush();
        }
    }

    /** Waits until the line just typed has run and what it printed at once is printed. */
    private void settle() {
        await(service.whenInputDone());
        await(CompletableFuture.runAsync(() -> { }, printer));
    }

    private int exitCode() {
        int failed = errors;
        if (failed == 0) {
            return 0;
        }
        out.println("!! " + failed + (failed == 1 ? " error" : " errors") + " while the script ran (the lines marked !!).");
        return 1;
    }

    private void onEvent(ChatEvent event) {
        switch (event) {
            case ChatEvent.StatusChanged status when status.status().connected() -> connected.complete(null);
            // Offline with a reason before ever connecting: refused, or nothing to connect with. No retry comes.
            case ChatEvent.StatusChanged status when status.status().stopped() ->
                    connected.completeExceptionally(new IllegalStateException(status.status().detail()));
            case ChatEvent.RoomOpened opened when opened.channel() -> openedChannel = opened.room();
            case ChatEvent.HistoryLoaded loaded when loaded.room().equals(openedChannel) -> openedHistory.complete(null);
            case ChatEvent.RoomRenamed renamed -> renamedTo = renamed.newName();
            // The current conversation took its partner's new nick: no answer to a line of the script.
            case ChatEvent.RoomSelected selected when selected.room().equals(renamedTo) -> {
                current = selected.room();
                renamedTo = null;
            }
            case ChatEvent.RoomSelected selected -> {
                current = selected.room();
                roomChange.complete(null);
            }
            case ChatEvent.LineAdded added when added.line().kind() == LineKind.ERROR -> {
                errors++; // printer thread only
                roomChange.complete(null);
            }
            case ChatEvent.Closed c -> closed.complete(null);
            default -> { }
        }
        formatter.format(event, current).forEach(out::println);
    }

    private boolean await(CompletableFuture<?> future) {
        return await(future, options.waitLimit());
    }

    private boolean await(CompletableFuture<?> future, Duration limit) {
        try {
            future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false; // the caller says what it was waiting for
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String commandWord(String line) {
        if (!line.startsWith("/") || line.startsWith("//")) {
            return "";
        }
        int space = line.indexOf(' ');
        return (space < 0 ? line.substring(1) : line.substring(1, space)).toLowerCase(Locale.ROOT);
    }

    private static boolean changesRoom(String command) {
        return switch (command) {
            case "join", "j", "create", "query", "q", "switch", "go", "window" -> true;
            default -> false;
        };
    }
}
