package dev.parley.discovery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.discovery.AnnouncementCodec.Decoded;
import dev.parley.discovery.AnnouncementCodec.Rejected;
import dev.parley.discovery.AnnouncementCodec.Valid;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AnnouncementCodecTest {

    private static final Announcement RELAY = Announcement.relay("3f2a9c1e-0b7d-4e55-9a61-2c8d4f0e7b13", "lab relay", 6667);
    private static final Announcement PEER = Announcement.meshPeer("peer-7", "Zoë 🦊", 41234, "away: lunch");

    static Stream<Announcement> announcements() {
        return Stream.of(RELAY, PEER,
                Announcement.relay("a", "x", 1),
                Announcement.meshPeer("i".repeat(64), "n".repeat(100), 65535, "e".repeat(64)));
    }

    @ParameterizedTest
    @MethodSource("announcements")
    void roundTrips(Announcement announcement) {
        byte[] bytes = AnnouncementCodec.encode(announcement);
        assertTrue(bytes.length <= AnnouncementCodec.MAX_BYTES, "size " + bytes.length);
        assertEquals(new Valid(announcement), AnnouncementCodec.decode(bytes));
    }

    @Test
    void layoutIsAsDocumented() {
        byte[] expected = concat(bytes("PRLY"), new byte[] {1, 1, 0x1A, 0x0B},
                new byte[] {1}, bytes("r"), new byte[] {3}, bytes("lab"), new byte[] {0});
        assertArrayEquals(expected, AnnouncementCodec.encode(Announcement.relay("r", "lab", 6667)));
    }

    @Test
    void longNamesAreCutOnCodePointBoundaries() {
        Announcement longOnes = Announcement.meshPeer("p", "é".repeat(60), 7000, "a" + "😀".repeat(30));
        Announcement fitted = AnnouncementCodec.fit(longOnes);

        assertEquals("é".repeat(50), fitted.name());
        assertEquals("a" + "😀".repeat(15), fitted.extra());
        assertEquals(new Valid(fitted), AnnouncementCodec.decode(AnnouncementCodec.encode(longOnes)));
    }

    @Test
    void truncationNeverSplitsASurrogatePair() {
        String cut = AnnouncementCodec.truncateUtf8("ab😀", 5);
        assertEquals("ab", cut);
        assertEquals("ab😀", AnnouncementCodec.truncateUtf8("ab😀", 6));
    }

    static Stream<Arguments> malformed() {
        byte[] valid = AnnouncementCodec.encode(PEER);
        return Stream.of(
                Arguments.of("empty", new byte[0]),
                Arguments.of("shorter than the magic", bytes("PR")),
                Arguments.of("magic only", bytes("PRLY")),
                Arguments.of("a ZRE beacon", concat(bytes("ZRE"), new byte[] {1}, new byte[16], new byte[] {0x1F, (byte) 0x90})),
                Arguments.of("wrong magic", with(valid, 0, (byte) 'X')),
                Arguments.of("version 0", with(valid, 4, (byte) 0)),
                Arguments.of("version 2", with(valid, 4, (byte) 2)),
                Arguments.of("kind 0", with(valid, 5, (byte) 0)),
                Arguments.of("kind 3", with(valid, 5, (byte) 3)),
                Arguments.of("port 0", with(with(valid, 6, (byte) 0), 7, (byte) 0)),
                Arguments.of("trailing byte", concat(valid, new byte[] {0})),
                Arguments.of("oversized", concat(valid, new byte[AnnouncementCodec.MAX_BYTES])),
                Arguments.of("empty node id", header(concat(new byte[] {0}, field("n"), field("")))),
                Arguments.of("node id with a space", header(concat(field("a b"), field("n"), field("")))),
                Arguments.of("node id of 65", header(concat(field("i".repeat(65)), field("n"), field("")))),
                Arguments.of("empty name", header(concat(field("id"), field(""), field("")))),
                Arguments.of("name of 101 bytes", header(concat(field("id"), field("n".repeat(101)), field("")))),
                Arguments.of("extra of 65 bytes", header(concat(field("id"), field("n"), field("e".repeat(65))))),
                Arguments.of("name with a newline", header(concat(field("id"), field("a\nb"), field("")))),
                Arguments.of("extra with an escape", header(concat(field("id"), field("n"), field("\u001b[2J")))),
                Arguments.of("bad UTF-8", header(concat(field("id"), rawField(0xC3, 0x28), field("")))),
                Arguments.of("overlong UTF-8", header(concat(field("id"), rawField(0xC0, 0xAF), field("")))),
                Arguments.of("UTF-8 surrogate", header(concat(field("id"), rawField(0xED, 0xA0, 0x80), field("")))),
                Arguments.of("cut inside a character", header(concat(field("id"), rawField(0xF0, 0x9F, 0x98), field("")))),
                Arguments.of("length past the end", header(concat(field("id"), new byte[] {50}, bytes("short")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void rejectsMalformedPayloads(String name, byte[] payload) {
        assertInstanceOf(Rejected.class, AnnouncementCodec.decode(payload));
    }

    @Test
    void rejectsEveryTruncation() {
        byte[] valid = AnnouncementCodec.encode(PEER);
        IntStream.range(0, valid.length).forEach(length -> assertInstanceOf(Rejected.class,
                AnnouncementCodec.decode(Arrays.copyOf(valid, length)), "length " + length));
    }

    @Test
    void rejectsNull() {
        assertInstanceOf(Rejected.class, AnnouncementCodec.decode(null));
    }

    @Test
    void neverThrowsOnNoiseOrMutations() {
        Random random = new Random(20240611L);
        byte[] valid = AnnouncementCodec.encode(PEER);
        for (int i = 0; i < 5_000; i++) {
            byte[] noise = new byte[random.nextInt(300)];
            random.nextBytes(noise);
            assertDecodes(noise);

            byte[] mutated = valid.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                mutated[random.nextInt(mutated.length)] ^= (byte) (1 << random.nextInt(8));
            }
            assertDecodes(mutated);
        }
    }

    private static void assertDecodes(byte[] payload) {
        Decoded result = AnnouncementCodec.decode(payload);
        assertTrue(result instanceof Valid || result instanceof Rejected);
    }

    /** Magic, version 1, kind mesh peer, port 7000, then {@code rest}. */
    private static byte[] header(byte[] rest) {
        return concat(bytes("PRLY"), new byte[] {1, 2, 0x1B, 0x58}, rest);
    }

    private static byte[] field(String text) {
        byte[] utf8 = bytes(text);
        return concat(new byte[] {(byte) utf8.length}, utf8);
    }

    private static byte[] rawField(int... values) {
        byte[] out = new byte[values.length + 1];
        out[0] = (byte) values.length;
        for (int i = 0; i < values.length; i++) {
            out[i + 1] = (byte) values[i];
        }
        return out;
    }

    private static byte[] with(byte[] bytes, int index, byte value) {
        byte[] copy = bytes.clone();
        copy[index] = value;
        return copy;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
