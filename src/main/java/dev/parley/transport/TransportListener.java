package dev.parley.transport;

import dev.parley.model.ChannelSummary;
import dev.parley.model.ChannelTopic;
import dev.parley.model.ChatMessage;
import dev.parley.model.Member;
import java.util.List;

/**
 * What a transport reports. Called on the transport's thread, one event at a time, in order.
 * Nicks and channel names are as the network spells them.
 *
 * <p>Words for the user come in two forms: a string is the network's own (an IRC server's
 * reply, a peer's quit message), shown as it is; a {@link TransportNote} is the transport's
 * own, which the client writes in the user's language.
 */
public interface TransportListener {

    /** Connecting, connected, reconnecting in N s, offline. */
    void stateChanged(TransportState state);

    /** Registered (or re-registered) with this nick, which may differ from the one asked for. */
    void registered(String nick);

    /** A chat message from someone else, as it happens. */
    void message(ChatMessage message);

    /** Our own message {@code localId} is accepted; {@code stored} is how the network stored it (its id). */
    void sent(String localId, ChatMessage stored);

    /** Our own message could not be sent. */
    void sendFailed(String localId, String reason);

    /** Our own message could not be sent, for a reason the transport words itself. */
    void sendFailed(String localId, TransportNote reason);

    /** Stored messages for a history request, oldest first; {@code older} when they precede what the client has. */
    void history(String target, List<ChatMessage> messages, boolean older);

    void joined(String channel, String nick);

    void parted(String channel, String nick, String reason);

    void kicked(String channel, String nick, String by, String reason);

    void quit(String nick, String reason);

    /** Someone quit, for a reason the transport words itself (a peer gone silent). */
    void quit(String nick, TransportNote reason);

    void nickChanged(String oldNick, String newNick);

    /** A channel's topic: on join ({@code changedNow} false) or set just now by someone. */
    void topic(String channel, ChannelTopic topic, boolean changedNow);

    /** The full member list of a channel. */
    void members(String channel, List<Member> members);

    /** Someone went away (message) or came back (null). */
    void away(String nick, String message);

    void channelList(List<ChannelSummary> channels);

    /**
     * Something to show the user that is not a chat message: MOTD lines, WHO/WHOIS answers,
     * server notices. {@code target} is the conversation it belongs to, or null for the server.
     */
    void info(String target, String text);

    /** {@link #info(String, String)} in the transport's own words. */
    void info(String target, TransportNote note);

    /** Something went wrong that the user should read ({@code No such nick: bob}). */
    void error(String target, String text);

    /** {@link #error(String, String)} in the transport's own words. */
    void error(String target, TransportNote note);
}
