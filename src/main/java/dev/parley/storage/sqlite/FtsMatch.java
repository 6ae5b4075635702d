package dev.parley.storage.sqlite;

import dev.parley.storage.SearchQuery;
import java.util.stream.Collectors;

/**
 * A {@link SearchQuery} in FTS5's MATCH syntax. Every word is quoted, so nothing the user typed
 * ({@code AND}, {@code NEAR}, quotes, parentheses) is read as an operator; words separated by
 * spaces must all occur.
 */
final class FtsMatch {

    private FtsMatch() {
    }

    static String of(SearchQuery query) {
        return query.terms().stream()
                .map(term -> '"' + term.word().replace("\"", "\"\"") + '"' + (term.prefix() ? "*" : ""))
                .collect(Collectors.joining(" "));
    }
}
