package dev.parley.transport.irc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What outlives one connection: the channels to be in (with their keys) and, per channel, the
 * newest message seen, so a reconnect rejoins them and fetches exactly what was missed; the nick
 * and away message the user chose; recent message ids for dropping duplicates; and our messages
 * that were on the wire, unconfirmed, when the link broke. Used only on the transport's event
 * thread.
 */
final class ChannelMemory {

    /** A channel we are in or asked to join. */
    static final class Entry {
        String name;
        final String key;
        /** Whether the server confirmed the join (this or an earlier connection). */
        boolean joined;
        /** Id of the newest message seen in it, or null. */
        String lastMessageId;
        /** Server time of that message, or of our join when there is none yet. */
        Instant lastTime;

        Entry(String name, String key) {
            this.name = name;
            this.key = key;
        }
    }

    private final Map<String, Entry> channels = new LinkedHashMap<>();
    private final RecentIds seen = new RecentIds(2048, 512);
    private final List<PendingSends.Pending> held = new ArrayList<>();
    private String nick;
    private String away;

    ChannelMemory(String nick) {
        this.nick = nick;
    }

    /** The user asked to join; a key given again replaces the old one. */
    void want(String name, String key) {
        Entry old = channels.get(IrcNames.fold(name));
        if (old == null || key != null) {
            Entry entry = new Entry(name, key);
            if (old != null) {
                entry.joined = old.joined;
                entry.lastMessageId = old.lastMessageId;
                entry.lastTime = old.lastTime;
            }
            channels.put(IrcNames.fold(name), entry);
        }
    }

    /** The server says we are in: keep its spelling; the first join marks where history starts. */
    void joined(String name, Instant at) {
        Entry entry = channels.computeIfAbsent(IrcNames.fold(name), k -> new Entry(name, null));
        entry.name = name;
        if (!entry.joined && entry.lastTime == null) {
            entry.lastTime = at;
        }
        entry.joined = true;
    }

    /** A join (or a rejoin after a reconnect) was refused: do not try again by ourselves. */
    void joinFailed(String name) {
        channels.remove(IrcNames.fold(name));
    }

    /** We left, were kicked, or asked to leave: do not rejoin. */
    void forget(String name) {
        channels.remove(IrcNames.fold(name));
    }

    Entry get(String name) {
        return channels.get(IrcNames.fold(name));
    }

    Collection<Entry> channels() {
        return List.copyOf(channels.values());
    }

    /** A message with a server id in a channel we remember: the next catch-up starts after it. */
    void noteMessage(String channel, String id, Instant time) {
        Entry entry = channels.get(IrcNames.fold(channel));
        if (entry != null && entry.joined && (entry.lastTime == null || !time.isBefore(entry.lastTime))) {
            entry.lastMessageId = id;
            entry.lastTime = time;
        }
    }

    RecentIds seen() {
        return seen;
    }

    /** Our messages that were waiting for their echo when the link broke. */
    List<PendingSends.Pending> held() {
        return held;
    }

    String nick() {
        return nick;
    }

    void nick(String newNick) {
        nick = newNick;
    }

    String away() {
        return away;
    }

    void away(String message) {
        away = message;
    }
}
