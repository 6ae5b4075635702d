package dev.parley.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AppDirsTest {

    static Stream<Arguments> cases() {
        Path home = Path.of("/home/ada");
        return Stream.of(
                Arguments.of("Linux", Map.of(), home, "/home/ada/.config/parley", "/home/ada/.local/share/parley"),
                Arguments.of("Linux", Map.of("XDG_CONFIG_HOME", "/x/conf", "XDG_DATA_HOME", "/x/data"), home,
                        "/x/conf/parley", "/x/data/parley"),
                Arguments.of("Linux", Map.of("XDG_CONFIG_HOME", "relative", "XDG_DATA_HOME", ""), home,
                        "/home/ada/.config/parley", "/home/ada/.local/share/parley"),
                Arguments.of("FreeBSD", Map.of(), home, "/home/ada/.config/parley", "/home/ada/.local/share/parley"),
                Arguments.of("Linux", Map.of("HOME", "/tmp/sandbox"), home,
                        "/tmp/sandbox/.config/parley", "/tmp/sandbox/.local/share/parley"),
                Arguments.of("Linux", Map.of("HOME", ""), home, "/home/ada/.config/parley", "/home/ada/.local/share/parley"),
                Arguments.of("Mac OS X", Map.of(), Path.of("/Users/ada"),
                        "/Users/ada/Library/Application Support/Parley", "/Users/ada/Library/Application Support/Parley"),
                Arguments.of("Windows 11", Map.of("APPDATA", "/c/Users/ada/AppData/Roaming", "LOCALAPPDATA", "/c/Users/ada/AppData/Local"),
                        Path.of("/c/Users/ada"), "/c/Users/ada/AppData/Roaming/Parley", "/c/Users/ada/AppData/Local/Parley"));
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @MethodSource("cases")
    void picksTheFoldersOfEachOs(String os, Map<String, String> env, Path home, String config, String data) {
        AppDirs dirs = AppDirs.resolve(env, os, home);
        assertEquals(Path.of(config), dirs.configDir());
        assertEquals(Path.of(data), dirs.dataDir());
        assertEquals(Path.of(config, "parley.toml"), dirs.configFile());
    }
}
