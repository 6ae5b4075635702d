package dev.parley.relay;

import dev.parley.protocol.CaseMapping;
import dev.parley.model.ChannelTopic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The relay's shared state: nicks, channels, connections, and the topics kept from earlier runs.
 *
 * <p>One lock (this object's monitor) guards nicks, channels and membership. Commands take it
 * for a few map operations and queue their replies while holding it; queueing never blocks and
 * never writes to a socket, so the lock is never held across I/O.
 */
public final class ServerState {

    private final Map<String, Client> nicks = new HashMap<>();
    private final Map<String, Channel> channels = new HashMap<>();
    private final Map<String, ChannelTopic> savedTopics = new HashMap<>();
    private final Set<Client> connections = ConcurrentHashMap.newKeySet();

    public ServerState(Map<String, ChannelTopic> topicsFromStore) {
        savedTopics.putAll(topicsFromStore);
    }

    // --- connections -------------------------------------------------------------------------

    void addConnection(Client client) {
        connections.add(client);
    }

    void removeConnection(Client client) {
        connections.remove(client);
    }

    /** Every connection, registered or not, safe to iterate without the lock. */
    public Collection<Client> connections() {
        return connections;
    }

    public long countConnectionsFrom(String host) {
        return connections.stream().filter(c -> c.host().equals(host)).count();
    }

    // --- nicks -------------------------------------------------------------------------------

    public synchronized Client byNick(String nick) {
        return nicks.get(CaseMapping.fold(nick));
    }

    /**
     * Gives {@code client} the nick if nobody else holds it (a case change of one's own nick is
     * fine). Returns false when taken; the client keeps its old nick then.
     */
    public synchronized boolean claimNick(Client client, String nick) {
        String key = CaseMapping.fold(nick);
        Client holder = nicks.get(key);
        if (holder != null && holder != client) {
            return false;
        }
        if (client.nick() != null) {
            nicks.remove(CaseMapping.fold(client.nick()));
        }
        nicks.put(key, client);
        client.setNick(nick);
        return true;
    }

    // --- channels ----------------------------------------------------------------------------

    public synchronized Channel channel(String name) {
        return channels.get(CaseMapping.fold(name));
    }

    /** The channel, made now if it does not exist, with the topic it had before if any. */
    public synchronized Channel channelOrCreate(String name, Instant now) {
        return channels.computeIfAbsent(CaseMapping.fold(name), key -> {
            Channel channel = new Channel(name, now);
            channel.setTopic(savedTopics.get(key));
            return channel;
        });
    }

    public synchronized List<Channel> channels() {
        return new ArrayList<>(channels.values());
    }

    /** Keeps a topic for when an emptied channel comes back. */
    public synchronized void rememberTopic(Channel channel, ChannelTopic topic) {
        savedTopics.put(channel.key(), topic);
    }

    public synchronized void join(Channel channel, Client client, boolean op) {
        channel.add(client, op);
        client.channels().add(channel);
    }

    /** Takes the client out of the channel; an empty channel goes away. */
    public synchronized void part(Channel channel, Client client) {
        channel.remove(client);
        client.channels().remove(channel);
        if (channel.isEmpty()) {
            channels.remove(channel.key());
        }
    }

    /** Takes a leaving client out of everything; returns everyone who shared a channel with it. */
    public synchronized Set<Client> forget(Client client) {
        Set<Client> neighbours = neighbours(client, c -> true);
        for (Channel channel : new ArrayList<>(client.channels())) {
            part(channel, client);
        }
        if (client.nick() != null && nicks.get(CaseMapping.fold(client.nick())) == client) {
            nicks.remove(CaseMapping.fold(client.nick()));
        }
        return neighbours;
    }

    /** Everyone who shares a channel with {@code client} and passes {@code filter}, not the client itself. */
    public synchronized Set<Client> neighbours(Client client, Predicate<Client> filter) {
        Set<Client> result = new LinkedHashSet<>();
        for (Channel channel : client.channels()) {
            for (Client member : channel.members()) {
                if (member != client && filter.test(member)) {
                    result.add(member);
                }
            }
        }
        return result;
    }

    /** Sends to every member of the channel except {@code except} (which may be null). */
    public synchronized void broadcast(Channel channel, OutboundMessage message, Client except) {
        for (Client member : channel.members()) {
            if (member != except) {
                member.send(message);
            }
        }
    }
}
