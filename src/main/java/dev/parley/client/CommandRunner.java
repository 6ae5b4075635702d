package dev.parley.client;

import dev.parley.client.command.CommandHelp;
import dev.parley.client.command.UserCommand;
import dev.parley.client.i18n.ClientTexts;
import dev.parley.model.Member;
import dev.parley.model.MessageKind;
import dev.parley.protocol.CaseMapping;
import dev.parley.protocol.Names;
import dev.parley.transport.HistoryRequest;
import dev.parley.transport.OutgoingMessage;
import dev.parley.transport.Transport;
import dev.parley.transport.TransportState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs what the user asked for against the session and the transport, and the follow-ups when
 * the transport answers. Service thread only.
 */
final class CommandRunner implements ClientActions {

    /** Lines fetched when a channel opens, and per "load older". */
    static final int HISTORY_PAGE = 50;

    private final Session session;
    private final ServiceControl control;
    private final ClientTexts texts;
    private final Set<String> pendingSelect = new HashSet<>();
    private final Set<String> pendingCreate = new HashSet<>();
    private final Set<String> pendingNames = new HashSet<>();
    private final List<CompletableFuture<Void>> idleWaiters = new ArrayList<>();
    private boolean quitting;

    /** What the runner needs from the service: the transport and connecting. */
    interface ServiceControl {
        Transport transport();

        void connect(Endpoint endpoint);

        void disconnect();
    }

    CommandRunner(Session session, ServiceControl control) {
        this.session = session;
        this.control = control;
        this.texts = session.texts();
    }

    void run(UserCommand command) {
        switch (command) {
            case UserCommand.Say say -> say(say.text());
            case UserCommand.Msg msg -> message(msg.target(), msg.text(), true);
            case UserCommand.Me me -> me(me.action());
            case UserCommand.Join join -> withTransport(t -> {
                Room open = session.rooms().get(join.channel());
                if (open != null && open.isChannel() && session.connected()) {
                    // In it already (leaving closes a room): a server answers such a JOIN with nothing.
                    session.show(open.name());
                } else {
                    pendingSelect.add(CaseMapping.fold(join.channel()));
                }
                t.join(join.channel(), join.key());
            });
            case UserCommand.Create create -> withTransport(t -> {
                pendingCreate.add(CaseMapping.fold(create.channel()));
                t.requestMembers(create.channel());
            });
            case UserCommand.Part part -> part(part.channel(), part.reason());
            case UserCommand.ListChannels list -> withTransport(Transport::requestChannelList);
            case UserCommand.Names names -> inChannel(names.channel(), channel -> withTransport(t -> {
                pendingNames.add(CaseMapping.fold(channel));
                t.requestMembers(channel);
            }));
            case UserCommand.Who who -> {
                String target = who.target() != null ? who.target() : session.current();
                if (target == null) {
                    error(texts.get("command.usage", CommandHelp.usage("who")));
                } else {
                    withTransport(t -> t.requestWho(target));
                }
            }
            case UserCommand.Query query -> session.openAndShow(query.nick(), false);
            case UserCommand.Nick nick -> withTransport(t -> t.changeNick(nick.nick()));
            case UserCommand.Topic topic -> topic(topic.channel(), topic.text());
            case UserCommand.Away away -> withTransport(t -> t.setAway(away.message()));
            case UserCommand.Quit quit -> quit(quit.reason());
            case UserCommand.Connect connect -> connect(connect.address());
            case UserCommand.Disconnect disconnect -> control.disconnect();
            case UserCommand.History history -> history(history.count());
            case UserCommand.Switch target -> switchTo(target.room());
            case UserCommand.Help help -> help(help.command());
            case UserCommand.Invalid invalid -> error(invalid.message());
        }
    }

    // --- sending -------------------------------------------------------------------------------

    private void say(String text) {
        Room room = session.currentRoom();
        if (room == null) {
            // In English, the wording of the seed channel server, which Parley grew from.
            error(texts.get("command.noChannelToSay"));
            return;
        }
        message(room.name(), text, false);
    }

    private void me(String action) {
        Room room = session.currentRoom();
        if (room == null) {
            error(texts.get("command.noChannelToSay"));
            return;
        }
        message(room.name(), Lines.action(action), false);
    }

