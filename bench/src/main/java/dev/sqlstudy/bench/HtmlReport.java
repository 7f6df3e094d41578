package dev.sqlstudy.bench;

import static dev.sqlstudy.bench.Xml.esc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code report.html}: one self-contained page — the charts inline SVG ({@link SvgCharts}), the
 * styles inline, no script and nothing fetched, so it renders the same offline. Written as
 * well-formed XHTML-compatible markup so a test can parse it. This class lays out the page and
 * its tables; the drawing is the charts'.
 */
final class HtmlReport {

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:2em auto;max-width:1200px;color:#222;padding:0 1em}
            h1{margin-bottom:.2em}h2{border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:2em}
            table{border-collapse:collapse;margin:.5em 0 1.5em;font-size:13px}
            th,td{border:1px solid #ddd;padding:3px 7px;text-align:right;vertical-align:top}
            th{background:#f4f4f4}td.l,th.l{text-align:left}
            .met{background:#d9f2d9;font-weight:600}.missed{background:#f8d4d4;font-weight:600}.nm{background:#eee;color:#666}
            .warn{background:#fff6d6;border:1px solid #e6d48a;padding:.6em 1em}td.noisy{background:#fff6d6}
            .chart{margin:.3em 0 1.2em}.muted{color:#666;font-size:13px}
            figure{margin:0}figcaption{font-weight:600;margin:1em 0 .2em}
            """;

    private HtmlReport() {
    }

    static String render(Results r) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\" xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<title>sqlstudy — performance comparison</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>sqlstudy — performance comparison</h1>\n<p>").append(esc(Report.summary(r))).append("</p>\n");
        answers(h, r);
        if (r.settings().forks() == 0) {
            h.append("<p class=\"warn\">").append(esc(Report.IN_PROCESS_WARNING)).append("</p>\n");
        }
        h.append("<p class=\"muted\">Command: <code>").append(esc(r.settings().command())).append("</code></p>\n");

        h.append("<h2>Goals</h2>\n<p class=\"muted\">").append(esc(Report.GOALS_INTRO)).append("</p>\n");
        Report.sweepOnlyNote(r).ifPresent(note -> h.append("<p class=\"muted\">").append(esc(note)).append("</p>\n"));
        h.append("<table><tr><th class=\"l\">Goal</th><th class=\"l\">Database</th><th>Target</th><th>Measured</th>")
                .append("<th>Verdict</th><th class=\"l\">Why (measured)</th></tr>\n");
        for (Results.Goal g : r.goals()) {
            h.append("<tr><td class=\"l\">").append(esc(g.text())).append("</td><td class=\"l\">")
                    .append(esc(Report.dbLabel(r, g.db()))).append("</td><td>").append(esc(g.target())).append("</td><td>")
                    .append(esc(g.measured() == null ? "—" : g.measured())).append("</td><td class=\"")
                    .append(g.verdict().cssClass()).append("\">").append(g.verdict())
                    .append(g.withinError() ? " (within error)" : "").append("</td><td class=\"l\">")
                    .append(esc(g.why() == null ? "" : g.why())).append("</td></tr>\n");
        }
        h.append("</table>\n");
        remoteHits(h, r);
        mysqlVsMariaDb(h, r);
        cacheGuarantees(h, r);

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
                    .append(SvgCharts.heatmap(onDb)).append("</figure>\n");
            if (onDb.stream().anyMatch(m -> m.bytesPerOp() != null)) {
                h.append("<figure class=\"chart\"><figcaption>Bytes allocated per operation (JMH's gc profiler; ")
                        .append("coloured against raw JDBC without cache on the same workload)</figcaption>\n")
                        .append(SvgCharts.allocationMap(onDb)).append("</figure>\n");
            }
            Map<String, List<Results.Measurement>> byWorkload = onDb.stream()
                    .collect(Collectors.groupingBy(m -> m.workload() + "|" + m.title(), LinkedHashMap::new, Collectors.toList()));
            for (List<Results.Measurement> rows : byWorkload.values()) {
                Results.Measurement first = rows.get(0);
                h.append("<figure class=\"chart\"><figcaption>").append(esc(first.title())).append(" <span class=\"muted\">")
                        .append(esc(first.workload())).append("</span></figcaption>\n")
                        .append(SvgCharts.bars(rows, Results.Measurement::rowLabel)).append("</figure>\n");
                table(h, r, rows, true);
            }
        }
        h.append(Scaling.html(r));
        List<Results.Measurement> baselines = r.measurements().stream().filter(m -> m.db() == null).toList();
        if (!baselines.isEmpty()) {
            h.append("<h2>Baselines <span class=\"muted\">(no database, no repository)</span></h2>\n")
                    .append("<figure class=\"chart\">").append(SvgCharts.bars(baselines, Results.Measurement::title)).append("</figure>\n");
            table(h, r, baselines, false);
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
        if (r.redis() != null && r.redis().servers() != null && !r.redis().available()) {
            leftOut.add("redis: " + r.redis().reason());
        }
        r.dropped().forEach(d -> leftOut.add(Report.dbLabel(r, d.db()) + " " + d.impl() + "/" + d.cache() + ": " + d.reason()));
        r.failures().forEach(f -> leftOut.add("FAILED " + f.benchmark() + " " + f.params() + ": " + f.message()));
        h.append("<h2>Left out</h2>\n<ul>\n");
        for (String line : leftOut) {
            h.append("<li>").append(esc(line)).append("</li>\n");
        }
        h.append("</ul>\n<h2>How to read this</h2>\n<ul>\n");
        for (String line : Report.howToRead(r).strip().split("\n")) {
            h.append("<li>").append(esc(line.replaceFirst("^- ", "")).replaceAll("\\*\\*(.+?)\\*\\*", "<b>$1</b>")).append("</li>\n");
        }
        h.append("</ul>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void answers(StringBuilder h, Results r) {
        List<String> sentences = Answers.sentences(r);
        if (sentences.isEmpty()) {
            return;
        }
        h.append("<h2>The answers</h2>\n<ul>\n");
        sentences.forEach(a -> h.append("<li>").append(esc(a)).append("</li>\n"));
        h.append("</ul>\n<p class=\"muted\">").append(esc(Answers.NOTE)).append("</p>\n");
        chart(h, "Point read by id on every stack, per database", Answers.pointReadBars(r),
                "mean time per operation (log scale); the figure right of a bar: ratio against raw JDBC on that database");
        chart(h, "A cached hit against the database read it saves (point read by id)", Answers.cacheBars(r),
                "mean time per operation (log scale); a decorator against raw JDBC, a framework's own cache against that framework");
        chart(h, "One statement against N+1 (raw JDBC)", Answers.nPlusOneBars(r),
                "mean time per operation (log scale)");
    }

    private static void chart(StringBuilder h, String caption, List<SvgCharts.Bar> bars, String axis) {
        if (bars.isEmpty()) {
            return;
        }
        h.append("<figure class=\"chart\"><figcaption>").append(esc(caption)).append("</figcaption>\n")
                .append(SvgCharts.answerBars(bars, axis)).append("</figure>\n");
    }

    private static void remoteHits(StringBuilder h, Results r) {
        List<Report.RemoteRow> rows = Report.remoteHits(r);
        if (rows.isEmpty()) {
            return;
        }
        h.append("<h2>Where a remote hit&#8217;s time goes</h2>\n<p class=\"muted\">").append(esc(Report.REMOTE_HITS_INTRO))
                .append(' ').append(esc(Report.remoteHitsRun(r))).append("</p>\n")
                .append("<table><tr><th class=\"l\">Call</th><th>mean ± error</th><th>p50</th>")
                .append("<th>CPU/call: calling thread</th><th>client I/O thread</th><th>whole JVM</th><th>bytes/op</th></tr>\n");
        for (Report.RemoteRow row : rows) {
            Results.Measurement m = row.m();
            Results.CpuPerOp cpu = m.cpu();
            h.append("<tr><td class=\"l\">").append(esc(row.label())).append("</td><td>").append(esc(Report.meanCell(m)))
                    .append("</td><td>").append(esc(Units.time(m.p50()))).append("</td><td>")
                    .append(esc(Report.cpu(cpu == null ? null : cpu.caller()))).append("</td><td>")
                    .append(esc(Report.cpu(cpu == null ? null : cpu.clientIo()))).append("</td><td>")
                    .append(esc(Report.cpu(cpu == null ? null : cpu.process()))).append("</td><td>")
                    .append(esc(Report.bytes(m))).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void mysqlVsMariaDb(StringBuilder h, Results r) {
        List<Report.ServerRow> rows = Report.mysqlVsMariaDb(r);
        if (rows.isEmpty()) {
            return;
        }
        h.append("<h2>MySQL vs MariaDB</h2>\n<p class=\"muted\">").append(esc(Report.MYSQL_VS_MARIADB_INTRO)).append("</p>\n")
                .append("<table><tr><th class=\"l\">Workload</th><th class=\"l\">Stack</th><th>MariaDB mean</th>")
                .append("<th>vs jdbc/none</th><th>MySQL mean</th><th>vs jdbc/none</th><th>MySQL ÷ MariaDB</th></tr>\n");
        for (Report.ServerRow row : rows) {
            h.append("<tr><td class=\"l\">").append(esc(row.title())).append("</td><td class=\"l\">").append(esc(row.stack()))
                    .append("</td><td>").append(esc(Report.meanCell(row.mariaDb()))).append("</td><td>")
                    .append(esc(Report.ratio(row.mariaDb()))).append("</td><td>").append(esc(Report.meanCell(row.mySql())))
                    .append("</td><td>").append(esc(Report.ratio(row.mySql()))).append("</td><td>")
                    .append(esc(Units.ratio(row.mySqlOverMariaDb()))).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void cacheGuarantees(StringBuilder h, Results r) {
        List<Integer> columns = CacheGuarantees.measured(r);
        if (columns.isEmpty()) {
            return;
        }
        h.append("<h2>What each cache guarantees</h2>\n<p class=\"muted\">").append(esc(CacheGuarantees.LEGEND))
                .append("</p>\n<table><tr><th class=\"l\">Rule</th>");
        columns.forEach(c -> h.append("<th class=\"l\">").append(markdown(CacheGuarantees.COLUMNS.get(c).header())).append("</th>"));
        h.append("</tr>\n");
        for (CacheGuarantees.Rule rule : CacheGuarantees.RULES) {
            h.append("<tr><td class=\"l\">").append(esc(rule.rule())).append("</td>");
            columns.forEach(c -> h.append("<td class=\"l\">").append(markdown(CacheGuarantees.withoutLinks(rule.cells().get(c))))
                    .append("</td>"));
            h.append("</tr>\n");
        }
        h.append("</table>\n<p class=\"muted\">").append(esc(CacheGuarantees.note(r))).append("</p>\n");
    }

    /** A table cell's markdown as markup: escaped, its code spans in {@code <code>}. */
    static String markdown(String cell) {
        return esc(cell).replaceAll("`([^`]+)`", "<code>$1</code>");
    }

    private static void table(StringBuilder h, Results r, List<Results.Measurement> rows, boolean stacks) {
        h.append("<table><tr><th class=\"l\">").append(stacks ? "Stack" : "Baseline")
                .append("</th><th>ops/s</th><th>mean ± error</th>");
        if (stacks) {
            h.append("<th>per row</th>");
        }
        h.append("<th>p50</th><th>p90</th><th>p99</th><th>p99.9</th><th>bytes/op</th>");
        if (stacks) {
            h.append("<th>statements/op</th><th>cache hit ratio</th><th>vs jdbc/none</th>");
        }
        h.append("</tr>\n");
        for (Results.Measurement m : rows) {
            h.append("<tr><td class=\"l\">").append(esc(stacks ? m.rowLabel() : m.title())).append("</td><td>")
                    .append(Units.rate(m.opsPerSecond())).append("</td><td").append(m.noisy() ? " class=\"noisy\"" : "").append(">")
                    .append(esc(Report.meanCell(m))).append("</td>");
            if (stacks) {
                h.append("<td>").append(m.rowsPerOp() > 1 ? esc(Units.time(m.nsPerRow())) : "").append("</td>");
            }
            for (double p : new double[] {m.p50(), m.p90(), m.p99(), m.p999()}) {
                h.append("<td>").append(esc(Report.percentile(r, m, p))).append("</td>");
            }
            h.append("<td>").append(esc(Report.bytes(m))).append("</td>");
            if (stacks) {
                h.append("<td>").append(m.statementsPerOp() == null ? "—" : Units.perOp(m.statementsPerOp())).append("</td><td>")
                        .append(esc(Report.hitRatio(m))).append("</td><td>").append(esc(Report.ratio(m))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }
}
