package dev.parley.client;

import dev.parley.client.i18n.ClientTexts;
import dev.parley.protocol.CaseMapping;
import dev.parley.transport.TransportState;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The client's state: own nick, connection, rooms, the current room, the outbox. Confined to
 * the service thread; every change that a face must see goes out through the {@link Emitter}.
 */
final class Session {

    private final Emitter emitter;
    private final Clock clock;
    private final ClientTexts texts;
    private final Rooms rooms = new Rooms();
    private final Outbox outbox = new Outbox();
    private final AtomicLong localIds = new AtomicLong();
    private String nick;
    private String current;
    private TransportState transportState = TransportState.of(TransportState.Phase.OFFLINE, "");
    private Pattern mentionPattern;
    private Endpoint endpoint;

    Session(Emitter emitter, Clock clock, String nick, ClientTexts texts) {
        this.emitter = emitter;
        this.clock = clock;
        this.texts = texts;
        setNick(nick);
    }

    /** The words of the lines the client writes itself, in the user's language. */
    ClientTexts texts() {
        return texts;
    }

    Emitter emitter() {
        return emitter;
    }

    Rooms rooms() {
        return rooms;
    }

    Outbox outbox() {
        return outbox;
    }

    Instant now() {
        return clock.instant();
    }

    String nextLocalId() {
        return "local-" + localIds.incrementAndGet();
    }

    // --- nick ---------------------------------------------------------------------------------

    String nick() {
        return nick;
    }

    void setNick(String newNick) {
        nick = newNick;
        mentionPattern = Pattern.compile("(?<![\\w\\[\\]\\\\`^{|}-])" + Pattern.quote(newNick) + "(?![\\w\\[\\]\\\\`^{|}-])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    boolean isMe(String someone) {
        return someone != null && CaseMapping.fold(someone).equals(CaseMapping.fold(nick));
    }

    boolean mentionsMe(String text) {
        return mentionPattern.matcher(text).find();
    }

    // --- connection -----------------------------------------------------------------------------

    TransportState transportState() {
        return transportState;
    }

    /** Where the current transport was asked to connect; null before the first connect. */
    Endpoint endpoint() {
        return endpoint;
    }

    /** Where the current transport was asked to connect. */
    void setEndpoint(Endpoint target) {
        endpoint = target;
    }

    /**
     * Where the transport connects, as the user reads it: a relay's address as the transport
     * gives it, the mesh in the user's language.
     */
    String where(TransportState state) {
        return endpoint instanceof Endpoint.Mesh && !state.endpoint().isEmpty() ? texts.get("connection.mesh") : state.endpoint();
    }

    void setTransportState(TransportState state) {
        transportState = state;
        emitStatus();
    }

    void emitStatus() {
        TransportState s = transportState;
        String shownNick = s.phase() == TransportState.Phase.CONNECTED ? nick : "";
        emitter.emit(new ChatEvent.StatusChanged(
                new ConnectionStatus(s.phase(), where(s), shownNick, s.retryIn(), s.detail(), outbox.size())));
    }

    boolean connected() {
        return transportState.phase() == TransportState.Phase.CONNECTED;
    }

    // --- rooms ----------------------------------------------------------------------------------

    String current() {
        return current;
    }

    Room currentRoom() {
        return current == null ? null : rooms.get(current);
    }

    Room openRoom(String name, boolean channel) {
        Room existing = rooms.named(name);
        if (existing != null) {
            return existing;
        }
        Room room = rooms.open(name, channel);
        emitter.emit(new ChatEvent.RoomOpened(room.name(), channel));
        if (current == null) {
            select(room.name());
        }
        return room;
    }

    void closeRoom(String name) {
        Room room = rooms.remove(name);
        if (room == null) {
            return;
        }
        emitter.emit(new ChatEvent.RoomClosed(room.name()));
        if (current != null && CaseMapping.fold(current).equals(CaseMapping.fold(room.name()))) {
            current = null;
            var rest = rooms.all();
            if (!rest.isEmpty()) {
                select(rest.getLast().name());
            } else {
                emitter.emit(new ChatEvent.RoomSelected(ChatEvent.SERVER_ROOM));
            }
        }
    }

    /** Renames a room (see {@link Rooms#rename}); the current room says where it went. */
    boolean renameRoom(String oldName, String newName) {
        Room room = rooms.get(oldName);
        boolean wasCurrent = room != null && isCurrent(room);
        if (!rooms.rename(oldName, newName)) {
            return false;
        }
        emitter.emit(new ChatEvent.RoomRenamed(oldName, newName));
        if (wasCurrent) {
            current = newName;
            emitter.emit(new ChatEvent.RoomSelected(newName));
        }
        return true;
    }

    void select(String name) {
        Room room = rooms.get(name);
        if (room == null || isCurrent(room)) {
            return;
        }
        current = room.name();
        emitter.emit(new ChatEvent.RoomSelected(room.name()));
        if (room.clearUnread()) {
            emitter.emit(new ChatEvent.UnreadChanged(room.name(), 0, 0));
        }
    }

    /**
     * Opens a room if need be and selects it for the user (/query, a /join landing), saying so
     * once: a room that opened just now may have been selected as it opened (the first one is).
     */
    Room openAndShow(String name, boolean channel) {
        boolean wasOpen = rooms.named(name) != null;
        Room room = openRoom(name, channel);
        if (wasOpen) {
            show(room.name());
        } else {
            select(room.name());
        }
        return room;
    }

    /**
     * Selects a room the user named (/join, /query, /switch): says so even when it is the current
     * one already, so the user sees the command land and a script waiting for it goes on.
     */
    void show(String name) {
        Room room = rooms.get(name);
        if (room != null && isCurrent(room)) {
            emitter.emit(new ChatEvent.RoomSelected(room.name()));
        } else {
            select(name);
        }
    }

    boolean isCurrent(Room room) {
        return current != null && CaseMapping.fold(current).equals(CaseMapping.fold(room.name()));
    }

    // --- lines ----------------------------------------------------------------------------------

    /** Adds a line to a room and says so; counts it unread when the room is not current. */
    void addLine(Room room, ChatLine line) {
        if (!room.append(line)) {
            return;
        }
        emitter.emit(new ChatEvent.LineAdded(room.name(), line));
        boolean direct = !room.isChannel() && line.kind().isChat() && !line.own();
        if (line.kind().isChat() && !line.own()) {
            if (!isCurrent(room)) {
                room.countUnread(line.mention() || direct);
                emitter.emit(new ChatEvent.UnreadChanged(room.name(), room.unread(), room.mentions()));
            }
            if (line.mention() || direct) {
                emitter.emit(new ChatEvent.Alert(room.name(), line));
            }
        }
    }

    /** A remark of the client's own (info or error) in a room, or on the server room when null. */
    void note(String roomName, LineKind kind, String text) {
        ChatLine line = new ChatLine(nextLocalId(), now(), "", text, kind, false, false, false);
        Room room = roomName == null ? null : rooms.get(roomName);
        if (room == null) {
            emitter.emit(new ChatEvent.LineAdded(ChatEvent.SERVER_ROOM, line));
        } else {
            addLine(room, line);
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
