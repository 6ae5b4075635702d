package dev.parley.config;

import java.nio.file.Path;

/**
 * A config file that cannot be used. The message names the file, the key (or line) and what is
 * wrong, ready to show a user as it is.
 */
public final class ConfigException extends Exception {

    public ConfigException(Path file, String where, String problem) {
        super(file + ": " + where + ": " + problem);
    }

    public ConfigException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
