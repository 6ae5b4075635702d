package dev.parley.transport.mesh;

import static dev.parley.transport.mesh.EnvelopeCodec.BYE;
import static dev.parley.transport.mesh.EnvelopeCodec.CATCHUP_REQUEST;
import static dev.parley.transport.mesh.EnvelopeCodec.CATCHUP_RESPONSE;
import static dev.parley.transport.mesh.EnvelopeCodec.CHAT;
import static dev.parley.transport.mesh.EnvelopeCodec.HEARTBEAT;
import static dev.parley.transport.mesh.EnvelopeCodec.HELLO;
import static dev.parley.transport.mesh.EnvelopeCodec.MAGIC_0;
import static dev.parley.transport.mesh.EnvelopeCodec.MAGIC_1;
import static dev.parley.transport.mesh.EnvelopeCodec.PART;
import static dev.parley.transport.mesh.EnvelopeCodec.REPAIR_REQUEST;
import static dev.parley.transport.mesh.EnvelopeCodec.REPAIR_RESPONSE;
import static dev.parley.transport.mesh.EnvelopeCodec.VERSION;
import static dev.parley.transport.mesh.MeshLimits.MAX_CHANNEL_BYTES;
import static dev.parley.transport.mesh.MeshLimits.MAX_HEADS;
import static dev.parley.transport.mesh.MeshLimits.MAX_HOST_BYTES;
import static dev.parley.transport.mesh.MeshLimits.MAX_ID_BYTES;
import static dev.parley.transport.mesh.MeshLimits.MAX_MESSAGES_PER_FRAME;
import static dev.parley.transport.mesh.MeshLimits.MAX_NICK_BYTES;
import static dev.parley.transport.mesh.MeshLimits.MAX_REASON_BYTES;
import static dev.parley.transport.mesh.MeshLimits.MAX_STREAM_BYTES;
import static dev.parley.transport.mesh.MeshLimits.MAX_TEXT_BYTES;

import dev.parley.model.ChannelTopic;
import dev.parley.model.ChatMessage;
import dev.parley.model.MessageKind;
import dev.parley.protocol.CaseMapping;
import dev.parley.transport.mesh.Envelope.Bye;
import dev.parley.transport.mesh.Envelope.CatchUpRequest;
import dev.parley.transport.mesh.Envelope.CatchUpResponse;
import dev.parley.transport.mesh.Envelope.ChannelHead;
import dev.parley.transport.mesh.Envelope.Chat;
import dev.parley.transport.mesh.Envelope.ChatKind;
import dev.parley.transport.mesh.Envelope.Heartbeat;
import dev.parley.transport.mesh.Envelope.Hello;
import dev.parley.transport.mesh.Envelope.Part;
import dev.parley.transport.mesh.Envelope.RepairRequest;
import dev.parley.transport.mesh.Envelope.RepairResponse;
import dev.parley.transport.mesh.Envelope.StreamHead;
import dev.parley.transport.mesh.EnvelopeCodec.Decoded;
import dev.parley.transport.mesh.EnvelopeCodec.Rejected;
import dev.parley.transport.mesh.EnvelopeCodec.Valid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The decoding half of {@link EnvelopeCodec} (which has the layout): every field is read within
 * its limit and every name is checked, so what it returns is safe to show and to store, and
 * anything else is a {@link Rejected} with the reason. Never throws.
 */
final class EnvelopeReader {

    private EnvelopeReader() {
    }

