package dev.parley.storage;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A search as the user typed it, reduced to the words every match must contain. Words are runs of
 * letters and digits, compared without case and accents (as SQLite's unicode61 tokenizer does);
 * anything else separates words, so no input is a syntax error. A word followed by {@code *}
 * matches every word it begins.
 *
 * @param terms the words, in the order typed; empty when the query has none
 */
public record SearchQuery(List<Term> terms) {

    /** One word to find: {@code word} is already folded; {@code prefix} when it was typed with a trailing *. */
    public record Term(String word, boolean prefix) {
    }

    public SearchQuery {
        terms = List.copyOf(terms);
    }

    public static SearchQuery parse(String query) {
        List<Term> terms = new ArrayList<>();
        for (String typed : query.trim().split("\\s+")) {
            List<String> words = words(typed);
            boolean prefix = typed.endsWith("*");
            for (int i = 0; i < words.size(); i++) {
                // "foo-ba*" is the words foo and ba*: the star belongs to the word it follows.
                terms.add(new Term(words.get(i), prefix && i == words.size() - 1));
            }
        }
        return new SearchQuery(terms);
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** Whether {@code text} contains every term. */
    public boolean matches(String text) {
        if (terms.isEmpty()) {
            return false;
        }
        List<String> words = words(text);
        return terms.stream().allMatch(term -> words.stream()
                .anyMatch(word -> term.prefix() ? word.startsWith(term.word()) : word.equals(term.word())));
    }

    /** The folded words of {@code text}: accents removed, lower case, split at every non-word character. */
    public static List<String> words(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{Mn}", "")
                .toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        folded.codePoints().forEach(cp -> {
            if (isWordCharacter(cp)) {
                word.appendCodePoint(cp);
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        });
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    /** Letters, numbers and private-use characters: the token characters of unicode61. */
    private static boolean isWordCharacter(int cp) {
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.PRIVATE_USE -> true;
            default -> false;
        };
    }
}
