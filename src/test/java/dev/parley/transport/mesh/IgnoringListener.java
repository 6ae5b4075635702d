package dev.parley.transport.mesh;

import dev.parley.model.ChannelSummary;
import dev.parley.model.ChannelTopic;
import dev.parley.model.ChatMessage;
import dev.parley.model.Member;
import dev.parley.transport.TransportListener;
import dev.parley.transport.TransportNote;
import dev.parley.transport.TransportState;
import java.util.List;

/** A listener that ignores everything but a failed send; a child peer or the bench overrides what it uses. */
public class IgnoringListener implements TransportListener {

    @Override
    public void stateChanged(TransportState state) {
    }

    @Override
    public void registered(String nick) {
    }

    @Override
    public void message(ChatMessage message) {
    }

    @Override
    public void sent(String localId, ChatMessage stored) {
    }

    @Override
    public void sendFailed(String localId, String reason) {
        throw new IllegalStateException("send failed: " + reason);
    }

    @Override
    public void sendFailed(String localId, TransportNote reason) {
        throw new IllegalStateException("send failed: " + reason);
    }

    @Override
    public void history(String target, List<ChatMessage> messages, boolean older) {
    }

    @Override
    public void joined(String channel, String nick) {
    }

    @Override
    public void parted(String channel, String nick, String reason) {
    }

    @Override
    public void kicked(String channel, String nick, String by, String reason) {
    }

    @Override
    public void quit(String nick, String reason) {
    }

    @Override
    public void quit(String nick, TransportNote reason) {
    }

    @Override
    public void nickChanged(String oldNick, String newNick) {
    }

    @Override
    public void topic(String channel, ChannelTopic topic, boolean changedNow) {
    }

    @Override
    public void members(String channel, List<Member> members) {
    }

    @Override
    public void away(String nick, String message) {
    }

    @Override
    public void channelList(List<ChannelSummary> channels) {
    }

    @Override
    public void info(String target, String text) {
    }

    @Override
    public void info(String target, TransportNote note) {
    }

    @Override
    public void error(String target, String text) {
    }

    @Override
    public void error(String target, TransportNote note) {
    }
}
