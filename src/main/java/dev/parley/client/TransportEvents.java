package dev.parley.client;

import dev.parley.client.i18n.ClientTexts;
import dev.parley.model.ChannelSummary;
import dev.parley.model.ChannelTopic;
import dev.parley.model.ChatMessage;
import dev.parley.model.Member;
import dev.parley.model.Presence;
import dev.parley.protocol.CaseMapping;
import dev.parley.protocol.Names;
import dev.parley.transport.OutgoingMessage;
import dev.parley.transport.TransportListener;
import dev.parley.transport.TransportNote;
import dev.parley.transport.TransportState;
import java.util.ArrayList;
import java.util.List;

/**
 * What the transport reports, applied to the session. Runs on the service thread (the service
 * posts every transport callback there), so it never races the user's commands.
 */
final class TransportEvents implements TransportListener {

    private final Session session;
    private final ClientActions actions;
    private final ClientTexts texts;
    private boolean everConnected;

    TransportEvents(Session session, ClientActions actions) {
        this.session = session;
        this.actions = actions;
        this.texts = session.texts();
    }

    @Override
    public void stateChanged(TransportState state) {
        TransportState before = session.transportState();
        session.setTransportState(state);
        boolean wasConnected = everConnected;
        everConnected |= state.phase() == TransportState.Phase.CONNECTED;
        switch (state.phase()) {
            case CONNECTED -> actions.flushOutbox();
            case RECONNECTING, OFFLINE -> session.outbox().requeueInFlight();
            default -> { }
        }
        if (before.phase() != state.phase() || !before.detail().equals(state.detail())) {
            LineKind kind = state.phase() == TransportState.Phase.RECONNECTING ? LineKind.ERROR : LineKind.INFO;
            session.note(null, kind, describe(state, wasConnected));
        }
        actions.stateChanged(state);
    }

    /** In words; a link that never came up is "unable to connect", one that did "disconnected". */
    private String describe(TransportState state, boolean wasConnected) {
        String endpoint = session.where(state);
        String detail = because(state.detail());
        long retryIn = Math.max(1, state.retryIn().toSeconds());
        return switch (state.phase()) {
            case CONNECTING -> texts.get("connection.connecting", endpoint);
            case CONNECTED -> texts.get("connection.connected", endpoint, session.nick());
            case RECONNECTING -> texts.get(wasConnected ? "connection.lost" : "connection.retrying", endpoint, detail, retryIn);
            case OFFLINE -> texts.get(wasConnected ? "connection.closed" : "connection.failed", endpoint, detail);
        };
    }

    @Override
    public void registered(String nick) {
        session.setNick(nick);
        session.emitStatus();
    }

    @Override
    public void message(ChatMessage message) {
        ChatLine line = Lines.lineOf(message, session);
        Room room = session.openRoom(Lines.roomOf(message, session), Names.hasChannelPrefix(message.target()));
        if (line.own()) {
            // Ours, from elsewhere (another session) or replayed after a reconnect: if it is one we
            // still hold, the network has it already and it must not go out twice.
            OutgoingMessage held = session.outbox().matchDelivered(message.target(), message.text());
            if (held != null) {
                confirm(room, held.localId(), line);
                return;
            }
        }
        session.addLine(room, line);
    }

    @Override
    public void sent(String localId, ChatMessage stored) {
        OutgoingMessage mine = session.outbox().confirm(localId);
        if (mine == null) {
            return;
        }
        Room room = session.rooms().get(Lines.roomOf(stored, session));
        if (room != null) {
            confirm(room, localId, Lines.lineOf(stored, session));
        }
        session.emitStatus();
        actions.checkIdle();
    }

    private void confirm(Room room, String localId, ChatLine line) {
        if (room.confirm(localId, line)) {
            session.emitter().emit(new ChatEvent.LineConfirmed(room.name(), localId, line));
        } else {
            session.addLine(room, line);
        }
        session.emitStatus();
        actions.checkIdle();
    }

    @Override
    public void sendFailed(String localId, String reason) {
        if (!session.connected()) {
            session.outbox().requeue(localId); // it goes out again after the reconnect
            return;
        }
        OutgoingMessage failed = session.outbox().fail(localId);
        if (failed != null) {
            session.note(failed.target(), LineKind.ERROR, texts.get("event.notSent", reason));
            session.emitStatus();
            actions.checkIdle();
        }
    }

    @Override
    public void sendFailed(String localId, TransportNote reason) {
        sendFailed(localId, words(reason));
    }

    @Override
    public void history(String target, List<ChatMessage> messages, boolean older) {
        Room room = session.rooms().get(target);
        if (room == null) {
            return;
        }
        List<ChatLine> lines = new ArrayList<>();
        for (ChatMessage message : messages) {
            ChatLine line = Lines.lineOf(message, session);
            if (line.own() && session.outbox().matchDelivered(message.target(), message.text()) != null) {
                continue; // a held copy of it is now known delivered; the stored one stands for it
            }
            lines.add(line);
        }
        if (older) {
            room.setOlderRequested(false);
            List<ChatLine> added = room.prepend(lines);
            session.emitter().emit(new ChatEvent.HistoryLoaded(room.name(), added, true));
        } else {
            List<ChatLine> added = new ArrayList<>();
            for (ChatLine line : lines) {
                if (room.append(line)) {
                    added.add(line);
                }
            }
            session.emitter().emit(new ChatEvent.HistoryLoaded(room.name(), added, false));
        }
        actions.checkIdle();
    }

