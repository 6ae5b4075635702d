package dev.parley.ui.fx.chat.bench;

import dev.parley.ui.fx.chat.RoomViewModel;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The markdown report of one {@link DesktopBench} run. */
final class DesktopReport {

    /** Heap growth over the live load below which memory counts as bounded (see docs/BENCHMARKS.md). */
    static final long BOUNDED_GROWTH_BYTES = 16L << 20;

    private final BenchResults r;
    private final StringBuilder out = new StringBuilder();

    DesktopReport(BenchResults r) {
        this.r = r;
    }

    String markdown() {
        line("## Desktop client: %s, commit `%s`", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault())
                .format(r.started), System.getProperty("bench.commit", "unknown"));
        line("");
        line("Java %s, %d CPUs, %s, max heap %d MiB, JVM options `%s`; JavaFX %s, headless (`glass.platform=Headless`, "
                        + "`prism.order=sw`); load average %s before, %s after.",
                System.getProperty("java.vm.version"), Runtime.getRuntime().availableProcessors(), collectors(),
                Runtime.getRuntime().maxMemory() >> 20, jvmOptions(), System.getProperty("javafx.runtime.version", "?"),
                r.loadBefore, r.loadAfter);
        line("");
        line("### Opening and scrolling a channel of %,d messages", r.history);
        line("");
        line("| metric | first join (fresh JVM) | again (tab closed, joined again) |");
        line("| --- | ---: | ---: |");
        line("| join to the first page laid out | %.0f ms (%d messages) | %.0f ms (%d messages) |", r.cold.openMs,
                r.cold.firstPageLines, r.warm.openMs, r.warm.firstPageLines);
        line("| older page (50 lines): scroll bar to the top to the page laid out, p50 / max (%d pages) | %s / %s ms | %s / %s ms |",
                r.pages, ms(r.cold.pageTimes.percentileMs(50)), ms(r.cold.pageTimes.maxMs()),
                ms(r.warm.pageTimes.percentileMs(50)), ms(r.warm.pageTimes.maxMs()));
        line("| pages asked for by the view's scroll-bar listener / by the bench (fallback) | %d / %d | %d / %d |",
                r.cold.pagesByView, r.cold.pagesByModel, r.warm.pagesByView, r.warm.pagesByModel);
        line("| lines in the room after scrolling | %,d | %,d |", r.cold.linesAfterScroll, r.warm.linesAfterScroll);
        line("");
        line("The store was filled with %,d appends in %.1f s before the relay started; its search index had caught up "
                + "after %.1f s, before anything was measured.", r.history, r.fillSeconds, r.indexedSeconds);
        line("");
        line("### Live load: %,d messages/s for %d s into %s, the list following the end", r.rate, r.seconds, DesktopBench.CHANNEL);
        line("");
        line("| metric | value |");
        line("| --- | ---: |");
        line("| sent | %,d in %.2f s |", r.sent.sent(), r.sent.seconds());
        line("| delivered to the view model | %,d (%,d missing, %,d duplicates) |", r.delivered, r.sent.sent() - r.delivered,
                r.duplicates);
        line("| last line delivered after the last send | %.0f ms |", r.drainMs);
        line("| due time to the FX thread, p50 / p99 / max | %s / %s / %s ms |", ms(r.latency.percentileMs(50)),
                ms(r.latency.percentileMs(99)), ms(r.latency.maxMs()));
        line("| lines in the room at the end | %,d (%s) |", r.linesAtEnd, r.followingAtEnd ? "following" : "not following");
        line("| heap after a full GC: connected / after scrolling / before the load / after the load | %s / %s / %s / %s MiB |",
                mib(r.heapConnected), mib(r.heapAfterScroll), mib(r.heapBeforeLive), mib(r.heapAfterLive));
        line("");
        line("### FX thread");
        line("");
        line("| stretch | s | frame gap p50 / p99 / max (ms) | gaps > %.0f ms (with a collection in them) | runLater delay p50 / p99 / max (ms) "
                + "| CSS+layout per pulse p99 / max (ms) | FX thread's CPU in the longest | FX thread CPU | process CPU "
                + "| GC pauses: n, total, max (ms) |", DesktopBench.STALL_MS);
        line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (FxMonitor.Window w : List.of(r.idle, r.cold.open, r.cold.scroll, r.warm.open, r.warm.scroll, r.live)) {
            line("| %s | %.1f | %s / %s / %s | %s | %s / %s / %s | %s / %s | %s ms | %.0f %% | %.0f %% | %d, %s, %s |", w.name, w.seconds(),
                    ms(w.frameGaps.percentileMs(50)), ms(w.frameGaps.percentileMs(99)), ms(w.frameGaps.maxMs()),
                    stallCount(w),
                    ms(w.probeDelays.percentileMs(50)), ms(w.probeDelays.percentileMs(99)), ms(w.probeDelays.maxMs()),
                    ms(w.layouts.percentileMs(99)), ms(w.layouts.maxMs()), ms(w.longestLayoutCpuNanos / 1e6),
                    w.fxCpuPercent(), w.processCpuPercent(),
                    w.gcPauses().count(), ms(w.gcPauses().sumMs()), w.gcPauses().count() == 0 ? "-" : ms(w.gcPauses().maxMs()));
        }
        line("");
        line("### Against the targets");
        line("");
        line("| target | result |");
        line("| --- | --- |");
        line("| a channel of %,d messages opens without a visible stall (no frame gap or runLater delay over %.0f ms): "
                + "first join | %s |", r.history, DesktopBench.STALL_MS, stall(r.cold.open));
        line("| ... joined again | %s |", stall(r.warm.open));
        line("| ... and scrolls back %d pages without one: first join | %s |", r.pages, stall(r.cold.scroll));
        line("| ... joined again | %s |", stall(r.warm.scroll));
        line("| %,d messages/s for %d s: FX pulse under %.0f ms | %s |", r.rate, r.seconds, DesktopBench.STALL_MS, stall(r.live));
        line("| ... every message reaches the view | %s |", r.allArrived && r.duplicates == 0
                ? "met: " + String.format(Locale.ROOT, "%,d of %,d", r.delivered, r.sent.sent())
                : "**missed**: " + String.format(Locale.ROOT, "%,d of %,d, %,d duplicates", r.delivered, r.sent.sent(), r.duplicates));
        long growth = r.heapAfterLive - r.heapBeforeLive;
        boolean bounded = r.linesAtEnd <= RoomViewModel.FOLLOW_WINDOW && growth < BOUNDED_GROWTH_BYTES;
        line("| ... memory bounded (the room keeps at most %,d lines; heap after GC grows < %d MiB) | %s: %,d lines, heap %+.1f MiB |",
                RoomViewModel.FOLLOW_WINDOW, BOUNDED_GROWTH_BYTES >> 20, bounded ? "met" : "**missed**", r.linesAtEnd, growth / 1048576.0);
        return out.toString();
    }

    /** Frame gaps over the limit, and how many of them had a collection in them. */
    private static String stallCount(FxMonitor.Window w) {
        int stalls = w.frameGaps.countOver(DesktopBench.STALL_MS);
        return stalls == 0 ? "0" : String.format(Locale.ROOT, "%d (%d at a GC)", stalls, w.stallsWithCollection);
    }

    private static String stall(FxMonitor.Window w) {
        double frame = w.frameGaps.maxMs();
        double probe = w.probeDelays.maxMs();
        boolean met = frame <= DesktopBench.STALL_MS && probe <= DesktopBench.STALL_MS;
        return String.format(Locale.ROOT, "%s: longest frame gap %s ms (p99 %s), longest runLater delay %s ms",
                met ? "met" : "**missed**", ms(frame), ms(w.frameGaps.percentileMs(99)), ms(probe));
    }

    /** The -X and -XX options the run was started with (JAVA_OPTS). */
    private static String jvmOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-X") && !a.startsWith("-Xshare")).collect(Collectors.joining(" "));
    }

    private static String collectors() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(" + "));
    }

    /** Three significant digits, like the relay tables. */
    private static String ms(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value)
                : value >= 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }

    private void line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
