package dev.parley.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.storage.SearchQuery.Term;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SearchQueryTest {

    static Stream<Arguments> queries() {
        return Stream.of(
                Arguments.of("hello", List.of(new Term("hello", false))),
                Arguments.of("  Hello   WORLD ", List.of(new Term("hello", false), new Term("world", false))),
                Arguments.of("wor*", List.of(new Term("wor", true))),
                Arguments.of("foo-ba*", List.of(new Term("foo", false), new Term("ba", true))),
                Arguments.of("a*b", List.of(new Term("a", false), new Term("b", false))),
                Arguments.of("Crème", List.of(new Term("creme", false))),
                Arguments.of("don't", List.of(new Term("don", false), new Term("t", false))),
                Arguments.of("\"quoted\" (x)", List.of(new Term("quoted", false), new Term("x", false))),
                Arguments.of("*", List.of()),
                Arguments.of("", List.of()),
                Arguments.of("!?", List.of()));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("queries")
    void parsesWordsAndPrefixes(String typed, List<Term> expected) {
        assertEquals(expected, SearchQuery.parse(typed).terms());
    }

    static Stream<Arguments> matches() {
        return Stream.of(
                Arguments.of("hello", "Hello, world", true),
                Arguments.of("hello world", "world... hello", true),
                Arguments.of("hello world", "hello there", false),
                Arguments.of("hel*", "HELLO", true),
                Arguments.of("hel", "hello", false),
                Arguments.of("cafe", "Café", true),
                Arguments.of("", "anything", false));
    }

    @ParameterizedTest(name = "\"{0}\" in \"{1}\": {2}")
    @MethodSource("matches")
    void matchesEveryWord(String query, String text, boolean expected) {
        assertEquals(expected, SearchQuery.parse(query).matches(text));
    }
}
