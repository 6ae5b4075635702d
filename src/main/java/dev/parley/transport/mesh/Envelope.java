package dev.parley.transport.mesh;

import dev.parley.model.ChannelTopic;
import dev.parley.model.ChatMessage;
import java.util.List;
import java.util.Objects;

/**
 * What peers say to each other: one envelope per body frame. {@link EnvelopeCodec} has the byte
 * layout. Times are epoch milliseconds by the sender's clock; {@code incarnation} tells two runs
 * of one peer id apart (sequence numbers start again at 1 in each).
 */
sealed interface Envelope {

    /**
     * A chat message or a topic change, sequenced per sender and stream.
     *
     * @param stream {@code #channel} (folded) for a channel, {@code @peerId} of the recipient for a
     *               direct message; the sender numbers each stream 1, 2, 3 ...
     * @param target the channel as written, or the recipient's nick as the sender wrote it
     */
    record Chat(String id, String senderId, long incarnation, String senderNick, long time, String stream,
                long seq, ChatKind kind, String target, String text) implements Envelope {
        public Chat {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(senderId, "senderId");
            Objects.requireNonNull(senderNick, "senderNick");
            Objects.requireNonNull(stream, "stream");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(text, "text");
        }

        boolean direct() {
            return Streams.isDirect(stream);
        }
    }

    /** What a {@link Chat} carries; the wire code is part of the format. */
    enum ChatKind {
        MESSAGE(0), NOTICE(1), TOPIC(2);

        final int code;

        ChatKind(int code) {
            this.code = code;
        }

        static ChatKind ofCode(int code) {
            for (ChatKind kind : values()) {
                if (kind.code == code) {
                    return kind;
                }
            }
            return null;
        }
    }

    /**
     * A peer's presence, every heartbeat interval and at once on any change.
     *
     * @param nick      the nick the peer claims (a loser of a conflict shows under another one)
     * @param nickSince when it began to claim it: the earlier claim keeps a nick
     * @param away      the away message, or null when here
     * @param channels  the channels it is in, each with the last sequence number it sent there
     * @param heads     the last sequence number of its other streams (direct messages, channels
     *                  it left), most recently used first
     */
    record Heartbeat(String peerId, long incarnation, String nick, long nickSince, String away, int pubPort,
                     int catchUpPort, List<ChannelHead> channels, List<StreamHead> heads) implements Envelope {
        public Heartbeat {
            channels = List.copyOf(channels);
            heads = List.copyOf(heads);
        }
    }

    record ChannelHead(String channel, long head) {
    }

    record StreamHead(String stream, long head) {
    }

    /** A peer leaves the mesh ({@code /quit}); {@code reason} may be empty. */
    record Bye(String peerId, long incarnation, String reason) implements Envelope {
    }

    /** A peer leaves a channel; the next heartbeat says so too, without the reason. */
    record Part(String peerId, long incarnation, String channel, String reason) implements Envelope {
    }

    /** Sent to a peer's catch-up socket so it connects back (it may not have heard our beacon). */
    record Hello(String peerId, String host, int pubPort) implements Envelope {
    }

    /** Asks for a channel's stored messages newer than {@code since}: the newest {@code limit} of them. */
    record CatchUpRequest(long requestId, String peerId, String channel, long since, int limit) implements Envelope {
    }

    /** One frame of the answer; {@code last} on the final one. {@code topic} may be null. */
    record CatchUpResponse(long requestId, String channel, ChannelTopic topic, boolean last,
                           List<ChatMessage> messages) implements Envelope {
        public CatchUpResponse {
            messages = List.copyOf(messages);
        }
    }

    /** Asks the sender itself for sequence numbers {@code fromSeq..toSeq} of one of its streams. */
    record RepairRequest(long requestId, String peerId, long incarnation, String stream, long fromSeq,
                         long toSeq) implements Envelope {
    }

    /**
     * One frame of the answer. {@code oldestAvailable} is the oldest sequence number the sender
     * still keeps for the stream ({@code Long.MAX_VALUE} when it is another incarnation): what
     * lies before it cannot be repaired any more.
     */
    record RepairResponse(long requestId, long incarnation, String stream, long oldestAvailable, boolean last,
                          List<Chat> messages) implements Envelope {
        public RepairResponse {
            messages = List.copyOf(messages);
        }
    }
}
