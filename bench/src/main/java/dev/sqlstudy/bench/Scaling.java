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
 * the core count and the pool size. Empty when the run had no sweeps.
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
                md.append("| ").append(Workload.ofBenchmark("." + first.workload()).map(w -> w.title(null))
                                .orElse(first.workload()).replaceAll("[0-9,]+", "N"))
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
            h.append("<p>Each sized workload at every size of its sweep, uncached, mean per operation; \"per extra unit\" ")
                    .append("is the slope between the smallest and the largest size, measured in this run.</p>\n")
                    .append("<table><tr><th>Workload</th><th>Database</th><th>Stack</th><th>Means by size</th>")
                    .append("<th>Per extra unit</th></tr>\n");
            sweeps.values().forEach(rows -> {
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
        if (!threads.isEmpty()) {
            h.append("<p>The point read with several threads sharing one stack on ").append(r.environment().cores())
                    .append(" cores; throughput is threads ÷ mean.</p>\n<table><tr><th>Database</th><th>Pool size</th>")
                    .append("<th>Stack</th><th>Threads</th><th>ops/s</th><th>mean</th><th>p99</th><th>vs 1 thread</th></tr>\n");
            for (Results.Measurement m : threads) {
                h.append("<tr><td>").append(Xml.esc(Report.dbLabel(r, m.db()))).append("</td><td>").append(poolSize(r, m.db()))
                        .append("</td><td class=\"l\">").append(Xml.esc(m.stack())).append("</td><td>").append(m.threads())
                        .append("</td><td>").append(Xml.esc(Units.rate(m.opsPerSecond()))).append("</td><td>")
                        .append(Xml.esc(Units.time(m.mean()))).append("</td><td>").append(Xml.esc(Units.time(m.p99())))
                        .append("</td><td>").append(Xml.esc(vsOneThread(threads, m))).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        return h.toString();
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
