package dev.parley.relay;

import dev.parley.model.MessageIds;
import dev.parley.protocol.Names;
import dev.parley.protocol.CaseMapping;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The relay's small pure parts: case mapping, names, ids, the flood bucket. */
class RelayUnitsTest {

    @ParameterizedTest
    @CsvSource({"#Lab,#lab", "Bob[1],bob{1}", "A\\B~,a|b^", "ÅÄÖ,ÅÄÖ", "plain,plain"})
    void foldsRfc1459(String name, String folded) {
        assertEquals(folded, CaseMapping.fold(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada", "Bob", "[away]", "x-1", "a_b", "`q", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void validNicks(String nick) {
        assertTrue(Names.isValidNick(nick, 30));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1ada", "-ada", "a b", "a!b", "a@b", "#chan", "ådå", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void invalidNicks(String nick) {
        assertFalse(Names.isValidNick(nick, 30));
    }

    @ParameterizedTest
    @ValueSource(strings = {"#a", "#lab", "#klass-3b", "#中文", "#räksmörgås"})
    void validChannels(String name) {
        assertTrue(Names.isValidChannel(name, 50));
    }

    @ParameterizedTest
    @ValueSource(strings = {"#", "lab", "&lab", "#a b", "#a,b", "#a\u0007", "#xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void invalidChannels(String name) {
        assertFalse(Names.isValidChannel(name, 50));
    }

    @Test
    void aTypedChannelGetsItsHashUnlessItHasAPrefix() {
        assertEquals("#lab", Names.asChannel("lab"));
        assertEquals("#lab", Names.asChannel("#lab"));
        assertEquals("&local", Names.asChannel("&local"));
    }

    @Test
    void aClientTakesHashAndAmpersandNamesForChannelsButTheRelayOnlyHash() {
        assertTrue(Names.hasChannelPrefix("#lab"));
        assertTrue(Names.hasChannelPrefix("&local"));
        assertFalse(Names.hasChannelPrefix("ada"));
        assertFalse(Names.hasChannelPrefix(""));
        assertFalse(Names.isChannel("&local"));
    }

    @Test
    void messageIdsAreUniqueAndSortByTime() {
        MessageIds ids = new MessageIds();
        Set<String> seen = new HashSet<>();
        String previous = "";
        for (int i = 0; i < 10_000; i++) {
            String id = ids.next(Instant.ofEpochMilli(1_700_000_000_000L + i));
            assertEquals(26, id.length());
            assertTrue(seen.add(id), id);
            assertTrue(id.substring(0, 10).compareTo(previous.isEmpty() ? "" : previous.substring(0, 10)) >= 0);
            previous = id;
        }
    }

    @Test
    void floodGateAllowsTheBurstThenPacesAtTheRate() {
        AtomicLong now = new AtomicLong();
        FloodGate gate = new FloodGate(new FloodPolicy(true, 3, 10), now::get);
        assertEquals(0, gate.delayNanos());
        assertEquals(0, gate.delayNanos());
        assertEquals(0, gate.delayNanos());
        assertEquals(100_000_000, gate.delayNanos(), 1);
        now.addAndGet(100_000_000); // the reader waited as told
        assertEquals(100_000_000, gate.delayNanos(), 1);
        now.addAndGet(10_000_000_000L); // a long pause refills only up to the burst
        for (int i = 0; i < 3; i++) {
            assertEquals(0, gate.delayNanos());
        }
        assertTrue(gate.delayNanos() > 0);
    }

    @Test
    void floodGateOffNeverDelays() {
        FloodGate gate = new FloodGate(FloodPolicy.off(), () -> 0);
        for (int i = 0; i < 1000; i++) {
            assertEquals(0, gate.delayNanos());
        }
    }

    @Test
    void directConversationKeysAreTheSameFromBothSides() {
        assertEquals(Conversations.direct("Ada", "bob"), Conversations.direct("BOB", "ada"));
        assertEquals("bob", Conversations.displayName(Conversations.direct("ada", "bob").key(), "ADA"));
        assertEquals("#lab", Conversations.displayName("#lab", "ada"));
    }

    @Test
    void aServerNameIsOneWordThatCannotBeReadAsAUserMask() {
        RelayConfig config = RelayConfig.loopback();
        for (String bad : List.of("my relay", "", "ada!lab", "lab@home", ":lab")) {
            assertThrows(IllegalArgumentException.class, () -> new RelayConfig(config.listen(), bad, "Parley", null,
                    List.of(), config.limits(), config.flood()), bad);
        }
        assertEquals("Room-101", RelayConfig.serverNameFor("Room 101"));
        assertEquals("parley", RelayConfig.serverNameFor(""));
    }
}
