package dev.parley.cli;

import dev.parley.config.ConfigException;
import dev.parley.config.Settings;
import dev.parley.config.SettingsToml;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code parley config}: where the config file is, and the settings in effect. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Show where parley.toml lives and the settings in effect (file values over defaults).")
final class ConfigCommand implements Callable<Integer> {

    @ParentCommand
    private ParleyCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--path", description = "Print only the config file's path.")
    private boolean pathOnly;

    @Override
    public Integer call() throws ConfigException {
        var out = spec.commandLine().getOut();
        if (pathOnly) {
            out.println(parent.configFile());
            return Main.EXIT_OK;
        }
        Settings settings = parent.settings(); // first: a file named with --config must exist
        String state = Files.exists(parent.configFile()) ? "" : " (not there yet: defaults in use)";
        out.println("# config file: " + parent.configFile() + state);
        out.println("# data folder: " + parent.dirs().dataDir());
        out.print(SettingsToml.render(settings, true));
        out.flush();
        return Main.EXIT_OK;
    }
}
