package dev.parley.client.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientTextsTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
    private static final Locale SWEDISH = Locale.of("sv");

    /**
     * Read straight from the files: a ResourceBundle would fill a missing Swedish key from its
     * English parent and hide the gap. Strictly UTF-8: ResourceBundle quietly reads a file that
     * is not as ISO-8859-1, and the translations would come out garbled.
     */
    private static Properties file(String suffix) throws IOException {
        String name = "/" + ClientTexts.BUNDLE.replace('.', '/') + suffix + ".properties";
        try (InputStream in = ClientTexts.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(in.readAllBytes())).toString();
            Properties p = new Properties();
            p.load(new StringReader(text));
            return p;
        }
    }

    private static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @ParameterizedTest
    @ValueSource(strings = {"_sv", "_zh_CN"})
    void everyKeyIsTranslatedWithTheSamePlaceholders(String suffix) throws IOException {
        Properties english = file("");
        Properties other = file(suffix);
        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(other.stringPropertyNames()),
                "the keys of messages" + suffix + ".properties");
        for (String key : english.stringPropertyNames()) {
            assertEquals(arguments(english.getProperty(key)), arguments(other.getProperty(key)), key + " in " + suffix);
            assertFalse(other.getProperty(key).isBlank(), key + " in " + suffix);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_sv", "_zh_CN"})
    void everyTextIsAValidPatternWithItsApostrophesDoubled(String suffix) throws IOException {
        Properties texts = file(suffix);
        for (String key : texts.stringPropertyNames()) {
            String pattern = texts.getProperty(key);
            assertFalse(pattern.replace("''", "").contains("'"), key + suffix + " has a single apostrophe: " + pattern);
            Object[] args = arguments(pattern).stream().map(i -> "<" + i + ">").toArray();
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
