package dev.parley.transport.mesh;

import dev.parley.model.ChannelSummary;
import dev.parley.model.ChannelTopic;
import dev.parley.model.ChatMessage;
import dev.parley.model.Member;
import dev.parley.transport.TransportListener;
import dev.parley.transport.TransportNote;
import dev.parley.transport.TransportState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Records every transport event, as values and as readable lines; read from the test thread. The
 * mesh's own words come as notes and read as their key and arguments ({@code mesh.noSuchNick bob}):
 * the words themselves are the client's.
 */
final class RecordingListener implements TransportListener {

    private final List<String> lines = new ArrayList<>();
    private final List<ChatMessage> messages = new ArrayList<>();
    private final List<ChatMessage> sent = new ArrayList<>();
    private final List<ChatMessage> history = new ArrayList<>();
    private final Map<String, List<Member>> members = new ConcurrentHashMap<>();
    private final List<TransportState.Phase> phases = new ArrayList<>();
    private volatile List<ChannelSummary> channelList;

    private synchronized void line(String text) {
        lines.add(text);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Lines starting with {@code prefix}. */
    synchronized List<String> lines(String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).toList();
    }

    synchronized List<ChatMessage> messages() {
        return List.copyOf(messages);
    }

    /** Texts of messages received live or repaired, and of catch-up history, in arrival order. */
    synchronized List<String> textsIn(String target) {
        List<String> texts = new ArrayList<>();
        for (ChatMessage m : messages) {
            if (m.target().equalsIgnoreCase(target)) {
                texts.add(m.text());
            }
        }
        for (ChatMessage m : history) {
            if (m.target().equalsIgnoreCase(target)) {
                texts.add(m.text());
            }
        }
        return texts;
    }

    synchronized List<ChatMessage> sent() {
        return List.copyOf(sent);
    }

    synchronized List<ChatMessage> history() {
        return List.copyOf(history);
    }

    synchronized List<TransportState.Phase> phases() {
        return List.copyOf(phases);
    }

    List<Member> members(String channel) {
        return members.getOrDefault(channel.toLowerCase(), List.of());
    }

    List<ChannelSummary> channelList() {
        return channelList;
    }

    @Override
    public synchronized void stateChanged(TransportState state) {
        phases.add(state.phase());
        line("state " + state.phase() + " " + state.endpoint() + (state.detail().isEmpty() ? "" : " " + state.detail()));
    }

    @Override
    public void registered(String nick) {
        line("registered " + nick);
    }

    @Override
    public synchronized void message(ChatMessage message) {
        messages.add(message);
        line("message " + message.target() + " <" + message.sender() + "> " + message.text());
    }

    @Override
    public synchronized void sent(String localId, ChatMessage stored) {
        sent.add(stored);
        line("sent " + localId + " " + stored.target() + " " + stored.text());
    }

    @Override
    public void sendFailed(String localId, String reason) {
        line("sendFailed " + localId + " " + reason);
    }

    @Override
    public void sendFailed(String localId, TransportNote reason) {
        sendFailed(localId, words(reason));
    }

    @Override
    public synchronized void history(String target, List<ChatMessage> batch, boolean older) {
        history.addAll(batch);
        line("history " + target + " " + batch.size() + (older ? " older" : ""));
    }

    @Override
    public void joined(String channel, String nick) {
        line("joined " + channel + " " + nick);
    }

    @Override
    public void parted(String channel, String nick, String reason) {
        line("parted " + channel + " " + nick + (reason == null ? "" : " " + reason));
    }

    @Override
    public void kicked(String channel, String nick, String by, String reason) {
        line("kicked " + channel + " " + nick);
    }

    @Override
    public void quit(String nick, String reason) {
        line("quit " + nick + (reason == null ? "" : " " + reason));
    }

    @Override
    public void quit(String nick, TransportNote reason) {
        quit(nick, words(reason));
    }

    @Override
    public void nickChanged(String oldNick, String newNick) {
        line("nick " + oldNick + " " + newNick);
    }

    @Override
    public void topic(String channel, ChannelTopic topic, boolean changedNow) {
        line("topic " + channel + " " + topic.text() + (changedNow ? " now" : ""));
    }

    @Override
    public void members(String channel, List<Member> list) {
        members.put(channel.toLowerCase(), List.copyOf(list));
        line("members " + channel + " " + list.stream().map(m -> m.nick() + ":" + m.presence())
                .collect(Collectors.joining(",")));
    }

    @Override
    public void away(String nick, String message) {
        line("away " + nick + (message == null ? "" : " " + message));
    }

    @Override
    public void channelList(List<ChannelSummary> channels) {
        channelList = List.copyOf(channels);
        line("list " + channels.size());
    }

    @Override
    public void info(String target, String text) {
        line("info " + target + " " + text);
    }

    @Override
    public void info(String target, TransportNote note) {
        info(target, words(note));
    }

    @Override
    public void error(String target, String text) {
        line("error " + target + " " + text);
    }

    @Override
    public void error(String target, TransportNote note) {
        error(target, words(note));
    }

    /** A note's key, then its arguments; a note among them in parentheses. */
    private static String words(TransportNote note) {
        StringBuilder words = new StringBuilder(note.key());
        for (Object arg : note.args()) {
            words.append(' ').append(arg instanceof TransportNote inner ? "(" + words(inner) + ")" : arg);
        }
        return words.toString();
    }
}
