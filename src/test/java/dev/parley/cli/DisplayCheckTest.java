package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisplayCheckTest {

    @ParameterizedTest(name = "{0}, DISPLAY={1}, WAYLAND_DISPLAY={2}, glass={3}: {4}")
    @CsvSource(nullValues = "-", value = {
            "Linux,      -,   -,         -,        false",
            "Linux,      '',  ' ',       -,        false",
            "Linux,      :0,  -,         -,        true",
            "Linux,      -,   wayland-0, -,        true",
            "FreeBSD,    -,   -,         -,        false",
            "Linux,      -,   -,         Headless, true",
            "Linux,      -,   -,         gtk,      false",
            "Windows 11, -,   -,         -,        true",
            "Mac OS X,   -,   -,         -,        true"})
    void aDisplayIsFoundOnlyWhereAWindowCanOpen(String os, String display, String wayland, String glass, boolean found) {
        Map<String, String> env = new java.util.HashMap<>();
        if (display != null) {
            env.put("DISPLAY", display);
        }
        if (wayland != null) {
            env.put("WAYLAND_DISPLAY", wayland);
        }
        assertEquals(found, new DisplayCheck(env, os, glass).found());
    }
}
