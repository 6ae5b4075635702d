package dev.parley.client;

import dev.parley.client.command.CommandParser;
import dev.parley.client.i18n.ClientTexts;
import dev.parley.model.ChannelSummary;
import dev.parley.model.ChannelTopic;
import dev.parley.model.ChatMessage;
import dev.parley.model.Member;
import dev.parley.protocol.CaseMapping;
import dev.parley.transport.Transport;
import dev.parley.transport.TransportListener;
import dev.parley.transport.TransportNote;
import dev.parley.transport.TransportState;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * The client: one session with one transport (a relay, an IRC server or the LAN mesh), the
 * same for the desktop app and the console.
 *
 * <p>Every public method returns at once. The work runs on the service's own thread, in the
 * order it was asked for; the transport's events are handled on that thread too, so the
 * session's state is never shared. Faces learn what happened from {@link ChatEvent}s, each on
 * the executor it registered with (the GUI passes its FX bridge, a test a same-thread one).
 */
public final class ChatService implements AutoCloseable {

    private final TransportFactory transports;
    private final Executor serviceThread;
    private final ExecutorService ownedThread;
    private final Emitter emitter = new Emitter();
    private final Session session;
    private final CommandRunner commands;
    private final TransportEvents events;
    private Transport transport;
    private int generation;
    /** Channels to join again once the transport just started connects (service thread only). */
    private List<String> rejoinOnConnect = List.of();

    /** A service with its own thread that writes its own lines in English, whatever the system's language. */
    public ChatService(TransportFactory transports, String nick) {
        this(transports, nick, ClientTexts.english());
    }

    /**
     * A service with its own thread that writes its own lines (connection notes, joins and
     * parts, command errors, /help) in the language of {@code texts}.
     */
    public ChatService(TransportFactory transports, String nick, ClientTexts texts) {
        this(transports, nick, texts, Clock.systemUTC(), null);
    }

    /**
     * An English service that runs its work on {@code serviceThread} (tests pass a same-thread
     * executor to make it synchronous); null gives it its own thread.
     */
    public ChatService(TransportFactory transports, String nick, Clock clock, Executor serviceThread) {
        this(transports, nick, ClientTexts.english(), clock, serviceThread);
    }

    /** The service in full: its language, its clock, and the thread its work runs on (null: its own). */
    public ChatService(TransportFactory transports, String nick, ClientTexts texts, Clock clock, Executor serviceThread) {
        this.transports = transports;
        this.ownedThread = serviceThread == null
                ? Executors.newSingleThreadExecutor(Thread.ofPlatform().name("parley-client").daemon().factory())
                : null;
        this.serviceThread = serviceThread == null ? ownedThread : serviceThread;
        this.session = new Session(emitter, clock, nick, Objects.requireNonNull(texts, "texts"));
        this.commands = new CommandRunner(session, new CommandRunner.ServiceControl() {
            @Override
            public Transport transport() {
                return transport;
            }

            @Override
            public void connect(Endpoint target) {
                connectNow(target, List.of());
            }

            @Override
            public void disconnect() {
                disconnectNow();
            }
        });
        this.events = new TransportEvents(session, commands);
    }

    /** The language of the lines this service writes; faces of their own (the console) use it too. */
    public ClientTexts texts() {
        return session.texts();
    }

    public void addListener(ChatListener listener, Executor executor) {
        emitter.add(listener, executor);
    }

    public void removeListener(ChatListener listener) {
        emitter.remove(listener);
    }

    /** Connects to an endpoint, leaving the current one if any. */
    public void connect(Endpoint target) {
        connect(target, List.of());
    }

    /**
     * Connects to an endpoint and, once connected, joins {@code channels} (those the user had open
     * there last time), before anything typed meanwhile is sent.
     */
    public void connect(Endpoint target, List<String> channels) {
        List<String> joins = List.copyOf(channels);
        post(() -> connectNow(target, joins));
    }

    public void disconnect() {
        post(this::disconnectNow);
    }

    /** What the user typed: text for the current room, or a /command. */
    public void input(String line) {
        post(() -> commands.run(CommandParser.parse(line, session.texts())));
    }

    /** Sends text to a room (a channel or a nick), whatever room is current. */
    public void send(String room, String text) {
        post(() -> commands.message(room, text, false));
    }

    /** Makes a room the current one; clears its unread counts. */
    public void select(String room) {
        post(() -> session.select(room));
    }

    /** Fetches messages older than the oldest one the service keeps for a room. */
    public void loadOlder(String room) {
        post(() -> commands.loadOlder(room, null));
    }

    /**
     * Fetches messages older than {@code beforeId}: a face that keeps its own window of lines
     * (the desktop app) asks from the oldest line it shows, which may be older than the
     * service's own recent lines.
     */
    public void loadOlder(String room, String beforeId) {
        post(() -> commands.loadOlder(room, beforeId));
    }

    /** When waiting to reconnect: try now. */
    public void reconnectNow() {
        post(() -> {
            if (transport != null) {
                transport.reconnectNow();
            }
        });
    }

    /**
     * Completes once everything asked of the service so far has run on its thread, so that the
     * events that work emitted at once (a local error, a room opened) are with the listeners'
     * executors.
     */
    public CompletableFuture<Void> whenInputDone() {
        CompletableFuture<Void> result = new CompletableFuture<>();
        post(() -> result.complete(null));
        return result;
    }

