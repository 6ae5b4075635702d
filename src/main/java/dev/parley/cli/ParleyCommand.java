package dev.parley.cli;

import dev.parley.config.AppDirs;
import dev.parley.config.ConfigException;
import dev.parley.config.MeshSettings;
import dev.parley.config.Settings;
import dev.parley.config.SettingsFile;
import dev.parley.config.SettingsLoader;
import dev.parley.discovery.BeaconSettings;
import dev.parley.ui.fx.DesktopContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parley}: the top command. Alone it opens the desktop app; its subcommands are the other ways to run Parley. */
@Command(name = "parley",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Chat on your LAN: a desktop app, a terminal client and an IRC-compatible relay, with or without a server.",
                "Run 'parley' alone to open the desktop app."},
        subcommands = {ConsoleCommand.class, ServerCommand.class, ConfigCommand.class, AotTrainingCommand.class},
        footer = {"", "Settings are read from parley.toml in the config folder (see 'parley config'), "
                + "and flags override them. The desktop app saves its own changes there."})
final class ParleyCommand implements Callable<Integer> {

    static final String NO_DISPLAY = "parley: no display found for the desktop app; use 'parley console' in a terminal "
            + "or 'parley server' for a relay (see --help)";
    private static final Logger log = LoggerFactory.getLogger(ParleyCommand.class);

    private final AppDirs dirs;
    private final DisplayCheck display;
    private final ToIntFunction<DesktopContext> desktopApp;

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Read settings from FILE, not the default parley.toml.")
    private Path configFile;

    private Settings settings;

    ParleyCommand(AppDirs dirs, DisplayCheck display, ToIntFunction<DesktopContext> desktopApp) {
        this.dirs = dirs;
        this.display = display;
        this.desktopApp = desktopApp;
    }

    AppDirs dirs() {
        return dirs;
    }

    /** The config file in use: the one given with --config, or the default one. */
    Path configFile() {
        return configFile != null ? configFile : dirs.configFile();
    }

    /** Settings from the config file, loaded once. */
    Settings settings() throws ConfigException {
        if (settings == null) {
            SettingsLoader loader = new SettingsLoader(dirs);
            settings = configFile != null ? loader.load(configFile) : loader.loadDefault();
        }
        return settings;
    }

    /** The desktop app, wired here: the app itself may not build transports, relays or directories. */
    @Override
    public Integer call() throws ConfigException {
        Settings loaded = settings(); // a broken config file is exit 2 before anything opens
        if (!display.found()) {
            spec.commandLine().getErr().println(NO_DISPLAY);
            return Main.EXIT_FAILURE;
        }
        // Decided before the app runs: its first save writes [client]. A file without it (only a
        // nick, say) has no choice in it yet: the app asks, rather than trying localhost.
        boolean firstStart = !SettingsLoader.choosesConnection(configFile());
        MeshSettings mesh = loaded.mesh();
        // A hosted relay announces on the port the app's relay list listens to ([mesh] beacon_port),
        // so two desktop apps with the same settings find each other's relays.
        BeaconSettings relayBeacons = BeaconSettings.defaults().withPort(mesh.beaconPort()).withNetworkInterface(mesh.iface());
        // No password to fall back on: the connect dialog's relay carries its own ([client] password
        // fills the field), so a password the user clears there is not sent anyway.
        try (Transports transports = new Transports(dirs.dataDir(), mesh)) {
            DesktopContext context = new DesktopContext(loaded, saver(new SettingsFile(configFile())), transports.factory(),
                    new LocalRelayHosting(loaded.server(), relayBeacons), new LanRelayFinder(mesh), firstStart);
            return desktopApp.applyAsInt(context);
        }
    }

    /** The app cannot do more about a failed save than tell the log; the old file stays as it was. */
    private static Consumer<Settings> saver(SettingsFile file) {
        return changed -> {
            try {
                file.save(changed);
            } catch (IOException e) {
                log.warn("{}", e.getMessage());
            }
        };
    }
}
