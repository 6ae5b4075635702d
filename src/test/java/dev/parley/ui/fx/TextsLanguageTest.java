package dev.parley.ui.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.client.i18n.ClientTexts;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The window's words and the client service's lines come out in the same language for every
 * setting (DesktopController gives the service the window's locale), and a language chosen in
 * the settings wins over the computer's: here a Swedish one.
 */
class TextsLanguageTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en    | Quit     | bob has joined",
        "sv    | Avsluta  | bob har gått med",
        "zh_CN | 退出     | bob 加入了频道",
        "''    | Avsluta  | bob har gått med"})
    void theWindowAndTheServiceSpeakTheChosenLanguage(String language, String quit, String joined) {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.of("sv", "SE"));
        try {
            Texts texts = Texts.forLanguage(language);
            assertEquals(quit, texts.get("menu.quit"));
            assertEquals(joined, ClientTexts.forLocale(texts.locale()).get("event.joined", "bob"));
        } finally {
            Locale.setDefault(before);
        }
    }
}
