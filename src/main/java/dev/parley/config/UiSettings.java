package dev.parley.config;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How the desktop app looks: the {@code [ui]} table of {@code parley.toml}.
 *
 * @param theme    {@code light} or {@code dark}
 * @param fontSize the chat text size in points
 * @param language {@code en}, {@code sv} or {@code zh_CN}; empty follows the operating system
 */
public record UiSettings(String theme, int fontSize, String language) {

    public static final Set<String> THEMES = Set.of("light", "dark");
    public static final Set<String> LANGUAGES = Set.of("", "en", "sv", "zh_CN");
    public static final int MIN_FONT_SIZE = 8;
    public static final int MAX_FONT_SIZE = 32;
    public static final int DEFAULT_FONT_SIZE = 13;

    public UiSettings {
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(language, "language");
        if (!THEMES.contains(theme)) {
            throw new IllegalArgumentException("theme must be light or dark");
        }
        if (fontSize < MIN_FONT_SIZE || fontSize > MAX_FONT_SIZE) {
            throw new IllegalArgumentException("font size must be from " + MIN_FONT_SIZE + " to " + MAX_FONT_SIZE);
        }
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("language must be en, sv or zh_CN (or empty to follow the system)");
        }
    }

    public static UiSettings defaults() {
        return new UiSettings("light", DEFAULT_FONT_SIZE, "");
    }

    /** The language as a locale: the system's when {@link #language} is empty. */
    public Locale locale() {
        return Languages.locale(language);
    }

    public UiSettings withTheme(String newTheme) {
        return new UiSettings(newTheme, fontSize, language);
    }

    public UiSettings withFontSize(int newSize) {
        return new UiSettings(theme, newSize, language);
    }

    public UiSettings withLanguage(String newLanguage) {
        return new UiSettings(theme, fontSize, newLanguage);
    }
}
