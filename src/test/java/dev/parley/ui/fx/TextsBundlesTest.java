package dev.parley.ui.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.config.BundleFiles;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The three bundles say the same things: every key in each, the same {0}, {1} ... in each
 * translation, and every {@code %key} the views use. A key missing from one language would
 * show the raw key (Texts) or fail the view's load (FXML) only for the users of that language.
 */
class TextsBundlesTest {

    /** File suffixes of the bundles besides English, which is the base file. */
    private static final List<String> TRANSLATIONS = List.of("sv", "zh_CN");
    /** {@code %key} in an FXML attribute; a literal percent sign is written {@code \%}. */
    private static final Pattern FXML_KEY = Pattern.compile("=\"%([^\"]+)\"");

    @ParameterizedTest
    @ValueSource(strings = {"sv", "zh_CN"})
    void eachTranslationHasExactlyTheEnglishKeys(String language) {
        Set<String> english = BundleFiles.load(Texts.BUNDLE, "").stringPropertyNames();
        Set<String> translated = BundleFiles.load(Texts.BUNDLE, language).stringPropertyNames();
        assertEquals(Set.of(), difference(english, translated), language + " lacks these keys");
        assertEquals(Set.of(), difference(translated, english), language + " has keys English lacks");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "sv", "zh_CN"})
    void noTextIsBlank(String language) {
        Properties texts = BundleFiles.load(Texts.BUNDLE, language);
        Set<String> blank = new TreeSet<>();
        texts.stringPropertyNames().stream().filter(key -> texts.getProperty(key).isBlank()).forEach(blank::add);
        assertEquals(Set.of(), blank, "blank in '" + language + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sv", "zh_CN"})
    void eachTranslationFillsInTheSameArguments(String language) {
        Properties english = BundleFiles.load(Texts.BUNDLE, "");
        Properties translated = BundleFiles.load(Texts.BUNDLE, language);
        Map<String, String> mismatched = new TreeMap<>();
        for (String key : english.stringPropertyNames()) {
            String text = translated.getProperty(key);
            if (text != null && !BundleFiles.arguments(english.getProperty(key)).equals(BundleFiles.arguments(text))) {
                mismatched.put(key, english.getProperty(key) + "  vs  " + text);
            }
        }
        assertEquals(Map.of(), mismatched);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "sv", "zh_CN"})
    void textsWithArgumentsAreValidMessageFormats(String language) {
        Properties texts = BundleFiles.load(Texts.BUNDLE, language);
        for (String key : texts.stringPropertyNames()) {
            String text = texts.getProperty(key);
            if (!BundleFiles.arguments(text).isEmpty()) {
                new MessageFormat(text); // throws on unbalanced braces
                // MessageFormat takes a lone ' as the start of quoted text and drops it.
                assertFalse(text.replace("''", "").contains("'"),
                        key + " in '" + language + "' has a lone apostrophe; write '' in texts with arguments");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "sv", "zh_CN"})
    void bundlesAreValidUtf8(String language) {
        // ResourceBundle quietly falls back to ISO-8859-1 for a file that is not UTF-8,
        // and the Swedish and Chinese texts would come out garbled. Loading fails on one.
        assertFalse(BundleFiles.load(Texts.BUNDLE, language).isEmpty(), "bundle '" + language + "' is empty");
    }

    @Test
    void everyKeyAViewUsesIsInEveryBundle() throws IOException, URISyntaxException {
        Map<String, Set<String>> keysByView = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of(fxmlFolder().toURI()))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".fxml")).toList()) {
                Matcher keys = FXML_KEY.matcher(Files.readString(file));
                Set<String> used = new TreeSet<>();
                while (keys.find()) {
                    used.add(keys.group(1));
                }
                keysByView.put(file.getFileName().toString(), used);
            }
        }
        assertFalse(keysByView.isEmpty(), "no views found to check");
        assertTrue(keysByView.values().stream().anyMatch(keys -> !keys.isEmpty()), "no %key found in any view");
        for (String language : Stream.concat(Stream.of(""), TRANSLATIONS.stream()).toList()) {
            Set<String> known = BundleFiles.load(Texts.BUNDLE, language).stringPropertyNames();
            keysByView.forEach((view, used) ->
                    assertEquals(Set.of(), difference(used, known), view + " uses keys missing from '" + language + "'"));
        }
    }

    private static URL fxmlFolder() {
        URL url = TextsBundlesTest.class.getResource("/fxml");
        if (url == null) {
            throw new AssertionError("no fxml folder on the class path");
        }
        return url;
    }

    private static Set<String> difference(Set<String> from, Set<String> minus) {
        Set<String> rest = new TreeSet<>(from);
        rest.removeAll(minus);
        return rest;
    }
}
