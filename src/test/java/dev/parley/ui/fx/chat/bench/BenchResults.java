package dev.parley.ui.fx.chat.bench;

import java.nio.file.Path;
import java.time.Instant;

/** What one run of {@link DesktopBench} was asked to do and measured; filled in as it goes. */
final class BenchResults {

    // asked for
    int history = 100_000;
    int pages = 40;
    int rate = 10_000;
    int seconds = 10;
    Path out;

    // the run
    Instant started;
    String loadBefore;
    String loadAfter;
    FxMonitor.Window idle;

    // history
    double fillSeconds;
    double indexedSeconds;
    /** The first join in a fresh JVM, and a second one after closing the tab. */
    Round cold;
    Round warm;

    // live load
    FxMonitor.Window live;
    FloodSender.Result sent;
    boolean allArrived;
    int delivered;
    int duplicates;
    double drainMs;
    Samples latency;
    int linesAtEnd;
    boolean followingAtEnd;

    // heap after a full GC, bytes
    long heapConnected;
    long heapAfterScroll;
    long heapBeforeLive;
    long heapAfterLive;

    /** One join of the channel and the pages scrolled back after it. */
    static final class Round {
        final String name;
        FxMonitor.Window open;
        double openMs;
        int firstPageLines;
        FxMonitor.Window scroll;
        final Samples pageTimes = new Samples();
        int pagesByView;
        int pagesByModel;
        int linesAfterScroll;

        Round(String name) {
            this.name = name;
        }
    }
}
