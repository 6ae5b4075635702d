package dev.parley.cli;

import dev.parley.config.AppDirs;
import dev.parley.config.ConfigException;
import dev.parley.config.Settings;
import dev.parley.config.SettingsLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parley}: the top command. Its subcommands are the ways to run Parley. */
@Command(name = "parley",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Chat on your LAN: an IRC-compatible relay and a terminal client, with or without a server.",
        subcommands = {ConsoleCommand.class, ServerCommand.class, ConfigCommand.class},
        footer = {"", "Settings are read from parley.toml in the config folder (see 'parley config'), "
                + "and flags override them."})
final class ParleyCommand implements Callable<Integer> {

    private final AppDirs dirs;

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Read settings from FILE instead of the default parley.toml.")
    private Path configFile;

    private Settings settings;

    ParleyCommand(AppDirs dirs) {
        this.dirs = dirs;
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

    @Override
    public Integer call() throws ConfigException {
        settings(); // a broken config file is reported even when there is nothing else to do
        spec.commandLine().usage(spec.commandLine().getOut());
        return Main.EXIT_OK;
    }
}
