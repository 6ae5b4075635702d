package dev.parley.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IrcParserTest {

    static Stream<Arguments> wellFormed() {
        return Stream.of(
                row("PING", Map.of(), null, "PING", List.of()),
                row("ping :abc", Map.of(), null, "PING", List.of("abc")),
                row("PRIVMSG #chan :hello world", Map.of(), null, "PRIVMSG", List.of("#chan", "hello world")),
                row("PRIVMSG #chan :", Map.of(), null, "PRIVMSG", List.of("#chan", "")),
                row("PRIVMSG #chan ::-) smile", Map.of(), null, "PRIVMSG", List.of("#chan", ":-) smile")),
                row("PRIVMSG #chan hello", Map.of(), null, "PRIVMSG", List.of("#chan", "hello")),
                row("PRIVMSG   #chan    :two  spaces  ", Map.of(), null, "PRIVMSG", List.of("#chan", "two  spaces  ")),
                row("  NICK   bob  ", Map.of(), null, "NICK", List.of("bob")),
                row(":nick!user@host.example PRIVMSG #c :hi", Map.of(), "nick!user@host.example", "PRIVMSG", List.of("#c", "hi")),
                row(":irc.example.net 001 alice :Welcome", Map.of(), "irc.example.net", "001", List.of("alice", "Welcome")),
                row(":srv 353 me = #c :a @b +c", Map.of(), "srv", "353", List.of("me", "=", "#c", "a @b +c")),
                row("USER guest 0 * :Real Name", Map.of(), null, "USER", List.of("guest", "0", "*", "Real Name")),
                row("PRIVMSG #c :hi\r\n", Map.of(), null, "PRIVMSG", List.of("#c", "hi")),
                row("PRIVMSG #c :hi\n", Map.of(), null, "PRIVMSG", List.of("#c", "hi")),
                row("@id=123 PRIVMSG #c :x", Map.of("id", "123"), null, "PRIVMSG", List.of("#c", "x")),
                row("@a=1;b;c= :s CMD", tags("a", "1", "b", "", "c", ""), "s", "CMD", List.of()),
                row("@a=1;;b=2; CMD", tags("a", "1", "b", "2"), null, "CMD", List.of()),
                row("@a=1;a=2 CMD", Map.of("a", "2"), null, "CMD", List.of()),
                row("@+example.com/draft-x=y;time=2026-11-23T10:00:00.000Z :n!u@h TAGMSG #c",
                        tags("+example.com/draft-x", "y", "time", "2026-11-23T10:00:00.000Z"), "n!u@h", "TAGMSG", List.of("#c")),
                row("@k=semi\\:colon;s=a\\sb;bs=back\\\\slash;cr=\\r;lf=\\n CMD",
                        tags("k", "semi;colon", "s", "a b", "bs", "back\\slash", "cr", "\r", "lf", "\n"), null, "CMD", List.of()),
                row("@k=\\x\\b CMD", Map.of("k", "xb"), null, "CMD", List.of()),
                row("@k=end\\ CMD", Map.of("k", "end"), null, "CMD", List.of()),
                row("@k=ünï😀 CMD :ünï😀", Map.of("k", "ünï😀"), null, "CMD", List.of("ünï😀")),
                row("CMD 1 2 3 4 5 6 7 8 9 10 11 12 13 14 fifteen and more",
                        Map.of(), null, "CMD", List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14",
                                "fifteen and more")),
                row("CMD a\tb", Map.of(), null, "CMD", List.of("a\tb")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("wellFormed")
    void parsesWellFormedLines(String line, Map<String, String> tags, String source, String command, List<String> params)
            throws IrcParseException {
        IrcMessage message = IrcParser.parse(line);
        assertEquals(tags, message.tags(), "tags");
        assertEquals(source, message.source(), "source");
        assertEquals(command, message.command(), "command");
        assertEquals(params, message.params(), "params");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("", "empty line"),
                Arguments.of("    ", "empty line"),
                Arguments.of("@a=b", "tags but no command"),
                Arguments.of(":source", "source but no command"),
                Arguments.of(": CMD", "empty source"),
                Arguments.of("@a=b :src ", "no command"),
                Arguments.of("PRIV.MSG x", "bad command"),
                Arguments.of("1234 x", "bad command"),
                Arguments.of("PRIVMSG #c :a\0b", "control character"),
                Arguments.of("PRIVMSG #c :a\rQUIT", "control character"),
                Arguments.of("PRIVMSG #c :a\nQUIT\n", "control character"),
                Arguments.of("@bad key=1 CMD", "bad command"),
                Arguments.of("@b@d=1 CMD", "bad tag key"),
                Arguments.of("@=1 CMD", "bad tag key"),
                Arguments.of("@ CMD", "empty tags section"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformed")
    void rejectsMalformedLinesWithAReason(String line, String reason) {
        IrcParseException e = assertThrows(IrcParseException.class, () -> IrcParser.parse(line));
        assertTrue(e.getMessage().contains(reason), () -> "expected '" + reason + "' in '" + e.getMessage() + "'");
    }

    static Stream<Arguments> sources() {
        return Stream.of(
                Arguments.of("nick!user@host", new IrcSource("nick", "user", "host")),
                Arguments.of("irc.example.net", new IrcSource("irc.example.net", null, null)),
                Arguments.of("nick@host", new IrcSource("nick", null, "host")),
                Arguments.of("nick!user", new IrcSource("nick", "user", null)),
                Arguments.of("n!~u@2001:db8::1", new IrcSource("n", "~u", "2001:db8::1")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("sources")
    void splitsSources(String raw, IrcSource expected) {
        assertEquals(expected, IrcSource.parse(raw));
        assertEquals(raw, expected.format());
    }

    private static Arguments row(String line, Map<String, String> tags, String source, String command, List<String> params) {
        return Arguments.of(line, tags, source, command, params);
    }

    private static Map<String, String> tags(String... kv) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put(kv[i], kv[i + 1]);
        }
        return map;
    }
}