    /** Reads one body frame; never throws. */
    static Decoded decode(byte[] frame) {
        if (frame == null || frame.length < 4) {
            return new Rejected("too short");
        }
        if (frame.length > MeshLimits.MAX_FRAME_BYTES) {
            return new Rejected("oversized: " + frame.length + " bytes");
        }
        if (frame[0] != MAGIC_0 || frame[1] != MAGIC_1) {
            return new Rejected("not a Parley mesh frame");
        }
        if (frame[2] != VERSION) {
            return new Rejected("unknown version " + Byte.toUnsignedInt(frame[2]));
        }
        WireReader in = new WireReader(frame);
        try {
            in.u8("magic");
            in.u8("magic");
            in.u8("version");
            int type = in.u8("type");
            Envelope envelope = switch (type) {
                case CHAT -> readChat(in);
                case HEARTBEAT -> readHeartbeat(in);
                case BYE -> new Bye(peerId(in), in.i64("incarnation"), in.str("reason", MAX_REASON_BYTES));
                case PART -> new Part(peerId(in), in.i64("incarnation"), channel(in), in.str("reason", MAX_REASON_BYTES));
                case HELLO -> new Hello(peerId(in), host(in), port(in, "pubPort"));
                case CATCHUP_REQUEST -> new CatchUpRequest(in.i64("requestId"), peerId(in), channel(in),
                        in.i64("since"), in.u16("limit"));
                case CATCHUP_RESPONSE -> readCatchUpResponse(in);
                case REPAIR_REQUEST -> readRepairRequest(in);
                case REPAIR_RESPONSE -> readRepairResponse(in);
                default -> throw new MalformedFrame("unknown type " + type);
            };
            in.end();
            return new Valid(envelope);
        } catch (MalformedFrame e) {
            return new Rejected(e.getMessage());
        }
    }

    private static Chat readChat(WireReader in) throws MalformedFrame {
        String id = messageId(in);
        String senderId = peerId(in);
        long incarnation = in.i64("incarnation");
        String senderNick = nick(in, "senderNick");
        long time = in.i64("time");
        String stream = stream(in);
        long seq = in.i64("seq");
        if (seq < 1) {
            throw new MalformedFrame("sequence number " + seq);
        }
        ChatKind kind = ChatKind.ofCode(in.u8("kind"));
        if (kind == null) {
            throw new MalformedFrame("unknown chat kind");
        }
        String target = in.str("target", MAX_CHANNEL_BYTES);
        boolean targetFits = Streams.isDirect(stream)
                ? kind != ChatKind.TOPIC && Streams.isNick(target)
                : Streams.isChannel(target) && CaseMapping.fold(target).equals(stream);
        if (!targetFits) {
            throw new MalformedFrame("target does not match its stream");
        }
        String text = text(in);
        return new Chat(id, senderId, incarnation, senderNick, time, stream, seq, kind, target, text);
    }

    private static Heartbeat readHeartbeat(WireReader in) throws MalformedFrame {
        String peerId = peerId(in);
        long incarnation = in.i64("incarnation");
        String nick = nick(in, "nick");
        long nickSince = in.i64("nickSince");
        String away = in.bool("away") ? noControl(in.str("awayMessage", MAX_REASON_BYTES), "awayMessage") : null;
        int pubPort = port(in, "pubPort");
        int catchUpPort = port(in, "catchUpPort");
        int channelCount = in.listSize("channels", MAX_HEADS);
        List<ChannelHead> channels = new ArrayList<>(channelCount);
        for (int i = 0; i < channelCount; i++) {
            channels.add(new ChannelHead(channel(in), in.count("head")));
        }
        int headCount = in.listSize("heads", MAX_HEADS);
        List<StreamHead> heads = new ArrayList<>(headCount);
        for (int i = 0; i < headCount; i++) {
            heads.add(new StreamHead(stream(in), in.count("head")));
        }
        return new Heartbeat(peerId, incarnation, nick, nickSince, away, pubPort, catchUpPort, channels, heads);
    }

