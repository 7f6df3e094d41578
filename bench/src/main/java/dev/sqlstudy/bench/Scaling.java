package dev.sqlstudy.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report's "How costs grow" section: each sized workload at every size of its sweep per
 * implementation, with the measured cost of one more unit of work (the slope between the smallest
 * and the largest size, from this run's means), and the point read at each thread count beside
 * the core count and the pool size. The HTML draws each family of sized workloads (a query and its
 * N+1, the batch and the single inserts) on log-log axes per database, and the throughput against
 * the threads, above their tables. Empty when the run had no sweeps.
 */
final class Scaling {

    private Scaling() {
    }

    /** The sized workloads measured at two sizes or more, per database: workload|db → rows by size. */
    static Map<String, List<Results.Measurement>> sweeps(Results r) {
        Map<String, List<Results.Measurement>> byKey = r.measurements().stream()
                .filter(m -> m.size() != null && m.threads() == 1 && m.db() != null)
                .collect(Collectors.groupingBy(m -> m.workload() + "|" + m.db() + "|" + m.stack(), LinkedHashMap::new,
                        Collectors.toList()));
        byKey.values().removeIf(rows -> rows.stream().map(Results.Measurement::size).distinct().count() < 2);
        byKey.values().forEach(rows -> rows.sort(Comparator.comparing(Results.Measurement::size)));
        return byKey;
    }

    static List<Results.Measurement> threads(Results r) {
        return r.measurements().stream().filter(m -> Workload.POINT_BY_ID_THREADS.id().equals(m.workload())).toList();
    }

    /** Mean per extra unit (row, name, child or parent) between the smallest and the largest size, ns. */
    static double perUnit(List<Results.Measurement> rows) {
        Results.Measurement small = rows.get(0);
        Results.Measurement large = rows.get(rows.size() - 1);
        return (large.mean() - small.mean()) / (large.size() - small.size());
    }

    static String markdown(Results r) {
        Map<String, List<Results.Measurement>> sweeps = sweeps(r);
        List<Results.Measurement> threads = threads(r);
        if (sweeps.isEmpty() && threads.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("## How costs grow\n\n");
        if (!sweeps.isEmpty()) {
            md.append("Each sized workload at every size of its sweep, uncached, mean per operation. \"Per extra unit\" ")
                    .append("is (mean at the largest size − mean at the smallest) ÷ (the difference in size): what one ")
                    .append("more row, name, child or parent costs, measured in this run.\n\n")
                    .append("| Workload | Database | Stack | ").append("means by size").append(" | per extra unit |\n")
                    .append("|---|---|---|---|--:|\n");
            sweeps.values().forEach(rows -> {
                Results.Measurement first = rows.get(0);
                md.append("| ").append(Workload.ofBenchmark("." + first.workload()).map(Workload::genericTitle)
                                .orElse(first.workload()))
                        .append(" | ").append(Report.dbLabel(r, first.db())).append(" | ").append(first.stack()).append(" | ")
                        .append(rows.stream().map(m -> String.format(java.util.Locale.ROOT, "%,d: %s", m.size(),
                                Units.time(m.mean()))).collect(Collectors.joining("; ")))
                        .append(" | ").append(Units.time(perUnit(rows))).append(" |\n");
            });
            md.append('\n');
        }
        if (!threads.isEmpty()) {
            md.append("The point read by id with several threads sharing one stack (one pool, one cache) on ")
                    .append(r.environment().cores()).append(" cores. Throughput is threads ÷ mean; p99 from SampleTime.\n\n")
                    .append("| Database | pool size | Stack | threads | ops/s | mean | p99 | ops/s vs 1 thread |\n")
                    .append("|---|--:|---|--:|--:|--:|--:|--:|\n");
            for (Results.Measurement m : threads) {
                md.append("| ").append(Report.dbLabel(r, m.db())).append(" | ").append(poolSize(r, m.db())).append(" | ")
                        .append(m.stack()).append(" | ").append(m.threads()).append(" | ").append(Units.rate(m.opsPerSecond()))
                        .append(" | ").append(Units.time(m.mean())).append(" | ").append(Units.time(m.p99())).append(" | ")
                        .append(vsOneThread(threads, m)).append(" |\n");
            }
            md.append('\n');
        }
        return md.toString();
    }

    static String html(Results r) {
        Map<String, List<Results.Measurement>> sweeps = sweeps(r);
        List<Results.Measurement> threads = threads(r);
        if (sweeps.isEmpty() && threads.isEmpty()) {
            return "";
        }
        StringBuilder h = new StringBuilder("<h2 id=\"scaling\">How costs grow</h2>\n");
        if (!sweeps.isEmpty()) {
            h.append("<p>Each sized workload at every size of its sweep, uncached, mean per operation, drawn on log-log axes ")
                    .append("(a line that climbs a decade of time per decade of size is a cost in proportion to the size); \"per extra unit\" is the ")
                    .append("slope between the smallest and the largest size, measured in this run.</p>\n");
            for (String db : databases(sweeps.values().stream().map(rows -> rows.get(0)).toList())) {
                for (Family f : FAMILIES) {
                    List<List<Results.Measurement>> lines = lines(sweeps, f, db);
                    if (lines.isEmpty()) {
                        continue;
                    }
                    h.append("<figure class=\"chart\"><figcaption>").append(Xml.esc(f.caption() + " — " + Report.dbLabel(r, db)))
                            .append("</figcaption>\n").append(sweepChart(f, lines)).append("</figure>\n")
                            .append("<table><tr><th>Workload</th><th>Database</th><th>Stack</th><th>Means by size</th>")
                            .append("<th>Per extra ").append(Xml.esc(f.one())).append("</th></tr>\n");
                    lines.forEach(rows -> {
                        Results.Measurement first = rows.get(0);
                        List<String> cells = new ArrayList<>();
                        rows.forEach(m -> cells.add(String.format(java.util.Locale.ROOT, "%,d: %s", m.size(), Units.time(m.mean()))));
                        h.append("<tr><td class=\"l\">").append(Xml.esc(first.workload())).append("</td><td>")
                                .append(Xml.esc(Report.dbLabel(r, first.db()))).append("</td><td>").append(Xml.esc(first.stack()))
                                .append("</td><td class=\"l\">").append(Xml.esc(String.join("; ", cells))).append("</td><td>")
                                .append(Xml.esc(Units.time(perUnit(rows)))).append("</td></tr>\n");
                    });
                    h.append("</table>\n");
                }
            }
        }
        if (!threads.isEmpty()) {
            h.append("<p>The point read with several threads sharing one stack on ").append(r.environment().cores())
                    .append(" cores; throughput is threads ÷ mean.</p>\n");
            for (String db : databases(threads)) {
                List<Results.Measurement> onDb = threads.stream().filter(m -> db.equals(m.db())).toList();
                String chart = threadsChart(onDb);
                if (!chart.isEmpty()) {
                    h.append("<figure class=\"chart\"><figcaption>").append(Xml.esc(threadsCaption(r, db)))
                            .append("</figcaption>\n").append(chart).append("</figure>\n");
                }
                h.append("<table><tr><th>Database</th><th>Pool size</th>")
                        .append("<th>Stack</th><th>Threads</th><th>ops/s</th><th>mean</th><th>p99</th><th>vs 1 thread</th></tr>\n");
                for (Results.Measurement m : onDb) {
                    h.append("<tr><td>").append(Xml.esc(Report.dbLabel(r, m.db()))).append("</td><td>").append(poolSize(r, m.db()))
                            .append("</td><td class=\"l\">").append(Xml.esc(m.stack())).append("</td><td>").append(m.threads())
                            .append("</td><td>").append(Xml.esc(Units.rate(m.opsPerSecond()))).append("</td><td>")
                            .append(Xml.esc(Units.time(m.mean()))).append("</td><td>").append(Xml.esc(Units.time(m.p99())))
                            .append("</td><td>").append(Xml.esc(vsOneThread(threads, m))).append("</td></tr>\n");
                }
                h.append("</table>\n");
            }
        }
        return h.toString();
    }

    /**
     * A sized workload and the variant drawn beside it on one chart — its N+1, or the same rows
     * inserted one by one beside the batch — with what the size counts.
     *
     * @param mainSuffix    after the stack in the name of the workload's own lines (may be empty)
     * @param variantSuffix after the stack in the name of the variant's lines, drawn dashed
     * @param one           one unit of the size ({@code "child"}), for "per extra child"
     * @param many          the plural, on the axis and in the tooltips
     */
    record Family(Workload main, String mainSuffix, Workload variant, String variantSuffix, String caption, String one,
                  String many) {

        boolean holds(Results.Measurement m) {
            return m.workload().equals(main.id()) || m.workload().equals(variant.id());
        }

        boolean isVariant(Results.Measurement m) {
            return m.workload().equals(variant.id());
        }

        /** The line a measurement belongs to: {@code jdbc/none N+1}. */
        String line(Results.Measurement m) {
            String suffix = isVariant(m) ? variantSuffix : mainSuffix;
            return suffix.isEmpty() ? m.stack() : m.stack() + " " + suffix;
        }

        /** {@code 1 child}, {@code 1,000 children}. */
        String count(int size) {
            return String.format(java.util.Locale.ROOT, "%,d %s", size, size == 1 ? one : many);
        }
    }

    /** Every sized workload, in pairs that share a chart (a test checks that none is missing). */
    static final List<Family> FAMILIES = List.of(
            new Family(Workload.IN_LIST_16, "", Workload.IN_LIST_16_NAIVE, "N+1",
                    "IN list of N host names: one statement against N look-ups", "host name", "host names"),
            new Family(Workload.PARENT_WITH_100_CHILDREN, "", Workload.PARENT_NAIVE, "N+1",
                    "Parent with N children: one left join against child by child", "child", "children"),
            new Family(Workload.ALL_PARENTS, "", Workload.ALL_PARENTS_NAIVE, "N+1",
                    "All N parents with their children: one statement against one query per parent", "parent", "parents"),
            new Family(Workload.BATCH_INSERT, "batch", Workload.SINGLE_INSERTS, "one by one",
                    "N hosts inserted: one batch against one add each (one transaction)", "row", "rows"));

    /** The lines of a family on one database, each its rows by size, a stack's variant after its own. */
    static List<List<Results.Measurement>> lines(Map<String, List<Results.Measurement>> sweeps, Family f, String db) {
        List<List<Results.Measurement>> lines = sweeps.values().stream()
                .filter(rows -> db.equals(rows.get(0).db()) && f.holds(rows.get(0))).toList();
        List<String> stacks = lines.stream().map(rows -> rows.get(0).stack()).distinct().toList();
        return lines.stream().sorted(Comparator.<List<Results.Measurement>>comparingInt(rows -> stacks.indexOf(rows.get(0).stack()))
                .thenComparing(rows -> f.isVariant(rows.get(0)))).toList();
    }

    /** Mean against size, log-log, a line per stack and variant; its legend gives the cost per extra unit. */
    static String sweepChart(Family f, List<List<Results.Measurement>> lines) {
        List<String> stacks = lines.stream().map(rows -> rows.get(0).stack()).distinct().toList();
        List<SvgCharts.Line> drawn = new ArrayList<>();
        for (List<Results.Measurement> rows : lines) {
            Results.Measurement first = rows.get(0);
            String name = f.line(first);
            double perUnit = perUnit(rows);
            List<SvgCharts.Point> points = rows.stream().map(m -> new SvgCharts.Point(m.size(), m.mean(),
                    name + ", " + f.count(m.size()) + ": mean " + Report.meanCell(m))).toList();
            drawn.add(new SvgCharts.Line(name, name + ": " + (perUnit >= 0 ? "+" : "") + Units.time(perUnit) + " per " + f.one(),
                    points, stacks.indexOf(first.stack()), f.isVariant(first)));
        }
        List<Double> sizes = lines.stream().flatMap(List::stream).map(m -> (double) m.size()).distinct().sorted().toList();
        return SvgCharts.logLogLines(drawn, sizes, size -> String.format(java.util.Locale.ROOT, "%,.0f", size),
                SvgCharts::tickTime, "mean time per operation against " + f.many() + " (both axes log scale)");
    }

    /** Throughput against threads, log-log, a line per stack; p99 in every point's tooltip. */
    static String threadsChart(List<Results.Measurement> onDb) {
        Map<String, List<Results.Measurement>> byStack = onDb.stream().sorted(Comparator.comparingInt(Results.Measurement::threads))
                .collect(Collectors.groupingBy(Results.Measurement::stack, LinkedHashMap::new, Collectors.toList()));
        List<SvgCharts.Line> drawn = new ArrayList<>();
        int color = 0;
        for (Map.Entry<String, List<Results.Measurement>> e : byStack.entrySet()) {
            String stack = e.getKey();
            List<Results.Measurement> rows = e.getValue();
            Results.Measurement most = rows.get(rows.size() - 1);
            List<SvgCharts.Point> points = rows.stream().map(m -> new SvgCharts.Point(m.threads(), m.opsPerSecond(),
                    stack + ", " + m.threads() + (m.threads() == 1 ? " thread: " : " threads: ") + Units.rate(m.opsPerSecond())
                            + " ops/s, mean " + Units.time(m.mean()) + ", p99 " + Units.time(m.p99()))).toList();
            String gain = vsOneThread(onDb, most);
            drawn.add(new SvgCharts.Line(stack, most.threads() == 1 || "—".equals(gain) ? stack
                    : stack + ": " + gain + " the 1-thread ops/s at " + most.threads() + " threads", points, color++, false));
        }
        List<Double> counts = onDb.stream().map(m -> (double) m.threads()).distinct().sorted().toList();
        return SvgCharts.logLogLines(drawn, counts, n -> String.format(java.util.Locale.ROOT, "%.0f", n), Units::rate,
                "throughput, ops/s (threads ÷ mean), against threads sharing one stack (both axes log scale)");
    }

    /** {@code Point read by id, every thread at once — H2 file: 2 cores, a pool of 10 connections}. */
    static String threadsCaption(Results r, String db) {
        String pool = poolSize(r, db);
        return Workload.POINT_BY_ID_THREADS.title + " — " + Report.dbLabel(r, db) + ": throughput on "
                + r.environment().cores() + " cores, " + ("—".equals(pool) ? "pool size not recorded" : "a pool of " + pool
                + " connections");
    }

    private static List<String> databases(List<Results.Measurement> rows) {
        return rows.stream().map(Results.Measurement::db).distinct().toList();
    }

    private static String poolSize(Results r, String db) {
        return r.databases().stream().filter(d -> d.spec().equals(db) && d.poolSize() != null).findFirst()
                .map(d -> String.valueOf(d.poolSize())).orElse("—");
    }

    private static String vsOneThread(List<Results.Measurement> all, Results.Measurement m) {
        return all.stream().filter(o -> o.threads() == 1 && o.stack().equals(m.stack()) && o.db().equals(m.db()))
                .findFirst().map(one -> String.format(java.util.Locale.ROOT, "%.2f×", m.opsPerSecond() / one.opsPerSecond()))
                .orElse("—");
    }
}
