package dev.parley.cli;

import dev.parley.config.AppDirs;
import dev.parley.config.ConfigException;
import dev.parley.ui.fx.DesktopApp;
import dev.parley.ui.fx.DesktopContext;
import java.io.PrintWriter;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.UnmatchedArgumentException;
import sun.misc.Signal;

/**
 * Builds the command line and maps outcomes to exit codes: 0 ok, 1 runtime failure, 2 bad
 * usage or bad config. Returns the code instead of exiting so tests can run it in-process.
 */
public final class Main {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static int run(String... args) {
        return run(AppDirs.forCurrentUser(), new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(AppDirs dirs, PrintWriter out, PrintWriter err, String... args) {
        // A lambda, not DesktopApp::run: the class (and JavaFX behind it) loads only when called.
        return run(dirs, DisplayCheck.current(), context -> DesktopApp.run(context, Main::onStopSignals), out, err, args);
    }

    /**
     * SIGTERM (a logout, {@code kill}), Ctrl-C and SIGHUP (its terminal closing) run {@code stop}:
     * the desktop app ends as closing its window does, the relay and the console as their own way
     * out does (clients told, store closed, a goodbye sent), instead of the JVM's shutdown cutting
     * them off. A signal the process was started with ignored ({@code nohup}) stays ignored.
     */
    static void onStopSignals(Runnable stop) {
        onStopSignals(stop, "TERM", "INT", "HUP");
    }

    /** As {@link #onStopSignals(Runnable)}, for the signals named ("TERM", "INT", "HUP"). */
    static void onStopSignals(Runnable stop, String... names) {
        for (String name : names) {
            try {
                Signal.handle(new Signal(name), signal -> stop.run());
            } catch (IllegalArgumentException e) {
                log.debug("SIG{} stays with the JVM: {}", name, e.getMessage());
            }
        }
    }

    /** With the display check and the desktop app given, so tests need neither a screen nor JavaFX. */
    static int run(AppDirs dirs, DisplayCheck display, ToIntFunction<DesktopContext> desktopApp, PrintWriter out,
                   PrintWriter err, String... args) {
        if (args.length > 0 && args[0].equals("--console")) {
            args = args.clone();
            args[0] = "console"; // "parley --console" is an alias of "parley console"
        }
        CommandLine cli = new CommandLine(new ParleyCommand(dirs, display, desktopApp));
        cli.setOut(out);
        cli.setErr(err);
        // Bad usage: one line saying what is wrong, as every other error of ours, and where the
        // help is (rather than the whole usage, which buries the line that matters).
        cli.setParameterExceptionHandler((e, given) -> {
            err.println("parley: " + e.getMessage());
            UnmatchedArgumentException.printSuggestions(e, err);
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more.");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException) {
                err.println("parley: " + e.getMessage());
                return EXIT_USAGE;
            }
            log.debug("command failed", e);
            err.println("parley: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return EXIT_FAILURE;
        });
        return cli.execute(args);
    }
}
