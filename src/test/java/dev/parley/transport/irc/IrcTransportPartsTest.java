package dev.parley.transport.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.model.ChatMessage;
import dev.parley.model.MessageKind;
import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.IrcParseException;
import dev.parley.protocol.IrcParser;
import dev.parley.transport.OutgoingMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The transport's small parts, without sockets. */
class IrcTransportPartsTest {

    private static IrcMessage line(String text) throws IrcParseException {
        return IrcParser.parse(text);
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    // ---- MessageSplitter ----

    @Test
    void shortTextIsOnePiece() {
        assertEquals(List.of("hello"), MessageSplitter.split("hello", 100));
    }

    @Test
    void cutsAtTheLastSpaceThatFits() {
        assertEquals(List.of("aaaa bbbb", "cccc dddd"), MessageSplitter.split("aaaa bbbb cccc dddd", 12));
    }

    @Test
    void cutsAWordWithoutSpacesBetweenCodePoints() {
        String text = "é".repeat(20) + "😀".repeat(10); // 2-byte and 4-byte (surrogate pair) characters
        List<String> pieces = MessageSplitter.split(text, 17);
        assertEquals(text, String.join("", pieces));
        for (String piece : pieces) {
            assertTrue(bytes(piece) <= 17, piece);
            assertFalse(Character.isLowSurrogate(piece.charAt(0)), "cut inside a surrogate pair");
            assertEquals(piece, new String(piece.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        }
    }

    @Test
    void lineBreaksStartNewPiecesAndEmptyLinesVanish() {
        assertEquals(List.of("one", "two", "three"), MessageSplitter.split("one\r\ntwo\n\n\rthree\n", 100));
        assertEquals(List.of(), MessageSplitter.split("\n\n", 100));
    }

    @Test
    void anActionStaysAnActionInEveryPiece() {
        List<String> pieces = MessageSplitter.split("\u0001ACTION " + "waves ".repeat(10).trim() + "\u0001", 30);
        assertTrue(pieces.size() > 1);
        for (String piece : pieces) {
            assertTrue(piece.startsWith("\u0001ACTION ") && piece.endsWith("\u0001") && bytes(piece) <= 30, piece);
        }
    }

    @Test
    void refusesABudgetWithNoRoom() {
        assertThrows(IllegalArgumentException.class, () -> MessageSplitter.split("x", 3));
    }

    // ---- ReconnectPolicy ----

    @Test
    void backoffDoublesUpToTheCapWithJitter() {
        ReconnectPolicy policy = ReconnectPolicy.defaults();
        assertEquals(Duration.ofSeconds(1), policy.delay(1, 0.5));
        assertEquals(Duration.ofSeconds(2), policy.delay(2, 0.5));
        assertEquals(Duration.ofSeconds(32), policy.delay(6, 0.5));
        assertEquals(Duration.ofSeconds(60), policy.delay(7, 0.5));
        assertEquals(Duration.ofSeconds(60), policy.delay(1000, 0.5));
        assertEquals(Duration.ofMillis(800), policy.delay(1, 0.0));
        assertEquals(Duration.ofMillis(1200), policy.delay(1, 1.0));
        assertEquals(Duration.ofMillis(48_000), policy.delay(30, 0.0));
        assertFalse(ReconnectPolicy.disabled().enabled());
        assertThrows(IllegalArgumentException.class, () -> policy.delay(0, 0.5));
    }

    // ---- NickVariants ----

    @Test
    void takenNicksGetSuffixes() {
        NickVariants variants = new NickVariants("ada", () -> 42);
        List<String> tried = new ArrayList<>();
        String next = "ada";
        while ((next = variants.afterTaken(next)) != null) {
            tried.add(next);
        }
        assertEquals(List.of("ada_", "ada__", "ada1", "ada2", "ada3", "ada4", "ada5", "ada6", "ada7", "ada8", "ada9"), tried);
    }

    @Test
    void anInvalidVariantIsCutToTheWantedLengthAndAnInvalidNickFallsBackToGuest() {
        NickVariants long9 = new NickVariants("abcdefghi", () -> 7);
        assertEquals("abcdefghi_", long9.afterTaken("abcdefghi"));
        assertEquals("abcdefgh_", long9.afterInvalid("abcdefghi_"));
        assertEquals("abcdefg__", long9.afterTaken("abcdefgh_"));

        NickVariants bad = new NickVariants("1bad", () -> 1234);
        assertEquals("Guest1234", bad.afterInvalid("1bad"));
        assertEquals("Guest123_", bad.afterTaken("Guest1234"));
    }

    // ---- CapNegotiation ----

    @Test
    void requestsWhatIsWantedAndOfferedAcrossLsLines() throws IrcParseException {
        CapNegotiation caps = new CapNegotiation();
        assertNull(caps.onCap(line(":s CAP * LS * :sasl=PLAIN,EXTERNAL server-time batch")));
        IrcMessage request = caps.onCap(line(":s CAP * LS :echo-message draft/chathistory=100 unknown/thing"));
        assertEquals("CAP REQ :server-time echo-message batch draft/chathistory", request.toString());
        assertEquals("CAP END", caps.onCap(line(":s CAP * ACK :server-time echo-message batch draft/chathistory")).toString());
        assertTrue(caps.has("batch") && caps.has("draft/chathistory"));
        assertFalse(caps.has("sasl"));
        caps.onCap(line(":s CAP ada DEL :batch"));
        assertFalse(caps.has("batch"));
    }

    @Test
    void endsAtOnceWhenNothingIsWantedOrTheRequestIsRefused() throws IrcParseException {
        assertEquals("CAP END", new CapNegotiation().onCap(line(":s CAP * LS :sasl tls")).toString());
        CapNegotiation caps = new CapNegotiation();
        caps.onCap(line(":s CAP * LS :batch"));
        assertEquals("CAP END", caps.onCap(line(":s CAP * NAK :batch")).toString());
        assertEquals(Set.of(), caps.enabled());
    }

    // ---- BatchTracker ----

    @Test
    void collectsChathistoryLinesAndFindsLabelsThroughNestedBatches() throws IrcParseException {
        BatchTracker batches = new BatchTracker();
        assertNull(batches.onBatch(line("@label=L7 :s BATCH +outer labeled-response")));
        assertNull(batches.onBatch(line("@batch=outer :s BATCH +inner chathistory #c")));
        IrcMessage replay = line("@batch=inner;msgid=1 :a!u@h PRIVMSG #c :old");
        assertTrue(batches.collect(replay));
        IrcMessage inLabeled = line("@batch=outer :s 301 me bob :away");
        assertFalse(batches.collect(inLabeled));
        assertEquals("L7", batches.labelOf(inLabeled));
        assertEquals("L7", batches.labelOf(replay));
        BatchTracker.Batch inner = batches.onBatch(line(":s BATCH -inner"));
        assertEquals(List.of("#c"), inner.params());
        assertEquals(List.of(replay), inner.lines());
        assertEquals("labeled-response", batches.onBatch(line(":s BATCH -outer")).type());
        assertNull(batches.labelOf(line(":s 301 me bob :away")));
    }

    // ---- PendingSends ----

    @Test
    void matchesEchoesByLabelElseOldestFirstPerTarget() {
        PendingSends pending = new PendingSends();
        PendingSends.Pending one = new PendingSends.Pending(new OutgoingMessage("1", "#c", "a b", MessageKind.MESSAGE),
                List.of("a", "b"), "ada");
        PendingSends.Pending two = new PendingSends.Pending(new OutgoingMessage("2", "#c", "c", MessageKind.MESSAGE),
                List.of("c"), "ada");
        pending.add(new PendingSends.Part(one, null, "#c"));
        pending.add(new PendingSends.Part(one, null, "#c"));
        pending.add(new PendingSends.Part(two, "L2", "#c"));

        assertSame(two, pending.take("L2", null).owner());
        assertSame(one, pending.take(null, "#c").owner());
        assertFalse(one.confirm(echo("x1", "a")));
        assertTrue(one.confirm(echo("x2", "b")));
        assertEquals(new ChatMessage("x2", Instant.EPOCH, "#c", "ada", "ada!u@h", "a b", MessageKind.MESSAGE), one.stored());
        assertEquals(List.of(one), pending.drain());
        assertNull(pending.take(null, "#c"));
    }

    private static ChatMessage echo(String id, String text) {
        return new ChatMessage(id, Instant.EPOCH, "#c", "ada", "ada!u@h", text, MessageKind.MESSAGE);
    }

    // ---- RecentIds, names ----

    @Test
    void recentIdsForgetTheOldestFirst() {
        RecentIds ids = new RecentIds(2, 2);
        assertTrue(ids.add("#a", "1"));
        assertFalse(ids.add("#a", "1"));
        ids.add("#a", "2");
        ids.add("#a", "3");
        assertFalse(ids.contains("#a", "1"));
        assertTrue(ids.contains("#a", "3"));
        ids.add("#b", "x");
        ids.add("#c", "y");
        assertFalse(ids.contains("#a", "3"), "the least recently used conversation goes");
    }

    @Test
    void foldsNamesTheIrcWay() {
        assertEquals("#lab{}|^", IrcNames.fold("#LAB[]\\~"));
        assertTrue(IrcNames.same("Ada", "aDA"));
        assertEquals("ada", IrcNames.nickOf("ada!~ada@127.0.0.1"));
    }

    @Test
    void readsIsupport() throws IrcParseException {
        ServerSupport support = new ServerSupport();
        support.parse(line(":s 005 me CHANTYPES=#& PREFIX=(qaohv)~&@%+ CHANMODES=beI,k,l,imnt CHATHISTORY=50 :are supported"));
        assertTrue(support.isChannel("&local"));
        assertFalse(support.isChannel("+x"));
        assertEquals("ada", support.stripPrefixes("~@+ada"));
        assertTrue(support.hasOpPrefix("&"));
        assertFalse(support.hasOpPrefix("%+"));
        assertTrue(support.isOpMode('q') && support.isOpMode('o') && !support.isOpMode('h'));
        assertTrue(support.takesParameter('l', true) && !support.takesParameter('l', false));
        assertEquals(50, support.historyLimit());
    }
}
