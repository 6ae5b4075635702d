package dev.parley.client.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.config.BundleFiles;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientTextsTest {

    private static final Locale SWEDISH = Locale.of("sv");

    /** One file on its own; {@code suffix} as in its name: "", "_sv", "_zh_CN". */
    private static Properties file(String suffix) {
        return BundleFiles.load(ClientTexts.BUNDLE, suffix.replaceFirst("^_", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"_sv", "_zh_CN"})
    void everyKeyIsTranslatedWithTheSamePlaceholders(String suffix) {
        Properties english = file("");
        Properties other = file(suffix);
        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(other.stringPropertyNames()),
                "the keys of messages" + suffix + ".properties");
        for (String key : english.stringPropertyNames()) {
            assertEquals(BundleFiles.arguments(english.getProperty(key)), BundleFiles.arguments(other.getProperty(key)), key + " in " + suffix);
            assertFalse(other.getProperty(key).isBlank(), key + " in " + suffix);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_sv", "_zh_CN"})
    void everyTextIsAValidPatternWithItsApostrophesDoubled(String suffix) {
        Properties texts = file(suffix);
        for (String key : texts.stringPropertyNames()) {
            String pattern = texts.getProperty(key);
            assertFalse(pattern.replace("''", "").contains("'"), key + suffix + " has a single apostrophe: " + pattern);
            Object[] args = BundleFiles.arguments(pattern).stream().map(i -> "<" + i + ">").toArray();
            String shown = new MessageFormat(pattern, Locale.ROOT).format(args);
            assertFalse(shown.contains("{") || shown.contains("}"), key + suffix + " left a placeholder: " + shown);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en    | bob has joined                 | No channel named #x exists. Try '/create #x'?",
        "sv    | bob har gått med               | Det finns ingen kanal som heter #x. Prova ”/create #x”?",
        "zh_CN | bob 加入了频道                  | 不存在名为 #x 的频道。要试试“/create #x”吗？"})
    void formatsInEachLanguage(String language, String joined, String noSuchChannel) {
        ClientTexts texts = ClientTexts.forLocale(Locale.forLanguageTag(language.replace('_', '-')));
        assertEquals(joined, texts.get("event.joined", "bob"));
        assertEquals(noSuchChannel, texts.get("command.noSuchChannel", "#x"));
    }

    @Test
    void aReasonIsAppendedInTheLanguagesOwnWay() {
        ClientTexts zh = ClientTexts.forLocale(Locale.SIMPLIFIED_CHINESE);
        assertEquals("bob 离开了频道（再见）", zh.get("event.left", "bob", zh.get("event.reason", "再见")));
        ClientTexts en = ClientTexts.english();
        assertEquals("bob has left (bye)", en.get("event.left", "bob", en.get("event.reason", "bye")));
    }

    @Test
    void englishStaysEnglishOnASwedishComputer() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.of("sv", "SE"));
        try {
            assertEquals("bob has joined", ClientTexts.forLocale(Locale.ENGLISH).get("event.joined", "bob"));
            assertEquals("bob has joined", ClientTexts.english().get("event.joined", "bob"));
            assertEquals("bob har gått med", ClientTexts.forLocale(Locale.getDefault()).get("event.joined", "bob"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aLanguageWithoutTranslationGetsEnglishAndAMissingKeyShowsItself() {
        ClientTexts german = ClientTexts.forLocale(Locale.GERMANY);
        assertEquals("Nothing to send.", german.get("parse.nothingToSend"));
        assertEquals("no.such.key", german.get("no.such.key"));
        assertTrue(ClientTexts.forLocale(SWEDISH).get("help.header").startsWith("Kommandon"));
    }
}
