import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Gives a jpackage app-image an ahead-of-time cache (JDK 25, JEP 483 and 515): the classes a
 * desktop session loads, already parsed and linked, and the method profiles it gathered, mapped
 * by the launcher at every start. Measured, it halves {@code parley --version} and shortens the
 * first room's longest frame ({@code docs/BENCHMARKS.md}, "The AOT cache").
 *
 * <p>The cache must come from the runtime and class path it is used with, and the app-image's
 * runtime has no {@code java} command, so the app's own launcher makes it, in three runs with
 * options added to its {@code .cfg} for the run: record ({@code parley aot-training}, a scripted
 * headless session, {@code AotTrainingCommand}), create, then a check that the launcher maps it.
 * The launchers' {@code .cfg} files keep {@code -XX:AOTCache=$APPDIR/parley.aot}. The cache names
 * the class path relative to the app folder, so the installed app (/opt/parley) can use it.
 * Run by {@link Packager}; the training's own output goes to a log file next to the image.
 */
final class AotCache {

    static final String FILE = "parley.aot";
    private static final String CONFIGURATION = "parley.aotconf";
    private static final long TRAINING_LIMIT_SECONDS = 180;

    private final Path appDir;
    private final Path launcher;
    private final Path launcherCfg;
    private final Path logFile;

    /**
     * @param appDir   the image's app folder (its {@code .cfg} files and jars)
     * @param launcher the console launcher the training runs as
     * @param logFile  where the runs' output goes
     */
    AotCache(Path appDir, Path launcher, Path logFile) {
        this.appDir = appDir;
        this.launcher = launcher;
        String name = launcher.getFileName().toString().replaceFirst("\\.exe$", "");
        this.launcherCfg = appDir.resolve(name + ".cfg");
        this.logFile = logFile;
    }

    /**
     * Records, creates and checks the cache, and adds it to every launcher's {@code .cfg}.
     *
     * @return one line for the build's summary: the cache's size and path, what the training did
     * @throws IOException when a run fails or the launcher does not map the cache; the message
     *                     says which, and the log file has the run's output
     */
    String make() throws IOException, InterruptedException {
        Map<Path, String> cfgs = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(appDir)) {
            for (Path cfg : files.filter(f -> f.getFileName().toString().endsWith(".cfg")).sorted().toList()) {
                cfgs.put(cfg, Files.readString(cfg, StandardCharsets.UTF_8));
            }
        }
        String original = cfgs.get(launcherCfg);
        if (original == null) {
            throw new IOException("no " + launcherCfg + " for the launcher " + launcher);
        }
        Files.deleteIfExists(logFile);
        Path configuration = appDir.resolve(CONFIGURATION);
        Path cache = appDir.resolve(FILE);
        try {
            Files.writeString(launcherCfg, withOptions(original, "-XX:AOTMode=record",
                    "-XX:AOTConfiguration=$APPDIR/" + CONFIGURATION), StandardCharsets.UTF_8);
            String trained = run("the training run (record)", "aot-training");
            Files.writeString(launcherCfg, withOptions(original, "-XX:AOTMode=create",
                    "-XX:AOTConfiguration=$APPDIR/" + CONFIGURATION, "-XX:AOTCache=$APPDIR/" + FILE), StandardCharsets.UTF_8);
            run("creating the cache", "--version");
            if (!Files.isRegularFile(cache)) {
                throw new IOException("the create run made no " + cache + " (see " + logFile + ")");
            }
            Files.writeString(launcherCfg, withOptions(original, "-XX:AOTCache=$APPDIR/" + FILE, "-Xlog:aot=info"),
                    StandardCharsets.UTF_8);
            String check = run("checking the launcher maps it", "--version");
            if (!check.contains("Using AOT-linked classes: true")) {
                throw new IOException("the launcher does not use the cache it was given (see " + logFile + ")");
            }
            for (Map.Entry<Path, String> cfg : cfgs.entrySet()) {
                Files.writeString(cfg.getKey(), withOptions(cfg.getValue(), "-XX:AOTCache=$APPDIR/" + FILE), StandardCharsets.UTF_8);
            }
            String session = trained.lines().filter(l -> l.startsWith("AOT training:")).findFirst()
                    .map(l -> l.substring("AOT training: ".length())).orElse("training done");
            return String.format(java.util.Locale.ROOT, "%.1f MiB  %s (training: %s)", Files.size(cache) / (1024.0 * 1024.0),
                    cache, session);
        } catch (IOException | InterruptedException | RuntimeException e) {
            for (Map.Entry<Path, String> cfg : cfgs.entrySet()) { // no launcher left pointing at a missing cache
                Files.writeString(cfg.getKey(), cfg.getValue(), StandardCharsets.UTF_8);
            }
            Files.deleteIfExists(cache);
            throw e;
        } finally {
            Files.deleteIfExists(configuration);
        }
    }

    /** A {@code .cfg} with {@code options} added to its [JavaOptions] section (jpackage's format: one per line). */
    static String withOptions(String cfg, String... options) {
        List<String> lines = new ArrayList<>(cfg.lines().toList());
        int section = lines.indexOf("[JavaOptions]");
        if (section < 0) {
            lines.add("[JavaOptions]");
            section = lines.size() - 1;
        }
        int end = section + 1;
        while (end < lines.size() && !lines.get(end).startsWith("[")) {
            end++;
        }
        while (end > section + 1 && lines.get(end - 1).isBlank()) {
            end--;
        }
        List<String> added = new ArrayList<>();
        for (String option : options) {
            added.add("java-options=" + option);
        }
        lines.addAll(end, added);
        return String.join("\n", lines) + "\n";
    }

    /** Runs the launcher with {@code arg}; its output goes to the log file and is returned. */
    private String run(String step, String arg) throws IOException, InterruptedException {
        Path out = Files.createTempFile(logFile.getParent(), "aot-run", ".log");
        try {
            Process p = new ProcessBuilder(launcher.toString(), arg).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
            if (!p.waitFor(TRAINING_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(step + ": still running after " + TRAINING_LIMIT_SECONDS + " s (see " + logFile + ")");
            }
            String output = Files.readString(out, StandardCharsets.UTF_8);
            Files.writeString(logFile, "=== " + step + ": " + launcher + " " + arg + " -> exit " + p.exitValue() + "\n" + output,
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            if (p.exitValue() != 0) {
                throw new IOException(step + " failed with exit code " + p.exitValue() + " (see " + logFile + ")");
            }
            return output;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows") ? "NUL" : "/dev/null");
    }
}