    /** Completes once every message typed so far is confirmed by the network. */
    public CompletableFuture<Void> whenIdle() {
        CompletableFuture<Void> result = new CompletableFuture<>();
        post(() -> commands.whenIdle().thenRun(() -> result.complete(null)));
        return result;
    }

    /** The nick in use (or asked for, before registration). Safe from any thread; may lag a little. */
    public String nick() {
        return session.nick();
    }

    @Override
    public void close() {
        post(() -> {
            if (transport != null) {
                transport.close();
                transport = null;
            }
        });
        if (ownedThread != null) {
            ownedThread.shutdown();
        }
    }

    // --- service thread ------------------------------------------------------------------------

    private void connectNow(Endpoint target, List<String> channels) {
        if (transport != null) {
            transport.close();
        }
        int mine = ++generation;
        // Back to the same place (/disconnect, then /connect): the channels still open go with it,
        // as they do after a lost link. A new transport does not know them; somewhere else, their
        // tabs stay as they are.
        List<String> joins = new ArrayList<>(target.equals(session.endpoint())
                ? session.rooms().channels().stream().map(Room::name).toList() : List.of());
        for (String channel : channels) {
            if (joins.stream().noneMatch(c -> CaseMapping.fold(c).equals(CaseMapping.fold(channel)))) {
                joins.add(channel);
            }
        }
        rejoinOnConnect = List.copyOf(joins);
        session.setEndpoint(target);
        try {
            transport = transports.create(target, session.nick());
        } catch (RuntimeException e) {
            // Nothing to start (for example a mesh history folder in use): offline, and why.
            transport = null;
            events.stateChanged(new TransportState(TransportState.Phase.OFFLINE, target.toString(), Duration.ZERO,
                    e.getMessage() == null ? e.toString() : e.getMessage()));
            return;
        }
        transport.start(new Relayed(mine));
    }

    private void disconnectNow() {
        if (transport != null) {
            transport.quit(null);
        }
    }

    private void post(Runnable task) {
        try {
            serviceThread.execute(task);
        } catch (RejectedExecutionException e) {
            // closed: nothing more happens
        }
    }

    /**
     * Hands a transport's events to the service thread, and drops those of a transport that was
     * replaced meanwhile (a /connect to somewhere else).
     */
    private final class Relayed implements TransportListener {
        private final int generationOfTransport;

        Relayed(int generationOfTransport) {
            this.generationOfTransport = generationOfTransport;
        }

        private void handle(Runnable event) {
            post(() -> {
                if (generationOfTransport == generation) {
                    event.run();
                }
            });
        }

        @Override
        public void stateChanged(TransportState state) {
            handle(() -> {
                if (state.phase() == TransportState.Phase.CONNECTED && !rejoinOnConnect.isEmpty()) {
                    // Before the outbox is flushed, so lines typed meanwhile go to channels joined again.
                    rejoinOnConnect.forEach(channel -> transport.join(channel, null));
                    rejoinOnConnect = List.of();
                }
                events.stateChanged(state);
            });
        }

        @Override
        public void registered(String nick) {
            handle(() -> events.registered(nick));
        }

        @Override
        public void message(ChatMessage message) {
            handle(() -> events.message(message));
        }

        @Override
        public void sent(String localId, ChatMessage stored) {
            handle(() -> events.sent(localId, stored));
        }

        @Override
        public void sendFailed(String localId, String reason) {
            handle(() -> events.sendFailed(localId, reason));
        }

        @Override
        public void sendFailed(String localId, TransportNote reason) {
            handle(() -> events.sendFailed(localId, reason));
        }

        @Override
        public void history(String target, List<ChatMessage> messages, boolean older) {
            handle(() -> events.history(target, messages, older));
        }

        @Override
        public void joined(String channel, String nick) {
            handle(() -> events.joined(channel, nick));
        }

        @Override
        public void parted(String channel, String nick, String reason) {
            handle(() -> events.parted(channel, nick, reason));
        }

        @Override
        public void kicked(String channel, String nick, String by, String reason) {
            handle(() -> events.kicked(channel, nick, by, reason));
        }

        @Override
        public void quit(String nick, String reason) {
            handle(() -> events.quit(nick, reason));
        }

        @Override
        public void quit(String nick, TransportNote reason) {
            handle(() -> events.quit(nick, reason));
        }

        @Override
        public void nickChanged(String oldNick, String newNick) {
            handle(() -> events.nickChanged(oldNick, newNick));
        }

        @Override
        public void topic(String channel, ChannelTopic topic, boolean changedNow) {
            handle(() -> events.topic(channel, topic, changedNow));
        }

        @Override
        public void members(String channel, List<Member> members) {
            handle(() -> events.members(channel, members));
        }

        @Override
        public void away(String nick, String message) {
            handle(() -> events.away(nick, message));
        }

        @Override
        public void channelList(List<ChannelSummary> channels) {
            handle(() -> events.channelList(channels));
        }

        @Override
        public void info(String target, String text) {
            handle(() -> events.info(target, text));
        }

        @Override
        public void info(String target, TransportNote note) {
            handle(() -> events.info(target, note));
        }

        @Override
        public void error(String target, String text) {
            handle(() -> events.error(target, text));
        }

        @Override
        public void error(String target, TransportNote note) {
            handle(() -> events.error(target, note));
        }
    }
}
