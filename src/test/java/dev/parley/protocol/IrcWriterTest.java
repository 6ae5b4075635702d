package dev.parley.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IrcWriterTest {

    static Stream<Arguments> formatted() {
        return Stream.of(
                Arguments.of(IrcMessage.of("PING"), "PING"),
                Arguments.of(IrcMessage.of("PRIVMSG", "#c", "hello"), "PRIVMSG #c :hello"),
                Arguments.of(IrcMessage.of("JOIN", "#c"), "JOIN #c"),
                Arguments.of(IrcMessage.of("AWAY", "gone fishing"), "AWAY :gone fishing"),
                Arguments.of(IrcMessage.of("MODE", "#c", "+o", "bob"), "MODE #c +o bob"),
                Arguments.of(IrcMessage.of("QUIT", "bye"), "QUIT :bye"),
                Arguments.of(IrcMessage.of("PART", "#c"), "PART #c"),
                Arguments.of(IrcMessage.of("PART", "#c", "bye"), "PART #c :bye"),
                Arguments.of(IrcMessage.from("s", "333", "me", "#c", "ada", "1700000000"), ":s 333 me #c ada 1700000000"),
                Arguments.of(IrcMessage.from("s", "366", "me", "#c", "End"), ":s 366 me #c :End"),
                Arguments.of(IrcMessage.of("PRIVMSG", "#c", "hello world"), "PRIVMSG #c :hello world"),
                Arguments.of(IrcMessage.of("PRIVMSG", "#c", ""), "PRIVMSG #c :"),
                Arguments.of(IrcMessage.of("PRIVMSG", "#c", ":)"), "PRIVMSG #c ::)"),
                Arguments.of(IrcMessage.from("n!u@h", "JOIN", "#c"), ":n!u@h JOIN #c"),
                Arguments.of(IrcMessage.from("srv", "001", "alice", "Welcome to Parley"), ":srv 001 alice :Welcome to Parley"),
                Arguments.of(IrcMessage.of("CMD").withTag("a", "1").withTag("flag", ""), "@a=1;flag CMD"),
                Arguments.of(IrcMessage.of("CMD", "a", "b"), "CMD a b"),
                Arguments.of(IrcMessage.of("CMD").withTag("k", "a;b c\\d\re\nf"), "@k=a\\:b\\sc\\\\d\\re\\nf CMD"),
                Arguments.of(IrcMessage.of("PRIVMSG", "#c", "ünï 😀"), "PRIVMSG #c :ünï 😀"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("formatted")
    void formats(IrcMessage message, String expected) throws IrcParseException {
        assertEquals(expected, IrcWriter.format(message));
        assertEquals(message, IrcParser.parse(expected), "round trip");
    }

    @Test
    void encodesUtf8WithCrLf() {
        byte[] bytes = IrcWriter.encode(IrcMessage.of("PRIVMSG", "#c", "é"));
        assertArrayEquals("PRIVMSG #c :é\r\n".getBytes(StandardCharsets.UTF_8), bytes);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(IrcMessage.of("PRIVMSG", "#c", "hi\r\nQUIT :bye"), "CR, LF or NUL"),
                Arguments.of(IrcMessage.of("PRIVMSG", "#c", "hi\nQUIT"), "CR, LF or NUL"),
                Arguments.of(IrcMessage.of("PRIVMSG", "#c", "nul\0byte"), "CR, LF or NUL"),
                Arguments.of(IrcMessage.of("PRIVMSG", "#c\r\nJOIN #x", "t"), "CR, LF or NUL"),
                Arguments.of(IrcMessage.of("PRIVMSG", "two words", "t"), "not the last"),
                Arguments.of(IrcMessage.of("MODE", "", "t"), "not the last"),
                Arguments.of(IrcMessage.of("MODE", ":x", "t"), "not the last"),
                Arguments.of(IrcMessage.of("PRIV MSG"), "bad command"),
                Arguments.of(IrcMessage.of("PRIVMSG\r\n"), "bad command"),
                Arguments.of(IrcMessage.from("a b", "PING"), "bad source"),
                Arguments.of(IrcMessage.from("a\nb", "PING"), "bad source"),
                Arguments.of(IrcMessage.of("CMD").withTag("bad key", "v"), "bad tag key"),
                Arguments.of(IrcMessage.of("CMD").withTag("k", "v\0"), "NUL"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("refused")
    void refusesLinesThatWouldChangeMeaning(IrcMessage message, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IrcWriter.format(message));
        assertTrue(e.getMessage().contains(reason), () -> "expected '" + reason + "' in '" + e.getMessage() + "'");
    }

    @Test
    void toStringNeverThrows() {
        String shown = IrcMessage.of("PRIVMSG", "#c", "a\r\nb").toString();
        assertTrue(shown.startsWith("<invalid PRIVMSG"), shown);
    }

    @Test
    void tagEscapingRoundTripsEverySpecialCharacter() throws IrcParseException {
        String nasty = "; \\\r\n;;\\s\\:";
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("k", nasty);
        IrcMessage message = new IrcMessage(tags, null, "TAGMSG", List.of("#c"));
        assertEquals(nasty, IrcParser.parse(IrcWriter.format(message)).tags().get("k"));
    }
}
