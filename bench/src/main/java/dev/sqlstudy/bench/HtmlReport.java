package dev.sqlstudy.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code report.html}: one self-contained page — the charts are inline SVG drawn here, the styles
 * inline, no script and nothing fetched, so it renders the same offline. Written as well-formed
 * XHTML-compatible markup so a test can parse it.
 */
final class HtmlReport {

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:2em auto;max-width:1200px;color:#222;padding:0 1em}
            h1{margin-bottom:.2em}h2{border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:2em}
            table{border-collapse:collapse;margin:.5em 0 1.5em;font-size:13px}
            th,td{border:1px solid #ddd;padding:3px 7px;text-align:right;vertical-align:top}
            th{background:#f4f4f4}td.l,th.l{text-align:left}
            .met{background:#d9f2d9;font-weight:600}.missed{background:#f8d4d4;font-weight:600}.nm{background:#eee;color:#666}
            .warn{background:#fff6d6;border:1px solid #e6d48a;padding:.6em 1em}
            .chart{margin:.3em 0 1.2em}.muted{color:#666;font-size:13px}
            figure{margin:0}figcaption{font-weight:600;margin:1em 0 .2em}
            """;

    private static final String[] PALETTE = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948",
            "#b07aa1", "#ff9da7", "#9c755f"};

    private HtmlReport() {
    }

    static String render(Results r) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\" xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<title>sqlstudy — performance comparison</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>sqlstudy — performance comparison</h1>\n<p>").append(esc(Report.summary(r))).append("</p>\n");
        if (r.settings().forks() == 0) {
            h.append("<p class=\"warn\">").append(esc(Report.IN_PROCESS_WARNING)).append("</p>\n");
        }
        h.append("<p class=\"muted\">Command: <code>").append(esc(r.settings().command())).append("</code></p>\n");

        h.append("<h2>Goals</h2>\n<p class=\"muted\">").append(esc(Report.GOALS_INTRO)).append("</p>\n");
        h.append("<table><tr><th class=\"l\">Goal</th><th class=\"l\">Database</th><th>Target</th><th>Measured</th>")
                .append("<th>Verdict</th><th class=\"l\">Why (measured)</th></tr>\n");
        for (Results.Goal g : r.goals()) {
            String cls = switch (g.verdict()) {
                case "met" -> "met";
                case "not met" -> "missed";
                default -> "nm";
            };
            h.append("<tr><td class=\"l\">").append(esc(g.text())).append("</td><td class=\"l\">")
                    .append(esc(Report.dbLabel(r, g.db()))).append("</td><td>").append(esc(g.target())).append("</td><td>")
                    .append(esc(g.measured() == null ? "—" : g.measured())).append("</td><td class=\"").append(cls).append("\">")
                    .append(esc(g.verdict())).append(g.withinError() ? " (within error)" : "").append("</td><td class=\"l\">")
                    .append(esc(g.why() == null ? "" : g.why())).append("</td></tr>\n");
        }
        h.append("</table>\n");

        for (Results.DatabaseInfo db : r.databases()) {
            if (!db.available()) {
                continue;
            }
            List<Results.Measurement> onDb = r.measurements().stream().filter(m -> db.spec().equals(m.db())).toList();
            h.append("<h2>").append(esc(db.label())).append(" <span class=\"muted\">(").append(esc(db.spec()))
                    .append(", ").append(esc(db.version())).append(")</span></h2>\n");
            if (onDb.isEmpty()) {
                h.append("<p>No measurement on this database.</p>\n");
                continue;
            }
            h.append("<figure class=\"chart\"><figcaption>Mean time per operation against raw JDBC without cache ")
                    .append("(same workload, same run; green is faster, red slower)</figcaption>\n")
                    .append(heatmap(onDb)).append("</figure>\n");
            Map<String, List<Results.Measurement>> byWorkload = onDb.stream()
                    .collect(Collectors.groupingBy(Results.Measurement::workload, LinkedHashMap::new, Collectors.toList()));
            for (List<Results.Measurement> rows : byWorkload.values()) {
                Results.Measurement first = rows.get(0);
                h.append("<figure class=\"chart\"><figcaption>").append(esc(first.title())).append(" <span class=\"muted\">")
                        .append(esc(first.workload())).append("</span></figcaption>\n")
                        .append(bars(rows, m -> m.stack())).append("</figure>\n");
                table(h, rows, true);
            }
        }
        List<Results.Measurement> baselines = r.measurements().stream().filter(m -> m.db() == null).toList();
        if (!baselines.isEmpty()) {
            h.append("<h2>Baselines <span class=\"muted\">(no database, no repository)</span></h2>\n")
                    .append("<figure class=\"chart\">").append(bars(baselines, Results.Measurement::title)).append("</figure>\n");
            table(h, baselines, false);
        }

        h.append("<h2>Environment</h2>\n<table>\n");
        for (Map.Entry<String, String> e : Report.environment(r).entrySet()) {
            h.append("<tr><th class=\"l\">").append(esc(e.getKey())).append("</th><td class=\"l\">")
                    .append(esc(e.getValue() == null ? "—" : e.getValue())).append("</td></tr>\n");
        }
        h.append("</table>\n");

        List<String> leftOut = new ArrayList<>();
        r.databases().stream().filter(d -> !d.available()).forEach(d -> leftOut.add("database " + d.spec() + ": " + d.reason()));
        if (r.memcached() != null && !r.memcached().available()) {
            leftOut.add("memcached: " + r.memcached().reason());
        }
        r.dropped().forEach(d -> leftOut.add(Report.dbLabel(r, d.db()) + " " + d.impl() + "/" + d.cache() + ": " + d.reason()));
        r.failures().forEach(f -> leftOut.add("FAILED " + f.benchmark() + " " + f.params() + ": " + f.message()));
        h.append("<h2>Left out</h2>\n<ul>\n");
        for (String line : leftOut) {
            h.append("<li>").append(esc(line)).append("</li>\n");
        }
        h.append("</ul>\n<h2>How to read this</h2>\n<ul>\n");
        for (String line : Report.HOW_TO_READ.strip().split("\n")) {
            h.append("<li>").append(esc(line.replaceFirst("^- ", "")).replaceAll("\\*\\*(.+?)\\*\\*", "<b>$1</b>")).append("</li>\n");
        }
        h.append("</ul>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void table(StringBuilder h, List<Results.Measurement> rows, boolean stacks) {
        h.append("<table><tr><th class=\"l\">").append(stacks ? "Stack" : "Baseline")
                .append("</th><th>ops/s</th><th>mean ± error</th>");
        if (stacks) {
            h.append("<th>per row</th>");
        }
        h.append("<th>p50</th><th>p90</th><th>p99</th><th>p99.9</th>");
        if (stacks) {
            h.append("<th>statements/op</th><th>cache hit ratio</th><th>vs jdbc/none</th>");
        }
        h.append("</tr>\n");
        for (Results.Measurement m : rows) {
            h.append("<tr><td class=\"l\">").append(esc(stacks ? m.stack() : m.title())).append("</td><td>")
                    .append(Units.rate(m.opsPerSecond())).append("</td><td>").append(esc(Report.meanWithError(m))).append("</td>");
            if (stacks) {
                h.append("<td>").append(m.rowsPerOp() > 1 ? esc(Units.time(m.nsPerRow())) : "").append("</td>");
            }
            h.append("<td>").append(esc(Units.time(m.p50()))).append("</td><td>").append(esc(Units.time(m.p90())))
                    .append("</td><td>").append(esc(Units.time(m.p99()))).append("</td><td>").append(esc(Units.time(m.p999())))
                    .append("</td>");
            if (stacks) {
                h.append("<td>").append(m.statementsPerOp() == null ? "—" : Units.perOp(m.statementsPerOp())).append("</td><td>")
                        .append(esc(Report.hitRatio(m))).append("</td><td>").append(esc(Report.ratio(m))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    /**
     * Horizontal bars of the mean with its error whisker, and a tick at p99; a logarithmic axis
     * when the means differ by more than 30×.
     */
    static String bars(List<Results.Measurement> rows, java.util.function.Function<Results.Measurement, String> label) {
        int labelW = 190;
        int plotW = 640;
        int rowH = 22;
        int top = 8;
        int height = top + rows.size() * rowH + 34;
        double min = rows.stream().mapToDouble(Results.Measurement::mean).min().orElse(1);
        double max = rows.stream().mapToDouble(m -> Math.max(m.p99(), m.mean() + Measurements.orZero(m.error()))).max().orElse(1);
        boolean log = max / Math.max(min, 1e-9) > 30;
        Axis axis = log ? Axis.log(min, max) : Axis.linear(max);
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(labelW + plotW + 150).append("\" height=\"")
                .append(height).append("\" font-size=\"12\" font-family=\"system-ui,sans-serif\" role=\"img\">\n");
        for (double tick : axis.ticks()) {
            double x = labelW + axis.position(tick) * plotW;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e3e3e3\"/>", x, top, x,
                    top + rows.size() * rowH));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#666\">%s</text>%n", x,
                    top + rows.size() * rowH + 14, tick == 0 ? "0" : esc(Units.time(tick))));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#666\">mean time per operation%s — bar: mean, whisker: ±error, ◆: p99</text>%n",
                labelW, height - 4, log ? " (log scale)" : ""));
        int i = 0;
        for (Results.Measurement m : rows) {
            double y = top + i * rowH;
            String color = PALETTE[i % PALETTE.length];
            double w = Math.max(1, axis.position(m.mean()) * plotW);
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", labelW - 6, y + 15,
                    esc(label.apply(m))));
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>", labelW, y + 3,
                    w, rowH - 6, color));
            double err = Measurements.orZero(m.error());
            if (err > 0) {
                double x1 = labelW + axis.position(Math.max(axis.min(), m.mean() - err)) * plotW;
                double x2 = labelW + axis.position(m.mean() + err) * plotW;
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#222\"/>", x1,
                        y + rowH / 2.0, x2, y + rowH / 2.0));
            }
            double p99 = labelW + axis.position(m.p99()) * plotW;
            s.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1f l4 4 l-4 4 l-4 -4 z\" fill=\"#222\"/>", p99, y + rowH / 2.0 - 4));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\">%s</text>%n", labelW + plotW + 8, y + 15,
                    esc(Units.time(m.mean()) + (m.ratioVsJdbc() == null ? "" : "  " + Units.ratio(m.ratioVsJdbc())))));
            i++;
        }
        s.append("</svg>\n");
        return s.toString();
    }

    /** Stacks × workloads, each cell the ratio against jdbc/none, coloured on a log scale. */
    static String heatmap(List<Results.Measurement> onDb) {
        List<String> stacks = onDb.stream().map(Results.Measurement::stack).distinct().toList();
        List<String> workloads = onDb.stream().map(Results.Measurement::workload).distinct().toList();
        int labelW = 160;
        int cellW = 74;
        int cellH = 24;
        int headH = 110;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(labelW + workloads.size() * cellW + 110)
                .append("\" height=\"").append(headH + stacks.size() * cellH + 10)
                .append("\" font-size=\"11\" font-family=\"system-ui,sans-serif\" role=\"img\">\n");
        for (int c = 0; c < workloads.size(); c++) {
            String name = workloads.get(c).substring(workloads.get(c).indexOf('.') + 1);
            double x = labelW + c * cellW + cellW / 2.0;
            s.append(String.format(Locale.ROOT, "<text transform=\"translate(%.1f,%d) rotate(-40)\">%s</text>%n", x, headH - 6, esc(name)));
        }
        for (int row = 0; row < stacks.size(); row++) {
            int y = headH + row * cellH;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", labelW - 6, y + 16,
                    esc(stacks.get(row))));
            for (int c = 0; c < workloads.size(); c++) {
                String stack = stacks.get(row);
                String workload = workloads.get(c);
                Results.Measurement m = onDb.stream().filter(x -> x.stack().equals(stack) && x.workload().equals(workload))
                        .findFirst().orElse(null);
                int x = labelW + c * cellW;
                if (m == null || m.ratioVsJdbc() == null) {
                    s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f2f2f2\" stroke=\"#fff\"/>",
                            x, y, cellW, cellH));
                    s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#aaa\">%s</text>%n",
                            x + cellW / 2.0, y + 16, m == null ? "—" : "n/a"));
                    continue;
                }
                s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"#fff\"/>",
                        x, y, cellW, cellH, ratioColor(m.ratioVsJdbc())));
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x + cellW / 2.0,
                        y + 16, esc(Units.ratio(m.ratioVsJdbc()))));
            }
        }
        s.append("</svg>\n");
        return s.toString();
    }

    /** Green below 1×, white at 1×, red above, saturating at 100× either way. */
    static String ratioColor(double ratio) {
        double t = Math.max(-1, Math.min(1, Math.log10(Math.max(ratio, 1e-9)) / 2));
        int r;
        int g;
        int b;
        if (t < 0) {
            r = (int) Math.round(255 - 150 * -t);
            g = (int) Math.round(255 - 40 * -t);
            b = (int) Math.round(255 - 150 * -t);
        } else {
            r = (int) Math.round(255 - 20 * t);
            g = (int) Math.round(255 - 150 * t);
            b = (int) Math.round(255 - 150 * t);
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    /** A value axis from 0 (linear) or from a power of ten (log) to the maximum, mapped to 0..1. */
    record Axis(boolean log, double min, double max) {

        static Axis linear(double max) {
            return new Axis(false, 0, niceCeil(max));
        }

        static Axis log(double min, double max) {
            // Half a decade of room below the smallest mean, so its bar still shows.
            return new Axis(true, Math.pow(10, Math.floor(Math.log10(min * 0.5))), Math.pow(10, Math.ceil(Math.log10(max))));
        }

        double position(double value) {
            if (log) {
                double v = Math.max(value, min);
                return (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
            }
            return max <= 0 ? 0 : Math.max(0, value) / max;
        }

        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            if (log) {
                for (double t = min; t <= max * 1.0001; t *= 10) {
                    ticks.add(t);
                }
            } else {
                for (int i = 0; i <= 4; i++) {
                    ticks.add(max * i / 4);
                }
            }
            return ticks;
        }

        private static double niceCeil(double v) {
            if (v <= 0) {
                return 1;
            }
            double p = Math.pow(10, Math.floor(Math.log10(v)));
            for (double f : new double[] {1, 2, 2.5, 5, 10}) {
                if (f * p >= v) {
                    return f * p;
                }
            }
            return 10 * p;
        }
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
