package dev.parley.transport.mesh;

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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The body frame of every mesh message, version 1. PUB/SUB messages are two frames, the topic
 * ({@link Streams}) then this body; requests and answers on the catch-up sockets are this body
 * alone. Integers are big-endian; {@code str} is a u16 byte length then UTF-8; {@code i64} is
 * signed (times are epoch milliseconds).
 *
 * <pre>
 *   offset  size  field
 *   0       2     magic "PM"
 *   2       1     version = 1
 *   3       1     type
 *   4       ...   the type's fields, in order; nothing may follow them; at most 64 KiB in all
 *
 *   1 CHAT      str id, str senderId, i64 incarnation, str senderNick, i64 time, str stream,
 *               i64 seq (1, 2, ... per sender and stream), u8 kind (0 message, 1 notice, 2 topic),
 *               str target, str text
 *   2 HEARTBEAT str peerId, i64 incarnation, str nick, i64 nickSince, u8 away, [str awayMessage],
 *               u16 pubPort, u16 catchUpPort, u16 n, n x (str channel, i64 head),
 *               u16 m, m x (str stream, i64 head)
 *   3 BYE       str peerId, i64 incarnation, str reason
 *   4 PART      str peerId, i64 incarnation, str channel, str reason
 *   5 HELLO     str peerId, str host, u16 pubPort
 *   6 CATCHUP?  i64 requestId, str peerId, str channel, i64 since, u16 limit
 *   7 CATCHUP!  i64 requestId, str channel, u8 hasTopic, [str text, str setBy, i64 setAt], u8 last,
 *               u16 n, n x (str id, i64 time, str target, str sender, str origin, u8 kind, str text)
 *   8 REPAIR?   i64 requestId, str peerId, i64 incarnation, str stream, i64 fromSeq, i64 toSeq
 *   9 REPAIR!   i64 requestId, i64 incarnation, str stream, i64 oldestAvailable, u8 last,
 *               u16 n, n x (CHAT's fields)
 * </pre>
 *
 * <p>Decoding never throws: a malformed, oversized, foreign or future-version frame comes back
 * as {@link Rejected} with a reason, and every name is checked (nick and channel rules, peer id
 * characters), so what passes is safe to show and to store. A new layout takes a new version.
 */
final class EnvelopeCodec {

    static final int VERSION = 1;
    private static final byte MAGIC_0 = 'P';
    private static final byte MAGIC_1 = 'M';
    private static final int CHAT = 1;
    private static final int HEARTBEAT = 2;
    private static final int BYE = 3;
    private static final int PART = 4;
    private static final int HELLO = 5;
    private static final int CATCHUP_REQUEST = 6;
    private static final int CATCHUP_RESPONSE = 7;
    private static final int REPAIR_REQUEST = 8;
    private static final int REPAIR_RESPONSE = 9;

    sealed interface Decoded permits Valid, Rejected {
    }

    record Valid(Envelope envelope) implements Decoded {
    }

    record Rejected(String reason) implements Decoded {
    }

    private EnvelopeCodec() {
    }

    // --- encoding ------------------------------------------------------------------------------

    /**
     * The body frame for {@code envelope}.
     *
     * @throws IllegalArgumentException if a field is past its limit or the frame past 64 KiB
     *                                  (callers check user input first; answers are cut to fit)
     */
    static byte[] encode(Envelope envelope) {
        WireWriter out = new WireWriter().u8(MAGIC_0).u8(MAGIC_1).u8(VERSION);
        switch (envelope) {
            case Chat chat -> writeChat(out.u8(CHAT), chat);
            case Heartbeat beat -> {
                out.u8(HEARTBEAT).str(beat.peerId(), MAX_ID_BYTES).i64(beat.incarnation())
                        .str(beat.nick(), MAX_NICK_BYTES).i64(beat.nickSince()).bool(beat.away() != null);
                if (beat.away() != null) {
                    out.str(beat.away(), MAX_REASON_BYTES);
                }
                out.u16(beat.pubPort()).u16(beat.catchUpPort()).u16(beat.channels().size());
                for (ChannelHead head : beat.channels()) {
                    out.str(head.channel(), MAX_CHANNEL_BYTES).i64(head.head());
                }
                out.u16(beat.heads().size());
                for (StreamHead head : beat.heads()) {
                    out.str(head.stream(), MAX_STREAM_BYTES).i64(head.head());
                }
            }
            case Bye bye -> out.u8(BYE).str(bye.peerId(), MAX_ID_BYTES).i64(bye.incarnation())
                    .str(bye.reason(), MAX_REASON_BYTES);
            case Part part -> out.u8(PART).str(part.peerId(), MAX_ID_BYTES).i64(part.incarnation())
                    .str(part.channel(), MAX_CHANNEL_BYTES).str(part.reason(), MAX_REASON_BYTES);
            case Hello hello -> out.u8(HELLO).str(hello.peerId(), MAX_ID_BYTES).str(hello.host(), MAX_HOST_BYTES)
                    .u16(hello.pubPort());
            case CatchUpRequest request -> out.u8(CATCHUP_REQUEST).i64(request.requestId())
                    .str(request.peerId(), MAX_ID_BYTES).str(request.channel(), MAX_CHANNEL_BYTES)
                    .i64(request.since()).u16(request.limit());
            case CatchUpResponse response -> {
                out.u8(CATCHUP_RESPONSE).i64(response.requestId()).str(response.channel(), MAX_CHANNEL_BYTES)
                        .bool(response.topic() != null);
                if (response.topic() != null) {
                    out.str(response.topic().text(), MAX_TEXT_BYTES).str(response.topic().setBy(), MAX_NICK_BYTES)
                            .i64(response.topic().setAt().toEpochMilli());
                }
                out.bool(response.last()).u16(response.messages().size());
                for (ChatMessage message : response.messages()) {
                    writeStored(out, message);
                }
            }
            case RepairRequest request -> out.u8(REPAIR_REQUEST).i64(request.requestId())
                    .str(request.peerId(), MAX_ID_BYTES).i64(request.incarnation())
                    .str(request.stream(), MAX_STREAM_BYTES).i64(request.fromSeq()).i64(request.toSeq());
            case RepairResponse response -> {
                out.u8(REPAIR_RESPONSE).i64(response.requestId()).i64(response.incarnation())
                        .str(response.stream(), MAX_STREAM_BYTES).i64(response.oldestAvailable())
                        .bool(response.last()).u16(response.messages().size());
                for (Chat chat : response.messages()) {
                    writeChat(out, chat);
                }
            }
        }
        if (out.size() > MeshLimits.MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("frame of " + out.size() + " bytes, at most " + MeshLimits.MAX_FRAME_BYTES);
        }
        return out.toByteArray();
    }

    /**
     * Whether a stored message passes the checks {@link #decode} makes on a catch-up answer; a
     * peer leaves out those that do not (from an older version), rather than have the whole
     * frame rejected.
     */
    static boolean canCarry(ChatMessage message) {
        return message.id().length() <= MAX_ID_BYTES && !message.id().isEmpty()
                && message.id().chars().allMatch(c -> c > ' ' && c < 0x7f)
                && Streams.isChannel(message.target()) && Streams.isNick(message.sender())
                && !message.origin().isEmpty() && message.origin().getBytes(StandardCharsets.UTF_8).length <= MAX_ID_BYTES
                && !Streams.hasControl(message.origin()) && message.text().indexOf('\0') < 0
                && message.text().getBytes(StandardCharsets.UTF_8).length <= MAX_TEXT_BYTES;
    }

    /** The bytes {@code chat} takes inside a repair answer. */
    static int size(Chat chat) {
        WireWriter out = new WireWriter();
        writeChat(out, chat);
        return out.size();
    }

    /** The bytes {@code message} takes inside a catch-up answer. */
    static int size(ChatMessage message) {
        WireWriter out = new WireWriter();
        writeStored(out, message);
        return out.size();
    }

    private static void writeStored(WireWriter out, ChatMessage message) {
        out.str(message.id(), MAX_ID_BYTES).i64(message.time().toEpochMilli())
                .str(message.target(), MAX_CHANNEL_BYTES).str(message.sender(), MAX_NICK_BYTES)
                .str(message.origin(), MAX_ID_BYTES).u8(message.kind() == MessageKind.NOTICE ? 1 : 0)
                .str(message.text(), MAX_TEXT_BYTES);
    }

    private static void writeChat(WireWriter out, Chat chat) {
        out.str(chat.id(), MAX_ID_BYTES).str(chat.senderId(), MAX_ID_BYTES).i64(chat.incarnation())
                .str(chat.senderNick(), MAX_NICK_BYTES).i64(chat.time()).str(chat.stream(), MAX_STREAM_BYTES)
                .i64(chat.seq()).u8(chat.kind().code).str(chat.target(), MAX_CHANNEL_BYTES)
                .str(chat.text(), MAX_TEXT_BYTES);
    }

    // --- decoding ------------------------------------------------------------------------------

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
