package dev.parley.ui.console;

import dev.parley.client.ChatEvent;
import dev.parley.client.ChatService;
import dev.parley.client.command.CommandHelp;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;

/**
 * The console on a terminal: JLine line editing and input history; incoming lines are printed
 * above the prompt without breaking what the user is typing; the prompt names the current
 * room ({@code [#lab] }, or the seed's {@code [Me] } before any). Ctrl-D quits.
 */
public final class InteractiveConsole {

    private final ChatService service;
    private final Terminal terminal;
    private final ConsoleOptions options;
    private final LineFormatter formatter;
    private final ExecutorService printer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("parley-console-out").daemon().factory());
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private LineReader reader;
    private volatile String current = ChatEvent.SERVER_ROOM;

    public InteractiveConsole(ChatService service, Terminal terminal, ConsoleOptions options) {
        this.service = service;
        this.terminal = terminal;
        this.options = options;
        boolean colour = options.colour() && !Terminal.TYPE_DUMB.equals(terminal.getType());
        this.formatter = new LineFormatter(colour, true, ZoneId.systemDefault(), service.texts());
    }

    /** Runs until the user quits; {@code start} (connecting) runs once the console listens, so no line is missed. */
    public int run(Runnable start) throws IOException {
        List<String> commands = new ArrayList<>();
        CommandHelp.commandNames().forEach(name -> commands.add("/" + name));
        LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).appName("parley")
                .completer(new StringsCompleter(commands));
        if (options.historyFile() != null) {
            builder.variable(LineReader.HISTORY_FILE, options.historyFile());
        }
        reader = builder.build();
        service.addListener(this::onEvent, printer);
        start.run();
        try {
            while (!closed.isDone()) {
                String line;
                try {
                    line = reader.readLine(prompt());
                } catch (UserInterruptException | EndOfFileException e) {
                    if (!closed.isDone()) { // Ctrl-C or Ctrl-D: leave properly
                        service.input("/quit");
                        closed.join();
                    }
                    break;
                }
                if (!line.isBlank()) {
                    service.input(line);
                }
            }
            return 0;
        } finally {
            printer.shutdown();
            terminal.flush();
        }
    }

    private void onEvent(ChatEvent event) {
        if (event instanceof ChatEvent.RoomSelected selected) {
            current = selected.room();
            if (reader instanceof LineReaderImpl impl) {
                impl.setPrompt(prompt()); // shown with the next redraw, which printAbove does
            }
        }
        for (String line : formatter.format(event, current)) {
            reader.printAbove(line);
        }
        if (event instanceof ChatEvent.Closed) {
            closed.complete(null);
            terminal.raise(Terminal.Signal.INT); // wakes readLine so run() can return
        }
    }

    private String prompt() {
        return ChatEvent.SERVER_ROOM.equals(current) ? "[Me] " : "[" + current + "] ";
    }
}
