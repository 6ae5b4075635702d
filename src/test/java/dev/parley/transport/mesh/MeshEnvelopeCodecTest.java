package dev.parley.transport.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.model.ChannelTopic;
import dev.parley.model.ChatMessage;
import dev.parley.model.MessageKind;
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
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The envelope codec without sockets: bytes in, envelopes out, and every bad frame a rejection. */
class MeshEnvelopeCodecTest {

    private static final Chat CHAT = new Chat("01JC0DE", "peer-a", 42, "ada", 1_700_000_000_000L, "#lab", 7,
            ChatKind.MESSAGE, "#Lab", "hello \u00e5\u00e4\u00f6 \u0001ACTION waves\u0001");
    private static final ChatMessage STORED = new ChatMessage("01JC0DF", Instant.ofEpochMilli(1_700_000_000_001L), "#Lab",
            "bob", "peer-b", "stored one", MessageKind.NOTICE);

    static List<Envelope> everyKind() {
        return List.of(
                CHAT,
                new Chat("01JDM", "peer-a", 42, "ada", 5, "@peer-b", 1, ChatKind.NOTICE, "bob", "psst"),
                new Chat("01JTOPIC", "peer-a", 42, "ada", 5, "#lab", 8, ChatKind.TOPIC, "#lab", ""),
                new Heartbeat("peer-a", 42, "ada", 99, null, 5000, 5001,
                        List.of(new ChannelHead("#Lab", 7), new ChannelHead("#r\u00e4ksm\u00f6rg\u00e5s", 0)),
                        List.of(new StreamHead("@peer-b", 3), new StreamHead("#old", 12))),
                new Heartbeat("peer-a", 42, "ada", 99, "lunch", 5000, 5001, List.of(), List.of()),
                new Bye("peer-a", 42, "bye all"),
                new Part("peer-a", 42, "#lab", ""),
                new Hello("peer-a", "10.0.0.5", 5000),
                new CatchUpRequest(3, "peer-a", "#lab", 1_700_000_000_000L, 200),
                new CatchUpResponse(3, "#lab", new ChannelTopic("#lab", "the plan", "bob", Instant.ofEpochMilli(9)), false,
                        List.of(STORED)),
                new CatchUpResponse(3, "#lab", null, true, List.of()),
                new RepairRequest(4, "peer-b", 42, "#lab", 3, 9),
                new RepairResponse(4, 42, "#lab", 1, true, List.of(CHAT)));
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void everyEnvelopeSurvivesTheRoundTrip(Envelope envelope) {
        assertEquals(new EnvelopeCodec.Valid(envelope), EnvelopeCodec.decode(EnvelopeCodec.encode(envelope)));
    }

    @Test
    void namesThatNoPeerMaySendAreRejected() {
        List<Chat> bad = List.of(
                new Chat("01J", "peer a", 1, "ada", 0, "#lab", 1, ChatKind.MESSAGE, "#lab", "x"),    // space in peer id
                new Chat("01J", "peer-a", 1, "a da", 0, "#lab", 1, ChatKind.MESSAGE, "#lab", "x"),   // space in nick
                new Chat("01J", "peer-a", 1, "ada", 0, "#Lab", 1, ChatKind.MESSAGE, "#lab", "x"),    // stream not folded
                new Chat("01J", "peer-a", 1, "ada", 0, "#lab", 1, ChatKind.MESSAGE, "#other", "x"),  // target off its stream
                new Chat("01J", "peer-a", 1, "ada", 0, "@peer-b", 1, ChatKind.TOPIC, "bob", "x"),    // a topic in a DM
                new Chat("01J", "peer-a", 1, "ada", 0, "#lab", 0, ChatKind.MESSAGE, "#lab", "x"),    // sequence 0
                new Chat("0 1", "peer-a", 1, "ada", 0, "#lab", 1, ChatKind.MESSAGE, "#lab", "x"),    // space in id
                new Chat("01J", "peer-a", 1, "ada", 0, "#lab", 1, ChatKind.MESSAGE, "#lab", "nul\0")); // NUL in text
        for (Chat chat : bad) {
            assertInstanceOf(EnvelopeCodec.Rejected.class, EnvelopeCodec.decode(EnvelopeCodec.encode(chat)), chat.toString());
        }
        assertInstanceOf(EnvelopeCodec.Rejected.class, EnvelopeCodec.decode(EnvelopeCodec.encode(
                new RepairRequest(1, "peer-a", 1, "#lab", 9, 3))));
        assertInstanceOf(EnvelopeCodec.Rejected.class, EnvelopeCodec.decode(EnvelopeCodec.encode(
                new Heartbeat("peer-a", 1, "ada", 0, "line\nbreak", 1, 1, List.of(), List.of()))));
        byte[] accented = EnvelopeCodec.encode(new Chat("01J", "peer-a", 1, "ada", 0, "#lab", 1, ChatKind.MESSAGE,
                "#lab", "caf\u00e9"));
        accented[accented.length - 1] = '('; // C3 28: not UTF-8
        assertEquals(new EnvelopeCodec.Rejected("text is not valid UTF-8"), EnvelopeCodec.decode(accented));
        // A repair answer may only carry the stream it answers for.
        assertInstanceOf(EnvelopeCodec.Rejected.class, EnvelopeCodec.decode(EnvelopeCodec.encode(
                new RepairResponse(4, 42, "#other", 1, true, List.of(CHAT)))));
    }

    @Test
    void framesPastTheLimitAreNeitherSentNorRead() {
        String big = "x".repeat(MeshLimits.MAX_TEXT_BYTES + 1);
        assertThrows(IllegalArgumentException.class, () -> EnvelopeCodec.encode(
                new Chat("01J", "peer-a", 1, "ada", 0, "#lab", 1, ChatKind.MESSAGE, "#lab", big)));
        List<ChatMessage> many = IntStream.range(0, 10).mapToObj(i -> new ChatMessage("01J" + i, Instant.EPOCH, "#lab",
                "ada", "peer-a", "y".repeat(MeshLimits.MAX_TEXT_BYTES), MessageKind.MESSAGE)).toList();
        assertThrows(IllegalArgumentException.class, () -> EnvelopeCodec.encode(
                new CatchUpResponse(1, "#lab", null, true, many)));
        byte[] tooLong = new byte[MeshLimits.MAX_FRAME_BYTES + 1];
        assertEquals(new EnvelopeCodec.Rejected("oversized: 65537 bytes"), EnvelopeCodec.decode(tooLong));
    }

    @Test
    void answersAreCutIntoFramesThatFit() {
        List<ChatMessage> many = IntStream.range(0, 40).mapToObj(i -> new ChatMessage("01J" + i, Instant.EPOCH, "#lab",
                "ada", "peer-a", "z".repeat(8000), MessageKind.MESSAGE)).toList();
        List<List<ChatMessage>> newest = Frames.pack(many, EnvelopeCodec::size, true);
        for (int i = 0; i < newest.size(); i++) {
            EnvelopeCodec.encode(new CatchUpResponse(1, "#lab", null, i == newest.size() - 1, newest.get(i)));
        }
        // Eight frames at most: the newest messages are kept, the oldest left out.
        assertEquals(MeshLimits.MAX_FRAMES_PER_ANSWER, newest.size());
        assertEquals("01J39", newest.getLast().getLast().id());
        List<List<ChatMessage>> oldest = Frames.pack(many, EnvelopeCodec::size, false);
        assertEquals("01J0", oldest.getFirst().getFirst().id());
        assertEquals(List.of(List.of()), Frames.pack(List.<ChatMessage>of(), EnvelopeCodec::size, true));
    }
}
