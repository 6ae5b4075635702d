package dev.parley.ui.console;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the console runs.
 *
 * @param colour      colour nicks and errors (off with NO_COLOR or when output is not a terminal)
 * @param historyFile where typed lines are remembered between runs, or null for nowhere
 * @param waitLimit   in a script: how long to wait to connect, to join, and for messages to be sent
 * @param linger      in a script: how long to stay after the end of input once everything is sent;
 *                    the mesh needs it, since peers that find this one late fetch its messages from it
 */
public record ConsoleOptions(boolean colour, Path historyFile, Duration waitLimit, Duration linger) {
}
