package dev.parley.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Parley keeps its config file and its data on each OS.
 *
 * <ul>
 *   <li>Linux and other Unix: {@code $XDG_CONFIG_HOME/parley} (else {@code ~/.config/parley}) and
 *       {@code $XDG_DATA_HOME/parley} (else {@code ~/.local/share/parley});</li>
 *   <li>Windows: {@code %APPDATA%\Parley} and {@code %LOCALAPPDATA%\Parley};</li>
 *   <li>macOS: {@code ~/Library/Application Support/Parley} for both.</li>
 * </ul>
 * Built from the environment, the OS name and the home folder so tests can pass their own.
 */
public record AppDirs(Path configDir, Path dataDir) {

    public static final String CONFIG_FILE_NAME = "parley.toml";

    public static AppDirs forCurrentUser() {
        return resolve(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home", ".")));
    }

    public static AppDirs resolve(Map<String, String> env, String osName, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            Path roaming = pathFrom(env, "APPDATA", home.resolve("AppData").resolve("Roaming"));
            Path local = pathFrom(env, "LOCALAPPDATA", home.resolve("AppData").resolve("Local"));
            return new AppDirs(roaming.resolve("Parley"), local.resolve("Parley"));
        }
        // On Unix the shell's $HOME decides, as XDG says (Java's user.home comes from the password file).
        home = pathFrom(env, "HOME", home);
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            Path support = home.resolve("Library").resolve("Application Support").resolve("Parley");
            return new AppDirs(support, support);
        }
        Path config = pathFrom(env, "XDG_CONFIG_HOME", home.resolve(".config"));
        Path data = pathFrom(env, "XDG_DATA_HOME", home.resolve(".local").resolve("share"));
        return new AppDirs(config.resolve("parley"), data.resolve("parley"));
    }

    public Path configFile() {
        return configDir.resolve(CONFIG_FILE_NAME);
    }

    /** XDG says a relative or empty value must be ignored; the same rule serves Windows well. */
    private static Path pathFrom(Map<String, String> env, String name, Path fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Path path = Path.of(value);
        return path.isAbsolute() ? path : fallback;
    }
}