    private static CatchUpResponse readCatchUpResponse(WireReader in) throws MalformedFrame {
        long requestId = in.i64("requestId");
        String channel = channel(in);
        ChannelTopic topic = null;
        if (in.bool("hasTopic")) {
            String text = noControl(in.str("topic", MAX_TEXT_BYTES), "topic");
            String setBy = nick(in, "setBy");
            topic = new ChannelTopic(channel, text, setBy, Instant.ofEpochMilli(in.i64("setAt")));
        }
        boolean last = in.bool("last");
        int count = in.listSize("messages", MAX_MESSAGES_PER_FRAME);
        List<ChatMessage> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = messageId(in);
            Instant time = Instant.ofEpochMilli(in.i64("time"));
            String target = in.str("target", MAX_CHANNEL_BYTES);
            if (!CaseMapping.fold(target).equals(CaseMapping.fold(channel))) {
                throw new MalformedFrame("a message of another channel");
            }
            String sender = nick(in, "sender");
            String origin = in.str("origin", MAX_ID_BYTES);
            if (origin.isEmpty() || Streams.hasControl(origin)) {
                throw new MalformedFrame("bad origin");
            }
            MessageKind kind = switch (in.u8("kind")) {
                case 0 -> MessageKind.MESSAGE;
                case 1 -> MessageKind.NOTICE;
                default -> throw new MalformedFrame("unknown message kind");
            };
            messages.add(new ChatMessage(id, time, target, sender, origin, text(in), kind));
        }
        return new CatchUpResponse(requestId, channel, topic, last, messages);
    }

    private static RepairRequest readRepairRequest(WireReader in) throws MalformedFrame {
        long requestId = in.i64("requestId");
        String peerId = peerId(in);
        long incarnation = in.i64("incarnation");
        String stream = stream(in);
        long from = in.i64("fromSeq");
        long to = in.i64("toSeq");
        if (from < 1 || to < from) {
            throw new MalformedFrame("bad range " + from + ".." + to);
        }
        return new RepairRequest(requestId, peerId, incarnation, stream, from, to);
    }

    private static RepairResponse readRepairResponse(WireReader in) throws MalformedFrame {
        long requestId = in.i64("requestId");
        long incarnation = in.i64("incarnation");
        String stream = stream(in);
        long oldest = in.count("oldestAvailable");
        boolean last = in.bool("last");
        int count = in.listSize("messages", MAX_MESSAGES_PER_FRAME);
        List<Chat> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Chat chat = readChat(in);
            if (!chat.stream().equals(stream) || chat.incarnation() != incarnation) {
                throw new MalformedFrame("a message of another stream");
            }
            messages.add(chat);
        }
        return new RepairResponse(requestId, incarnation, stream, oldest, last, messages);
    }

    // --- fields --------------------------------------------------------------------------------

    private static String stream(WireReader in) throws MalformedFrame {
        String stream = in.str("stream", MAX_STREAM_BYTES);
        if (!Streams.isStream(stream)) {
            throw new MalformedFrame("bad stream");
        }
        return stream;
    }

    private static String peerId(WireReader in) throws MalformedFrame {
        String id = in.str("peerId", MAX_ID_BYTES);
        if (!Streams.isPeerId(id)) {
            throw new MalformedFrame("bad peer id");
        }
        return id;
    }

    /** A message id: 1 to 64 printable ASCII characters (ULIDs here; other ids pass through catch-up). */
    private static String messageId(WireReader in) throws MalformedFrame {
        String id = in.str("id", MAX_ID_BYTES);
        if (id.isEmpty() || !id.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            throw new MalformedFrame("bad message id");
        }
        return id;
    }

    private static String nick(WireReader in, String field) throws MalformedFrame {
        String nick = in.str(field, MAX_NICK_BYTES);
        if (!Streams.isNick(nick)) {
            throw new MalformedFrame("bad " + field);
        }
        return nick;
    }

    private static String channel(WireReader in) throws MalformedFrame {
        String channel = in.str("channel", MAX_CHANNEL_BYTES);
        if (!Streams.isChannel(channel)) {
            throw new MalformedFrame("bad channel name");
        }
        return channel;
    }

    private static String host(WireReader in) throws MalformedFrame {
        String host = in.str("host", MAX_HOST_BYTES);
        if (host.isEmpty() || !host.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            throw new MalformedFrame("bad host");
        }
        return host;
    }

    private static int port(WireReader in, String field) throws MalformedFrame {
        int port = in.u16(field);
        if (port == 0) {
            throw new MalformedFrame(field + " is 0");
        }
        return port;
    }

    /** Chat text: anything but NUL (a /me keeps its CTCP \u0001 framing). */
    private static String text(WireReader in) throws MalformedFrame {
        String text = in.str("text", MAX_TEXT_BYTES);
        if (text.indexOf('\0') >= 0) {
            throw new MalformedFrame("NUL in text");
        }
        return text;
    }

    private static String noControl(String value, String field) throws MalformedFrame {
        if (Streams.hasControl(value)) {
            throw new MalformedFrame("control character in " + field);
        }
        return value;
    }
}
