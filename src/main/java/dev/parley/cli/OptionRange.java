package dev.parley.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * A number given on the command line outside what it may be is bad usage: picocli says so with
 * the command's usage and exit code 2, as the same key in {@code parley.toml} gets.
 */
final class OptionRange {

    private OptionRange() {
    }

    /** {@code value}, or null when the option was not given; bad usage outside {@code min..max}. */
    static Integer check(CommandSpec spec, String option, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new ParameterException(spec.commandLine(),
                    option + ": must be from " + min + " to " + max + ", got " + value);
        }
        return value;
    }
}
