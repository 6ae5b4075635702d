package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.config.AppDirs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI in-process: exit codes and what it prints. */
class MainTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        AppDirs dirs = new AppDirs(tmp.resolve("conf"), tmp.resolve("data"));
        return Main.run(dirs, new PrintWriter(out, true), new PrintWriter(err, true), args);
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
    void noArgumentsPrintsUsage() {
        assertEquals(0, run());
        assertTrue(out.toString().contains("Usage: parley"), out.toString());
    }

    @Test
    void unknownOptionIsBadUsage() {
        assertEquals(2, run("--frobnicate"));
        assertTrue(err.toString().contains("Unknown option: '--frobnicate'"), err.toString());
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
