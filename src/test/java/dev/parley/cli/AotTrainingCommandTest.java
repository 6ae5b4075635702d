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
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parley aot-training}, the session the installer build records for the launcher's AOT
 * cache: in-process, headless, against its own relay on 127.0.0.1. Each step it reports is one it
 * waited for (the first page, each older page, the last live line), so the numbers are what the
 * desktop app did.
 */
class AotTrainingCommandTest {

    private static final Pattern REPORT = Pattern.compile(
            "AOT training: opened #aot-training with (\\d+) lines, paged back (\\d+) times, took (\\d+) live lines");

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        AppDirs dirs = new AppDirs(tmp.resolve("conf"), tmp.resolve("data"));
        return Main.run(dirs, new DisplayCheck(Map.of(), "Linux", null), context -> {
            throw new AssertionError("the training must not open the user's desktop app");
        }, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void runsTheDesktopSessionAgainstItsOwnRelayAndLeavesNothingBehind() throws IOException {
        List<Path> before = trainingFolders();

        assertEquals(0, run("aot-training"), err.toString());

        Matcher report = REPORT.matcher(out.toString());
        assertTrue(report.find(), out.toString());
        assertTrue(Integer.parseInt(report.group(1)) >= 20, "first page: " + report.group(1));
        assertEquals(15, Integer.parseInt(report.group(2)));
        assertEquals(AotTrainingCommand.LIVE, Integer.parseInt(report.group(3)));
        assertEquals(before, trainingFolders(), "the temporary folder is deleted");
        assertFalse(Files.exists(tmp.resolve("conf").resolve(AppDirs.CONFIG_FILE_NAME)), "the user's settings are not written");
    }

    @Test
    void isLeftOutOfTheHelp() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("server"), out.toString());
        assertFalse(out.toString().contains("aot-training"), out.toString());
    }

    private static List<Path> trainingFolders() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("parley-aot-training")).sorted().toList();
        }
    }
}
