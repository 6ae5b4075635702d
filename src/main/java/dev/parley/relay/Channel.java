package dev.parley.relay;

import dev.parley.protocol.CaseMapping;
import dev.parley.model.ChannelTopic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A channel: members with their op status, topic and modes.
 *
 * <p>Changed only under the {@link ServerState} lock. Fan-out of stored messages runs on the
 * store's thread without that lock, so the member list is also published as an immutable
 * snapshot array ({@link #memberSnapshot()}), replaced on every join and part.
 */
public final class Channel {

    private final String name;
    private final String key;
    private final Instant createdAt;
    private final Map<Client, Boolean> members = new LinkedHashMap<>();
    private final Set<String> invited = new HashSet<>();
    private final List<Ban> bans = new ArrayList<>();
    private volatile Client[] snapshot = new Client[0];
    private ChannelTopic topic;
    private boolean topicLocked = true;
    private boolean noExternalMessages = true;
    private boolean inviteOnly;
    private String password;
    private int memberLimit;

    public Channel(String name, Instant createdAt) {
        this.name = name;
        this.key = CaseMapping.fold(name);
        this.createdAt = createdAt;
    }

    public String name() {
        return name;
    }

    /** The folded name: the registry key and the history conversation key. */
    public String key() {
        return key;
    }

    public Instant createdAt() {
        return createdAt;
    }

    // --- members ---------------------------------------------------------------------------

    public void add(Client client, boolean op) {
        members.put(client, op);
        invited.remove(CaseMapping.fold(client.nick()));
        publish();
    }

    public void remove(Client client) {
        if (members.remove(client) != null) {
            publish();
        }
    }

    public boolean contains(Client client) {
        return members.containsKey(client);
    }

    public boolean isOp(Client client) {
        return Boolean.TRUE.equals(members.get(client));
    }

    public void setOp(Client client, boolean op) {
        if (members.containsKey(client)) {
            members.put(client, op);
        }
    }

    public Set<Client> members() {
        return members.keySet();
    }

    public int size() {
        return members.size();
    }

    public boolean isEmpty() {
        return members.isEmpty();
    }

    /** The members at the last change, safe to read from any thread without the lock. */
    public Client[] memberSnapshot() {
        return snapshot;
    }

    private void publish() {
        snapshot = members.keySet().toArray(new Client[0]);
    }

    // --- invitations -----------------------------------------------------------------------

    public void invite(String nick) {
        invited.add(CaseMapping.fold(nick));
    }

    public boolean isInvited(String nick) {
        return invited.contains(CaseMapping.fold(nick));
    }

    // --- bans ---------------------------------------------------------------------------------

    public List<Ban> bans() {
        return List.copyOf(bans);
    }

    /** Adds a ban; false when the same mask is already banned. */
    public boolean addBan(Ban ban) {
        if (bans.stream().anyMatch(b -> CaseMapping.fold(b.mask()).equals(CaseMapping.fold(ban.mask())))) {
            return false;
        }
        bans.add(ban);
        return true;
    }

    public boolean removeBan(String mask) {
        return bans.removeIf(b -> CaseMapping.fold(b.mask()).equals(CaseMapping.fold(mask)));
    }

    public boolean isBanned(Client client) {
        String source = client.source();
        return source != null && bans.stream().anyMatch(b -> b.matches(source));
    }

    // --- topic and modes -------------------------------------------------------------------

    public ChannelTopic topic() {
        return topic;
    }

    public void setTopic(ChannelTopic newTopic) {
        this.topic = newTopic;
    }

    public boolean topicLocked() {
        return topicLocked;
    }

    public void setTopicLocked(boolean value) {
        this.topicLocked = value;
    }

    public boolean noExternalMessages() {
        return noExternalMessages;
    }

    public void setNoExternalMessages(boolean value) {
        this.noExternalMessages = value;
    }

    public boolean inviteOnly() {
        return inviteOnly;
    }

    public void setInviteOnly(boolean value) {
        this.inviteOnly = value;
    }

    /** The channel key (+k), or null. */
    public String password() {
        return password;
    }

    public void setPassword(String value) {
        this.password = value;
    }

    /** The member limit (+l), or 0 for none. */
    public int memberLimit() {
        return memberLimit;
    }

    public void setMemberLimit(int value) {
        this.memberLimit = value;
    }

    /** The mode string for RPL_CHANNELMODEIS, e.g. {@code +intkl secret 10}; the key only for members. */
    public String modeString(boolean showKey) {
        return String.join(" ", modeParams(showKey));
    }

    /** The modes as parameters: the flags, then one parameter per flag that takes one. */
    public List<String> modeParams(boolean showKey) {
        StringBuilder flags = new StringBuilder("+");
        List<String> args = new ArrayList<>();
        if (inviteOnly) {
            flags.append('i');
        }
        if (noExternalMessages) {
            flags.append('n');
        }
        if (topicLocked) {
            flags.append('t');
        }
        if (password != null) {
            flags.append('k');
            args.add(showKey ? password : "*");
        }
        if (memberLimit > 0) {
            flags.append('l');
            args.add(Integer.toString(memberLimit));
        }
        args.addFirst(flags.toString());
        return args;
    }

    @Override
    public String toString() {
        return name;
    }
}