    /** Shows the line as pending at once, then sends it now or when connected. */
    void message(String target, String text, boolean select) {
        if (control.transport() == null) {
            error(texts.get("command.notConnected"));
            return;
        }
        OutgoingMessage outgoing = new OutgoingMessage(session.nextLocalId(), target, text, MessageKind.MESSAGE);
        if (!session.outbox().hold(outgoing)) {
            error(texts.get("command.outboxFull", Outbox.CAPACITY));
            return;
        }
        Room room = session.openRoom(target, Names.hasChannelPrefix(target));
        if (select) {
            session.select(room.name());
        }
        session.addLine(room, Lines.pendingLine(outgoing.localId(), session, text, outgoing.kind()));
        session.emitStatus();
        if (session.connected()) {
            session.outbox().markInFlight(outgoing);
            control.transport().send(outgoing);
        }
    }

    @Override
    public void flushOutbox() {
        Transport transport = control.transport();
        if (transport == null) {
            return;
        }
        for (OutgoingMessage message : session.outbox().waiting()) {
            session.outbox().markInFlight(message);
            transport.send(message);
        }
    }

    // --- rooms ---------------------------------------------------------------------------------

    private void part(String channel, String reason) {
        String name = channel != null ? channel : session.current();
        if (name == null) {
            error(texts.get("command.noChannel"));
            return;
        }
        Room room = session.rooms().get(name);
        if (room != null && !room.isChannel()) {
            session.closeRoom(name); // a direct conversation is closed here; nothing to tell the network
            return;
        }
        withTransport(t -> t.part(name, reason));
    }

    private void topic(String channel, String text) {
        inChannel(channel, name -> {
            if (text != null) {
                withTransport(t -> t.setTopic(name, text));
                return;
            }
            Room room = session.rooms().get(name);
            if (room == null || room.topic() == null || room.topic().text().isEmpty()) {
                session.note(name, LineKind.INFO, texts.get("command.noTopic", name));
            } else {
                session.note(name, LineKind.INFO, texts.get("command.topic", name, room.topic().text(), room.topic().setBy()));
            }
        });
    }

    private void switchTo(String target) {
        Room room = null;
        if (target.chars().allMatch(Character::isDigit)) {
            room = session.rooms().at(Integer.parseInt(target));
            if (room == null) {
                error(texts.get("command.noSuchNumber", target, session.rooms().all().size()));
                return;
            }
        } else {
            room = session.rooms().get(target);
            if (room == null && !Names.hasChannelPrefix(target)) {
                room = session.rooms().get("#" + target);
            }
        }
        if (room == null && Names.hasChannelPrefix(target)) {
            error(texts.get("command.noSuchChannel", target));
            return;
        }
        if (room == null) { // a nick with no conversation open, or a channel named without its '#'
            error(texts.get("command.noSuchConversation", target));
            return;
        }
        session.show(room.name());
    }

    private void history(int count) {
        Room room = session.currentRoom();
        if (room == null) {
            error(texts.get("command.noChannel"));
            return;
        }
        session.emitter().emit(new ChatEvent.Replay(room.name(), room.lastLines(count)));
        if (room.lineCount() < count) {
            loadOlder(room.name(), null);
        }
    }

    /** Asks for a page of history before {@code beforeId}, or before the oldest line kept when null. */
    void loadOlder(String roomName, String beforeId) {
        Room room = session.rooms().get(roomName);
        Transport transport = control.transport();
        if (room == null || transport == null || room.olderRequested()) {
            return;
        }
        String oldest = beforeId != null ? beforeId : room.oldestMessageId();
        room.setOlderRequested(true);
        transport.requestHistory(oldest == null ? HistoryRequest.latest(room.name(), HISTORY_PAGE)
                : HistoryRequest.before(room.name(), oldest, HISTORY_PAGE));
    }

