package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.config.AppDirs;
import dev.parley.config.Settings;
import dev.parley.config.SettingsLoader;
import dev.parley.config.UiSettings;
import dev.parley.ui.fx.DesktopContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI in-process: exit codes and what it prints. */
class MainTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** No display unless a test sets one, so nothing here depends on the machine's screen. */
    private DisplayCheck display = new DisplayCheck(Map.of(), "Linux", null);
    /** Stands in for the desktop app: records what it was given and returns {@link #desktopExit}. */
    private final List<DesktopContext> desktopStarts = new ArrayList<>();
    private int desktopExit = 0;

    private int run(String... args) {
        AppDirs dirs = new AppDirs(tmp.resolve("conf"), tmp.resolve("data"));
        return Main.run(dirs, display, context -> {
            desktopStarts.add(context);
            return desktopExit;
        }, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void helpListsOptionsAndExitsZero() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("Usage: parley"), out.toString());
        assertTrue(out.toString().contains("--config=FILE"), out.toString());
        assertTrue(out.toString().contains("--version"), out.toString());
    }

    @Test
    void versionComesFromThePom() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().matches("(?s)Parley \\d+\\.\\d+\\.\\d+.*"), out.toString());
        assertFalse(out.toString().contains("${"), "version was not filtered: " + out);
    }

    @Test
    void helpSaysThatParleyAloneOpensTheDesktopApp() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("Run 'parley' alone to open the desktop app."), out.toString());
    }

    @Test
    void noArgumentsWithoutADisplaySaysWhatToRunInsteadAndExitsOne() {
        assertEquals(1, run());
        assertEquals(ParleyCommand.NO_DISPLAY, err.toString().strip());
        assertTrue(ParleyCommand.NO_DISPLAY.contains("parley console"), ParleyCommand.NO_DISPLAY);
        assertEquals("", out.toString());
        assertEquals(List.of(), desktopStarts);
    }

    @Test
    void noArgumentsWithADisplayStartsTheDesktopAppWithTheSettingsAndReturnsItsExitCode() throws Exception {
        display = new DisplayCheck(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null);
        desktopExit = 7;
        Path file = tmp.resolve("p.toml");
        Files.writeString(file, "nick = \"ada\"\n[client]\nmode = \"mesh\"\n[ui]\ntheme = \"dark\"\n");
        assertEquals(7, run("--config", file.toString()));
        assertEquals(1, desktopStarts.size());
        DesktopContext context = desktopStarts.getFirst();
        assertEquals("ada", context.settings().nick());
        assertEquals("dark", context.settings().ui().theme());
        assertFalse(context.firstStart(), "the file says how to connect");
        assertEquals("", err.toString());
    }

    @Test
    void aConfigFileThatSaysNothingOfConnectingStillMeansTheFirstStart() throws Exception {
        display = new DisplayCheck(Map.of("DISPLAY", ":0"), "Linux", null);
        Path file = tmp.resolve("p.toml");
        Files.writeString(file, "nick = \"ada\"\n[server]\nport = 6668\n");
        assertEquals(0, run("--config", file.toString()));
        assertTrue(desktopStarts.getFirst().firstStart(), "no [client]: the app should ask how to connect");
    }

    @Test
    void withoutAConfigFileTheDesktopAppIsToldItIsTheFirstStart() {
        display = new DisplayCheck(Map.of("DISPLAY", ":0"), "Linux", null);
        assertEquals(0, run());
        assertTrue(desktopStarts.getFirst().firstStart());
    }

    @Test
    void theDesktopAppSavesSettingsToTheConfigFileInUse() throws Exception {
        display = new DisplayCheck(Map.of("DISPLAY", ":0"), "Linux", null);
        Path file = tmp.resolve("sub").resolve("p.toml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "nick = \"ada\"\n");
        assertEquals(0, run("--config", file.toString()));
        DesktopContext context = desktopStarts.getFirst();
        context.saver().accept(context.settings().withUi(new UiSettings("dark", 20, "sv")));
        Settings saved = new SettingsLoader(new AppDirs(tmp.resolve("conf"), tmp.resolve("data"))).load(file);
        assertEquals(new UiSettings("dark", 20, "sv"), saved.ui());
        assertEquals("ada", saved.nick());
    }

    @Test
    void aSaveThatFailsIsLoggedNotThrownIntoTheApp() throws IOException {
        display = new DisplayCheck(Map.of("DISPLAY", ":0"), "Linux", null);
        Files.writeString(tmp.resolve("conf"), "a file where the config folder should be");
        assertEquals(0, run());
        DesktopContext context = desktopStarts.getFirst();
        assertDoesNotThrow(() -> context.saver().accept(context.settings().withNick("bob")));
        assertFalse(Files.isDirectory(tmp.resolve("conf")));
    }

    @Test
    void aBrokenConfigIsReportedBeforeTheDisplayIsAskedFor() throws IOException {
        Path file = tmp.resolve("bad.toml");
        Files.writeString(file, "[ui]\nfont_size = 99\n");
        assertEquals(2, run("--config", file.toString()));
        assertTrue(err.toString().contains("ui.font_size: must be from 8 to 32, got 99"), err.toString());
        assertEquals(List.of(), desktopStarts);
    }

    @Test
    void unknownOptionIsBadUsage() {
        assertEquals(2, run("--frobnicate"));
        assertTrue(err.toString().startsWith("parley: Unknown option: '--frobnicate'"), err.toString());
        assertTrue(err.toString().contains("Try 'parley --help' for more."), err.toString());
    }

    @Test
    void brokenConfigIsExitTwoWithFileAndKeyAndNoStackTrace() throws IOException {
        Path file = tmp.resolve("bad.toml");
        Files.writeString(file, "[server]\nport = \"high\"\n");
        assertEquals(2, run("--config", file.toString()));
        String message = err.toString();
        assertTrue(message.contains(file + ": server.port: must be an integer"), message);
        assertFalse(message.contains("Exception"), message);
        assertFalse(message.contains("\tat "), message);
    }

    @Test
    void missingConfigNamedOnTheCommandLineIsExitTwo() {
        assertEquals(2, run("--config", tmp.resolve("missing.toml").toString(), "config"));
        assertTrue(err.toString().contains("missing.toml: no such file"), err.toString());
        assertEquals("", out.toString(), "it also said the file was not there yet, with defaults in use");
    }

    @Test
    void aNumberOutOfRangeOnTheCommandLineIsBadUsageAsInTheFile() {
        assertEquals(2, run("server", "--port", "70000"));
        assertTrue(err.toString().startsWith("parley: --port: must be from 0 to 65535, got 70000"), err.toString());
        assertTrue(err.toString().contains("Try 'parley server --help' for more."), err.toString());
        assertEquals(2, run("server", "--max-clients", "-5"));
        assertTrue(err.toString().contains("--max-clients: must be from 1 to 1000000, got -5"), err.toString());
        assertEquals(2, run("console", "--mesh", "--beacon-port", "0"));
        assertTrue(err.toString().contains("--beacon-port: must be from 1 to 65535, got 0"), err.toString());
    }

    @Test
    void anEmptyRelayNameIsBadUsage() {
        assertEquals(2, run("server", "--name", " "));
        assertTrue(err.toString().contains("--name must not be empty"), err.toString());
    }

    @Test
    void aMeshPeerThatIsNotHostAndPortIsBadUsageWithoutATrace() {
        assertEquals(2, run("console", "--mesh", "127.0.0.1"));
        assertTrue(err.toString().contains("'127.0.0.1' is not host:port"), err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
    }

    @Test
    void aNickThatIsNoNickIsBadUsageBeforeAnythingStarts() throws IOException {
        assertEquals(2, run("console", "--mesh", "--nick", "åsa"));
        assertTrue(err.toString().startsWith("parley: 'åsa' (--nick) is not a nick: up to 30 letters a-z"), err.toString());
        assertFalse(Files.exists(tmp.resolve("data").resolve("mesh")), "no history folder made for it");
        Path file = tmp.resolve("p.toml");
        Files.writeString(file, "nick = \"9lives\"\n");
        assertEquals(2, run("--config", file.toString(), "console", "127.0.0.1"));
        assertTrue(err.toString().contains("'9lives' (nick in " + file + ") is not a nick"), err.toString());
    }

    @Test
    void configShowsThePathAndTheEffectiveSettingsWithThePasswordHidden() throws IOException {
        Path file = tmp.resolve("p.toml");
        Files.writeString(file, "nick = \"ada\"\n[server]\nport = 7001\npassword = \"hunter2\"\n[ui]\ntheme = \"dark\"\n");
        assertEquals(0, run("--config", file.toString(), "config"));
        String shown = out.toString();
        assertTrue(shown.contains("# config file: " + file), shown);
        assertTrue(shown.contains("nick = \"ada\""), shown);
        assertTrue(shown.contains("port = 7001"), shown);
        assertTrue(shown.contains("[ui]\ntheme = \"dark\"\nfont_size = 13\n"), shown);
        assertFalse(shown.contains("hunter2"), shown);
    }

    @Test
    void configPathPrintsTheDefaultFile() {
        assertEquals(0, run("config", "--path"));
        assertEquals(tmp.resolve("conf").resolve("parley.toml").toString(), out.toString().strip());
    }
}