    @Override
    public void joined(String channel, String nick) {
        if (session.isMe(nick)) {
            actions.joinedChannel(channel);
            return;
        }
        Room room = session.rooms().get(channel);
        if (room == null) {
            return;
        }
        room.putMember(new Member(nick, false, Presence.HERE));
        event(room, LineKind.JOIN, nick, texts.get("event.joined", nick));
        membersChanged(room);
    }

    @Override
    public void parted(String channel, String nick, String reason) {
        if (session.isMe(nick)) {
            session.closeRoom(channel);
            return;
        }
        Room room = session.rooms().get(channel);
        if (room != null && room.removeMember(nick)) {
            event(room, LineKind.PART, nick, texts.get("event.left", nick, because(reason)));
            membersChanged(room);
        }
    }

    @Override
    public void kicked(String channel, String nick, String by, String reason) {
        if (session.isMe(nick)) {
            session.note(null, LineKind.ERROR, texts.get("event.youWereKicked", channel, by, because(reason)));
            session.closeRoom(channel);
            return;
        }
        Room room = session.rooms().get(channel);
        if (room != null && room.removeMember(nick)) {
            event(room, LineKind.KICK, nick, texts.get("event.kicked", nick, by, because(reason)));
            membersChanged(room);
        }
    }

    @Override
    public void quit(String nick, String reason) {
        for (Room room : session.rooms().all()) {
            if (room.removeMember(nick)) {
                event(room, LineKind.QUIT, nick, texts.get("event.quit", nick, because(reason)));
                membersChanged(room);
            }
        }
    }

    @Override
    public void quit(String nick, TransportNote reason) {
        quit(nick, words(reason));
    }

    @Override
    public void nickChanged(String oldNick, String newNick) {
        boolean mine = session.isMe(oldNick);
        if (mine) {
            session.setNick(newNick);
            session.emitStatus();
        }
        // Our own change: said once in each room we are in (as HexChat does), or once in the
        // server's room when we are in none, never both.
        String text = mine ? texts.get("event.youAreNow", newNick) : texts.get("event.nick", oldNick, newNick);
        boolean said = false;
        for (Room room : session.rooms().all()) {
            Member member = room.member(oldNick);
            if (member != null) {
                room.removeMember(oldNick);
                room.putMember(member.withNick(newNick));
                event(room, LineKind.NICK, oldNick, text);
                said = true;
                membersChanged(room);
            } else if (!mine && !room.isChannel() && CaseMapping.fold(room.name()).equals(CaseMapping.fold(oldNick))) {
                // The conversation follows them, as in HexChat and irssi; one already open with the new nick stays apart.
                session.renameRoom(room.name(), newNick);
                event(room, LineKind.NICK, oldNick, text);
            }
        }
        if (mine && !said) {
            session.note(null, LineKind.INFO, text);
        }
    }

    @Override
    public void topic(String channel, ChannelTopic topic, boolean changedNow) {
        Room room = session.rooms().get(channel);
        if (room == null) {
            return;
        }
        room.setTopic(topic);
        session.emitter().emit(new ChatEvent.TopicChanged(room.name(), topic, changedNow));
        if (changedNow) {
            event(room, LineKind.TOPIC, topic.setBy(), texts.get("event.topic", topic.setBy(), topic.text()));
        }
    }

    @Override
    public void members(String channel, List<Member> members) {
        if (actions.createAnswered(channel, members)) {
            return;
        }
        Room room = session.rooms().get(channel);
        if (room != null) {
            room.setMembers(members);
            membersChanged(room);
        }
        actions.namesAnswered(channel, members);
    }

    @Override
    public void away(String nick, String message) {
        Presence presence = message == null ? Presence.HERE : Presence.AWAY;
        if (session.isMe(nick)) { // the server's answer to our /away: where the user typed it
            session.note(session.current(), LineKind.INFO,
                    message == null ? texts.get("event.youAreBack") : texts.get("event.youAreAway", message));
        }
        for (Room room : session.rooms().all()) {
            Member member = room.member(nick);
            if (member != null && member.presence() != presence) {
                room.putMember(member.withPresence(presence));
                membersChanged(room);
            }
        }
    }

    @Override
    public void channelList(List<ChannelSummary> channels) {
        session.emitter().emit(new ChatEvent.ChannelsListed(List.copyOf(channels)));
    }

    @Override
    public void info(String target, String text) {
        session.note(target, LineKind.INFO, text);
    }

    @Override
    public void info(String target, TransportNote note) {
        info(target, words(note));
    }

    @Override
    public void error(String target, String text) {
        session.note(target, LineKind.ERROR, text);
        actions.errorReported(target);
    }

    @Override
    public void error(String target, TransportNote note) {
        error(target, words(note));
    }

    /** A transport's own words in the service's language; a note among its arguments is worded first. */
    private String words(TransportNote note) {
        Object[] args = note.args().stream().map(arg -> arg instanceof TransportNote inner ? words(inner) : arg).toArray();
        return texts.get(note.key(), args);
    }

    private void event(Room room, LineKind kind, String nick, String text) {
        session.addLine(room, new ChatLine(session.nextLocalId(), session.now(), nick, text, kind, false, false, false));
    }

    private void membersChanged(Room room) {
        session.emitter().emit(new ChatEvent.MembersChanged(room.name(), room.members()));
    }

    /** A reason to append to a line (" (reason)" in English), or nothing. */
    private String because(String reason) {
        return reason == null || reason.isEmpty() ? "" : texts.get("event.reason", reason);
    }
}