    @Override
    public void joinedChannel(String channel) {
        // Asked for by a /join, or a new channel joined with nothing current yet (the first of those
        // joined again at start): it becomes current; others, and rooms joined again after a
        // reconnect, open or stay beside it.
        boolean show = pendingSelect.remove(CaseMapping.fold(channel))
                || session.current() == null && session.rooms().get(channel) == null;
        Room room = show ? session.openAndShow(channel, true) : session.openRoom(channel, true);
        Transport transport = control.transport();
        if (transport != null && room.lineCount() == 0) {
            transport.requestHistory(HistoryRequest.latest(room.name(), HISTORY_PAGE));
        }
    }

    @Override
    public boolean createAnswered(String channel, List<Member> members) {
        if (!pendingCreate.remove(CaseMapping.fold(channel))) {
            return false;
        }
        if (!members.isEmpty()) {
            error(texts.get("command.channelExists", channel));
        } else {
            withTransport(t -> {
                pendingSelect.add(CaseMapping.fold(channel));
                t.join(channel, null);
            });
        }
        return true;
    }

    @Override
    public void namesAnswered(String channel, List<Member> members) {
        if (pendingNames.remove(CaseMapping.fold(channel))) {
            String names = members.stream().map(m -> (m.op() ? "@" : "") + m.nick()).collect(Collectors.joining(" "));
            session.note(channel, LineKind.INFO, texts.get("command.names", channel, members.size(), names));
        }
    }

    @Override
    public void errorReported(String target) {
        if (target != null) {
            pendingSelect.remove(CaseMapping.fold(target));
            pendingCreate.remove(CaseMapping.fold(target));
            pendingNames.remove(CaseMapping.fold(target));
        }
    }

    // --- connection ----------------------------------------------------------------------------

    private void connect(String address) {
        if (address.equalsIgnoreCase("mesh")) { // the way back after /disconnect from the mesh, or over from a relay
            control.connect(new Endpoint.Mesh());
            return;
        }
        try {
            Transport transport = control.transport();
            if (transport != null && transport.addPeer(address)) {
                session.note(session.current(), LineKind.INFO, texts.get("connection.peer", address));
                return;
            }
            control.connect(Endpoint.parseRelay(address));
        } catch (IllegalArgumentException e) {
            error(texts.get("connection.cannotConnect", address, e.getMessage()));
        }
    }

    private void quit(String reason) {
        quitting = true;
        Transport transport = control.transport();
        if (transport == null || session.transportState().phase() == TransportState.Phase.OFFLINE) {
            session.emitter().emit(new ChatEvent.Closed(reason == null ? "" : reason));
        } else {
            transport.quit(reason);
        }
    }

    @Override
    public void stateChanged(TransportState state) {
        if (quitting && state.phase() == TransportState.Phase.OFFLINE) {
            session.emitter().emit(new ChatEvent.Closed(""));
        }
    }

    CompletableFuture<Void> whenIdle() {
        CompletableFuture<Void> waiter = new CompletableFuture<>();
        idleWaiters.add(waiter);
        checkIdle();
        return waiter;
    }

    @Override
    public void checkIdle() {
        if (session.outbox().isEmpty() && !idleWaiters.isEmpty()) {
            List<CompletableFuture<Void>> done = new ArrayList<>(idleWaiters);
            idleWaiters.clear();
            done.forEach(f -> f.complete(null));
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    private void help(String command) {
        if (command == null) {
            session.note(session.current(), LineKind.INFO, texts.get("help.header"));
            CommandHelp.overview(texts).forEach(line -> session.note(session.current(), LineKind.INFO, "  " + line));
            return;
        }
        CommandHelp.Entry entry = CommandHelp.of(command.toLowerCase(java.util.Locale.ROOT), texts);
        if (entry == null) {
            error(texts.get("command.unknown", command));
        } else {
            session.note(session.current(), LineKind.INFO, entry.usage() + "  " + entry.description());
        }
    }

    private void inChannel(String channel, Consumer<String> action) {
        String name = channel != null ? channel : session.current();
        if (name == null || !Names.hasChannelPrefix(name)) {
            error(texts.get("command.nameAChannel"));
            return;
        }
        action.accept(name);
    }

    private void withTransport(Consumer<Transport> action) {
        Transport transport = control.transport();
        if (transport == null) {
            error(texts.get("command.notConnected"));
            return;
        }
        action.accept(transport);
    }

    private void error(String text) {
        session.note(session.current(), LineKind.ERROR, text);
    }
}
