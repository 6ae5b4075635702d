package dev.parley.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void eachSettingNamesItsLocaleAndEmptyFollowsTheSystem() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.of("sv", "SE"));
        try {
            assertEquals(Locale.of("sv", "SE"), Languages.locale(""));
            assertEquals(Locale.ENGLISH, Languages.locale("en"));
            assertEquals(Locale.of("sv"), Languages.locale("sv"));
            assertEquals(Locale.SIMPLIFIED_CHINESE, Languages.locale("zh_CN"));
            assertEquals(Locale.SIMPLIFIED_CHINESE, UiSettings.defaults().withLanguage("zh_CN").locale());
        } finally {
            Locale.setDefault(before);
        }
    }
}
