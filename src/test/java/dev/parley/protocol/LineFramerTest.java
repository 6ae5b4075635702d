package dev.parley.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LineFramerTest {

    /** Records what the framer emits as "line:..." and "toolong:LIMIT", in order. */
    static final class Recorder implements LineFramer.Sink {
        final List<String> events = new ArrayList<>();

        @Override
        public void line(String line) {
            events.add("line:" + line);
        }

        @Override
        public void tooLong(LineFramer.Limit limit) {
            events.add("toolong:" + limit);
        }
    }

    static Stream<Arguments> streams() {
        String body510 = "PRIVMSG #c :" + "x".repeat(510 - 12);
        String body511 = body510 + "y";
        String tags8191 = "@k=" + "t".repeat(8191 - 4) + " ";
        return Stream.of(
                Arguments.of("one line, CRLF", List.of(bytes("PING a\r\n")), List.of("line:PING a")),
                Arguments.of("bare LF", List.of(bytes("PING a\n")), List.of("line:PING a")),
                Arguments.of("several lines in one read", List.of(bytes("A 1\r\nB 2\nC 3\r\n")),
                        List.of("line:A 1", "line:B 2", "line:C 3")),
                Arguments.of("one line over many reads", List.of(bytes("PRIV"), bytes("MSG #c"), bytes(" :hi\r"), bytes("\n")),
                        List.of("line:PRIVMSG #c :hi")),
                Arguments.of("CR and LF in separate reads", List.of(bytes("X\r"), bytes("\nY\r"), bytes("\n")),
                        List.of("line:X", "line:Y")),
                Arguments.of("unfinished line waits", List.of(bytes("A\r\nB")), List.of("line:A")),
                Arguments.of("empty lines are skipped", List.of(bytes("\r\n\n\r\nA\r\n")), List.of("line:A")),
                Arguments.of("510 bytes plus CRLF fits", List.of(bytes(body510 + "\r\n")), List.of("line:" + body510)),
                Arguments.of("511 bytes plus CRLF is too long", List.of(bytes(body511 + "\r\nNEXT\r\n")),
                        List.of("toolong:BODY", "line:NEXT")),
                Arguments.of("511 bytes with bare LF is too long", List.of(bytes(body511 + "\n")), List.of("toolong:BODY")),
                Arguments.of("8191 bytes of tags plus 510 body fits", List.of(bytes(tags8191 + body510 + "\r\n")),
                        List.of("line:" + tags8191 + body510)),
                Arguments.of("8192 bytes of tags is too long", List.of(bytes("@k=" + "t".repeat(8191 - 3) + " PING\r\nOK\r\n")),
                        List.of("toolong:TAGS", "line:OK")),
                Arguments.of("body over limit after tags", List.of(bytes("@a=1 " + body511 + "\r\n")), List.of("toolong:BODY")),
                Arguments.of("invalid UTF-8 becomes U+FFFD", List.of(new byte[] {'A', ' ', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\n'}),
                        List.of("line:A \uFFFD(\uFFFD")),
                Arguments.of("UTF-8 split across reads", List.of(new byte[] {'A', ' ', (byte) 0xC3}, new byte[] {(byte) 0xA9, '\n'}),
                        List.of("line:A é")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("streams")
    void framesStreams(String name, List<byte[]> reads, List<String> expected) {
        LineFramer framer = new LineFramer();
        Recorder recorder = new Recorder();
        for (byte[] read : reads) {
            framer.feed(read, 0, read.length, recorder);
        }
        assertEquals(expected, recorder.events);
    }

    @Test
    void everyByteInItsOwnReadGivesTheSameLines() {
        byte[] stream = bytes("@t=1 :n!u@h PRIVMSG #c :hello\r\nPING x\nQUIT :bye\r\n");
        LineFramer framer = new LineFramer();
        Recorder recorder = new Recorder();
        for (int i = 0; i < stream.length; i++) {
            framer.feed(stream, i, 1, recorder);
        }
        assertEquals(List.of("line:@t=1 :n!u@h PRIVMSG #c :hello", "line:PING x", "line:QUIT :bye"), recorder.events);
    }

    @Test
    void endlessLineWithoutLfIsReportedOnceAndNeverBufferedBeyondTheLimit() {
        LineFramer framer = new LineFramer();
        Recorder recorder = new Recorder();
        byte[] chunk = bytes("x".repeat(4096));
        for (int i = 0; i < 1000; i++) { // 4 MB without a line end
            framer.feed(chunk, 0, chunk.length, recorder);
            assertTrue(framer.buffered() <= LineFramer.MAX_TAGS_BYTES + LineFramer.MAX_BODY_BYTES);
        }
        framer.feed(bytes("\r\nPING ok\r\n"), 0, 11, recorder);
        assertEquals(List.of("toolong:BODY", "line:PING ok"), recorder.events);
    }

    @Test
    void endlessTagsAreReportedAsTags() {
        LineFramer framer = new LineFramer();
        Recorder recorder = new Recorder();
        byte[] tags = bytes("@" + "k".repeat(20_000));
        framer.feed(tags, 0, tags.length, recorder);
        assertEquals(List.of("toolong:TAGS"), recorder.events);
    }

    @Test
    void honoursAnOffsetIntoTheArray() {
        byte[] bytes = bytes("junkPING a\r\njunk");
        LineFramer framer = new LineFramer();
        Recorder recorder = new Recorder();
        framer.feed(bytes, 4, 8, recorder);
        assertEquals(List.of("line:PING a"), recorder.events);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
