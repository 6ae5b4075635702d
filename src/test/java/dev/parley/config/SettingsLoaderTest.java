package dev.parley.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SettingsLoaderTest {

    @TempDir
    Path tmp;

    private AppDirs dirs() {
        return new AppDirs(tmp.resolve("conf"), tmp.resolve("data"));
    }

    @Test
    void missingDefaultFileMeansDefaults() throws ConfigException {
        Settings settings = new SettingsLoader(dirs()).loadDefault();
        assertEquals(Settings.defaults(dirs()), settings);
        assertEquals(6667, settings.server().port());
        assertEquals(tmp.resolve("data").resolve("relay"), settings.server().dataDir());
        assertNull(settings.server().password());
    }

    @Test
    void missingNamedFileIsAnError() {
        ConfigException e = assertThrows(ConfigException.class, () -> new SettingsLoader(dirs()).load(tmp.resolve("nope.toml")));
        assertTrue(e.getMessage().contains("nope.toml: no such file"), e.getMessage());
    }

    @Test
    void readsEveryKey() throws IOException, ConfigException {
        Path file = write("""
                nick = "ada"
                [client]
                server = "lab.lan:7000"
                mode = "mesh"
                channels = ["#lab", "&local"]
                [server]
                bind = "127.0.0.1"
                port = 7000
                data = "relay-data"
                name = "lab.lan"
                password = "s3cret"
                announce = false
                broadcast = "127.255.255.255"
                motd = "Line one\\nLine two"
                max_clients = 500
                max_clients_per_ip = 5
                flood_burst = 8
                flood_rate = 2.5
                [mesh]
                broadcast = "127.255.255.255"
                beacon_port = 6000
                interface = "eth1"
                peers = ["10.8.0.2:7000", "lab-pc:7000", "[fe80::1%eth0]:7000"]
                [ui]
                theme = "dark"
                font_size = 16
                language = "zh_CN"
                """);
        Settings s = new SettingsLoader(dirs()).load(file);
        assertEquals("ada", s.nick());
        assertEquals(new ClientSettings("lab.lan:7000", "mesh", null, List.of("#lab", "&local")), s.client());
        assertEquals(new MeshSettings("127.255.255.255", 6000, "eth1", List.of("10.8.0.2:7000", "lab-pc:7000", "[fe80::1%eth0]:7000")), s.mesh());
        assertEquals(new ServerSettings("127.0.0.1", 7000, tmp.resolve("relay-data"), "lab.lan", "s3cret", false,
                "127.255.255.255", "Line one\nLine two", 500, 5, 8, 2.5), s.server());
        assertEquals(new UiSettings("dark", 16, "zh_CN"), s.ui());
    }

    @Test
    void renderedSettingsReadBackTheSame() throws IOException, ConfigException {
        Settings original = new Settings("weird\"nick\\", new ClientSettings("h:1", "host", "c\"pw", List.of("#a\"b", "#ü")), new ServerSettings("::", 0, tmp.resolve("d ir"), "n", "p\"w", true, "10.255.255.255",
                "m\to\u0001td", 1, 2, 3, 0.5), new MeshSettings("127.255.255.255", 6000, "lo", List.of("10.1.2.3:5000", "[::1]:6")),
                new UiSettings("dark", 32, "sv"));
        Path file = write(SettingsToml.render(original, false));
        assertEquals(original, new SettingsLoader(dirs()).load(file));
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("nick = ", "line 1"),
                Arguments.of("[server\nport = 1", "line 1"),
                Arguments.of("nick = 5", "nick: must be a string, got the integer 5"),
                Arguments.of("nick = \"  \"", "nick: must not be empty"),
                Arguments.of("[server]\nport = \"6667\"", "server.port: must be an integer, got the string \"6667\""),
                Arguments.of("[server]\nport = 70000", "server.port: must be from 0 to 65535, got 70000"),
                Arguments.of("[server]\nport = -1", "server.port: must be from 0 to 65535, got -1"),
                Arguments.of("[server]\nannounce = \"yes\"", "server.announce: must be true or false"),
                Arguments.of("[server]\nprot = 6667", "server.prot: unknown key"),
                Arguments.of("[server]\nflood_rate = -1", "server.flood_rate: must be from 0 to 1000000, got -1"),
                Arguments.of("[server]\nflood_rate = \"fast\"", "server.flood_rate: must be a number"),
                Arguments.of("server = 3", "server: must be a table"),
                Arguments.of("colour = \"red\"", "colour: unknown key"),
                Arguments.of("[client]\nmode = \"carrier pigeon\"", "client.mode: must be one of host, mesh, relay"),
                Arguments.of("[mesh]\npeers = \"a:1\"", "mesh.peers: must be an array of strings"),
                Arguments.of("[mesh]\npeers = [\"a:1\", 2]", "mesh.peers[1]: must be a string, got the integer 2"),
                Arguments.of("[mesh]\npeers = [\"lab-pc:5670\", \"nonsense\"]", "mesh.peers[1]: must be host:port or [IPv6]:port with a port from 1 to 65535, got \"nonsense\""),
                Arguments.of("[mesh]\npeers = [\"lab-pc:70000\"]", "mesh.peers[0]: must be host:port"),
                Arguments.of("[mesh]\npeers = [\"lab-pç:5000\"]", "mesh.peers[0]: must be host:port"),
                Arguments.of("[mesh]\npeers = [\"::1:5670\"]", "mesh.peers[0]: must be host:port"),
                Arguments.of("[client]\nchannels = [\"#ok\", \"lab\"]", "client.channels[1]: must be a channel name such as \"#lab\", got \"lab\""),
                Arguments.of("[client]\nchannels = [\"#a b\"]", "client.channels[0]: must be a channel name"),
                Arguments.of("[mesh]\nbroadcast = \"notanip\"", "mesh.broadcast: must be an IPv4 address such as 255.255.255.255, got \"notanip\""),
                Arguments.of("[server]\nbroadcast = \"10.0.0.256\"", "server.broadcast: must be an IPv4 address"),
                Arguments.of("[ui]\ntheme = \"solarized\"", "ui.theme: must be one of dark, light, got \"solarized\""),
                Arguments.of("[ui]\ntheme = 1", "ui.theme: must be a string, got the integer 1"),
                Arguments.of("[ui]\nfont_size = 7", "ui.font_size: must be from 8 to 32, got 7"),
                Arguments.of("[ui]\nfont_size = 33", "ui.font_size: must be from 8 to 32, got 33"),
                Arguments.of("[ui]\nfont_size = 12.5", "ui.font_size: must be an integer, got the number 12.5"),
                Arguments.of("[ui]\nlanguage = \"de\"", "ui.language: must be one of \"\", en, sv, zh_CN, got \"de\""),
                Arguments.of("[ui]\nlanguage = \"zh-cn\"", "ui.language: must be one of"),
                Arguments.of("[ui]\ncolour = \"red\"", "ui.colour: unknown key (known here: font_size, language, theme)"),
                Arguments.of("ui = \"dark\"", "ui: must be a table"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("broken")
    void brokenFilesNameTheFileAndTheKey(String text, String expected) throws IOException {
        Path file = write(text);
        ConfigException e = assertThrows(ConfigException.class, () -> new SettingsLoader(dirs()).load(file));
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), () -> "expected '" + expected + "' in '" + e.getMessage() + "'");
    }

    @Test
    void anEmptyLanguageFollowsTheSystemAndMissingUiKeysKeepTheirDefaults() throws IOException, ConfigException {
        Settings s = new SettingsLoader(dirs()).load(write("[ui]\nlanguage = \"\"\ntheme = \"dark\"\n"));
        assertEquals(new UiSettings("dark", UiSettings.DEFAULT_FONT_SIZE, ""), s.ui());
    }

    @Test
    void defaultNickComesFromTheLoginName() {
        assertEquals("ada", Settings.defaultNick("ada"));
        assertEquals("JohnSmith", Settings.defaultNick("John Smith"));
        assertEquals("parley", Settings.defaultNick("1234"));
        assertEquals("parley", Settings.defaultNick("åäö"));
        assertEquals(30, Settings.defaultNick("a".repeat(40)).length());
    }

    private Path write(String text) throws IOException {
        Path file = tmp.resolve("parley.toml");
        Files.writeString(file, text);
        return file;
    }
}
