import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns the RESULT lines of a run into Markdown tables: one table per scenario, one column per
 * server, the median over repetitions in each cell, plus the ratio to the baseline server.
 */
final class Report {
    private Report() {
    }

    /** One row of a table: how to get a number from one repetition, and how to show it. */
    record Metric(String label, String key, double scale, boolean ratio, boolean sum, int kind) {
        static final int NUM = 0, MS = 1, COUNT = 2, LOSTDUP = 3, WINDOW = 4;
    }

    static int main(Map<String, String> opt) throws IOException {
        Path file = Path.of(opt.getOrDefault("results", "results.txt"));
        List<String> servers = List.of(opt.getOrDefault("servers", "parley ngircd inspircd redis").trim().split("\\s+"));
        String baseline = opt.getOrDefault("baseline", "ngircd");
        System.out.print(render(Files.readAllLines(file), servers, baseline));
        return 0;
    }

    static Map<String, String> parse(String line) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String tok : line.trim().split("\\s+")) {
            int eq = tok.indexOf('=');
            if (eq > 0) m.put(tok.substring(0, eq), tok.substring(eq + 1));
        }
        return m;
    }

    static String render(List<String> lines, List<String> servers, String baseline) {
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> skips = new ArrayList<>();
        for (String l : lines) {
            if (l.startsWith("RESULT ")) rows.add(parse(l.substring(7)));
            if (l.startsWith("SKIP ")) skips.add(l.substring(5).trim());
        }
        StringBuilder out = new StringBuilder();
        if (!skips.isEmpty()) {
            out.append("Skipped:\n\n");
            for (String s : skips) out.append("- ").append(s).append('\n');
            out.append('\n');
        }
        List<Metric> traffic = List.of(
                new Metric("deliveries/s", "dps", 1, true, false, Metric.COUNT),
                new Metric("p50 latency (ms)", "p50_us", 1e-3, true, false, Metric.MS),
                new Metric("p99 latency (ms)", "p99_us", 1e-3, true, false, Metric.MS),
                new Metric("max latency (ms)", "max_us", 1e-3, true, false, Metric.MS),
                new Metric("lost / dup", "lost", 1, false, true, Metric.LOSTDUP),
                new Metric("server CPU %", "srv_cpu_pct", 1, false, false, Metric.NUM),
                new Metric("server RSS (MiB)", "srv_rss_kb", 1.0 / 1024, false, false, Metric.NUM),
                new Metric("generator busy %", "gen_busy_pct", 1, false, false, Metric.NUM));
        List<Metric> fixed = new ArrayList<>();
        fixed.add(new Metric("offered deliveries/s", "offered_dps", 1, false, false, Metric.COUNT));
        fixed.addAll(traffic);
        List<Metric> max = new ArrayList<>(traffic);
        max.add(new Metric("best publisher window (msgs in flight)", "pub_window", 1, false, false, Metric.WINDOW));
        table(out, rows, "fanout-max",
                "Fan-out at max rate (1 publisher, N subscribers in one channel, 100-byte messages)",
                "subscribers", max, servers, baseline);
        table(out, rows, "fanout-fixed",
                "Fan-out at a fixed offered load (rate = load / subscribers messages/s)",
                "subscribers", fixed, servers, baseline);
        table(out, rows, "channels",
                "Many channels (C channels x M members, every member publishes at R msgs/s)",
                "channels x members @ msgs/s", fixed, servers, baseline);
        table(out, rows, "capacity", "Capacity (N registered idle clients)", "clients", List.of(
                new Metric("time to register all (s)", "reg_time_s", 1, true, false, Metric.NUM),
                new Metric("registrations/s", "reg_per_s", 1, true, false, Metric.COUNT),
                new Metric("server RSS per client (KiB)", "rss_per_client_kb", 1, true, false, Metric.NUM),
                new Metric("server RSS after (MiB)", "rss_after_kb", 1.0 / 1024, false, false, Metric.NUM),
                new Metric("failed", "failed", 1, false, true, Metric.COUNT)), servers, baseline);
        return out.toString();
    }

    static void table(StringBuilder out, List<Map<String, String>> rows, String scenario, String title,
                      String variantLabel, List<Metric> metrics, List<String> servers, String baseline) {
        List<String> variants = new ArrayList<>();
        for (Map<String, String> r : rows) {
            if (scenario.equals(r.get("scenario")) && !variants.contains(r.get("variant"))) {
                variants.add(r.get("variant"));
            }
        }
        if (variants.isEmpty()) return;
        out.append("### ").append(title).append("\n\n");
        out.append("| ").append(variantLabel).append(" | metric |");
        for (String s : servers) out.append(' ').append(s).append(" |");
        out.append("\n|---|---|");
        for (int i = 0; i < servers.size(); i++) out.append("---:|");
        out.append('\n');
        for (String v : variants) {
            for (Metric m : metrics) {
                out.append("| ").append(v).append(" | ").append(m.label()).append(" |");
                Double base = value(rows, scenario, v, baseline, m);
                for (String s : servers) {
                    out.append(' ').append(cell(rows, scenario, v, s, m, base, s.equals(baseline))).append(" |");
                }
                out.append('\n');
            }
        }
        out.append("\nMedian of the repetitions per cell; lost / dup and failed are totals over all "
                + "repetitions").append(scenario.equals("fanout-max") ? " of every window tried; each server is "
                + "shown at the publisher window that gave it the most deliveries/s" : "")
                .append("; (x.xx×) is the ratio to ").append(baseline).append(".\n\n");
    }

    /** Every repetition of one cell (for max rate: of every publisher window tried). */
    static List<Map<String, String>> allReps(List<Map<String, String>> rows, String sc, String v, String server) {
        List<Map<String, String>> l = new ArrayList<>();
        for (Map<String, String> r : rows) {
            if (sc.equals(r.get("scenario")) && v.equals(r.get("variant")) && server.equals(r.get("server"))) {
                l.add(r);
            }
        }
        return l;
    }

    /**
     * The repetitions a cell's medians come from. Max-rate runs try several publisher windows;
     * each server is shown at the window with its highest median deliveries/s.
     */
    static List<Map<String, String>> reps(List<Map<String, String>> rows, String sc, String v, String server) {
        List<Map<String, String>> all = allReps(rows, sc, v, server);
        Map<String, List<Double>> byWindow = new LinkedHashMap<>();
        for (Map<String, String> r : all) {
            String w = r.get("pub_window");
            Double d = num(r.get("dps"));
            if (w != null && d != null && "ok".equals(r.get("status"))) {
                byWindow.computeIfAbsent(w, k -> new ArrayList<>()).add(d);
            }
        }
        if (byWindow.size() <= 1) {
            return all;
        }
        String best = null;
        double bestDps = -1;
        for (Map.Entry<String, List<Double>> e : byWindow.entrySet()) {
            double m = median(e.getValue());
            if (m > bestDps) {
                bestDps = m;
                best = e.getKey();
            }
        }
        List<Map<String, String>> l = new ArrayList<>();
        for (Map<String, String> r : all) {
            if (best.equals(r.get("pub_window"))) l.add(r);
        }
        return l;
    }

    /** Median over successful repetitions (or the total, for summed metrics); null if none. */
    static Double value(List<Map<String, String>> rows, String sc, String v, String server, Metric m) {
        List<Map<String, String>> reps = m.sum() ? allReps(rows, sc, v, server) : reps(rows, sc, v, server);
        List<Double> xs = new ArrayList<>();
        for (Map<String, String> r : reps) {
            if (!m.sum() && !"ok".equals(r.get("status"))) continue;
            Double x = num(r.get(m.key()));
            if (x != null) xs.add(x);
        }
        if (xs.isEmpty()) return null;
        if (m.sum()) return xs.stream().mapToDouble(Double::doubleValue).sum();
        return median(xs);
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(Double::compare);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    static Double num(String s) {
        if (s == null || s.equals("NA")) return null;
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String cell(List<Map<String, String>> rows, String sc, String v, String server, Metric m,
                       Double base, boolean isBaseline) {
        List<Map<String, String>> all = allReps(rows, sc, v, server);
        List<Map<String, String>> reps = reps(rows, sc, v, server);
        if (reps.isEmpty()) return "–";
        long failed = reps.stream().filter(r -> !"ok".equals(r.get("status"))).count();
        if (m.kind() == Metric.LOSTDUP) {
            if (all.stream().noneMatch(r -> r.containsKey("lost"))) { // no repetition got that far
                return "FAIL (" + all.get(0).get("status").replace("FAIL:", "").replace('_', ' ') + ")";
            }
            Function<String, Long> total = k -> all.stream()
                    .mapToLong(r -> num(r.get(k)) == null ? 0 : num(r.get(k)).longValue()).sum();
            return total.apply("lost") + " / " + total.apply("dup");
        }
        Double x = value(rows, sc, v, server, m);
        if (x == null) {
            return failed > 0 ? "FAIL (" + reps.get(0).get("status").replace("FAIL:", "").replace('_', ' ') + ")" : "n/a";
        }
        String s = format(x * m.scale(), m.kind());
        if (m.ratio() && base != null && base != 0 && !isBaseline) {
            s += String.format(Locale.ROOT, " (%.2f×)", x / base);
        }
        if (failed > 0 && !m.sum()) {
            s += " (" + failed + " rep failed)";
        }
        return s;
    }

    static String format(double x, int kind) {
        return switch (kind) {
            case Metric.COUNT, Metric.WINDOW -> String.format(Locale.ROOT, "%,.0f", x);
            case Metric.MS -> x < 1 ? String.format(Locale.ROOT, "%.3f", x)
                    : x < 100 ? String.format(Locale.ROOT, "%.2f", x) : String.format(Locale.ROOT, "%.0f", x);
            default -> x < 10 ? String.format(Locale.ROOT, "%.2f", x) : String.format(Locale.ROOT, "%.1f", x);
        };
    }
}
