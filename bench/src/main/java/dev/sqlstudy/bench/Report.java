package dev.sqlstudy.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** What both reports say the same way: the summary, the environment, the cells, the reading guide. */
final class Report {

    static final String IN_PROCESS_WARNING = "Quick run: every trial ran in one JVM with short iterations. "
            + "The figures show the shape of the comparison; quote the full run's (a fresh JVM per trial).";

    static final String GOALS_INTRO = "What the study sets out to show, each goal on each database measured and "
            + "judged from this run's figures only (this table is where the goals are stated). \"within error\" means "
            + "JMH's 99.9 % error bars of the two means allow either verdict. The goals are stated for MariaDB; on H2 "
            + "they are shown for reference, with an H2 limit where a goal names one.";

    static final String HOW_TO_READ = """
            - **mean ± error**: JMH SampleTime, one thread; the error is the half-width of the 99.9 % confidence \
            interval of the mean. **ops/s** is 1 s ÷ mean (one thread).
            - **p50 … p99.9**: percentiles of the sampled operation times (JMH samples a subset of calls).
            - **statements/op**: SQL statements the stack sent per operation during the measured iterations, \
            counted by the statement counter on the DataSource (a JDBC batch counts once). With a cache, hits send none.
            - **cache hit ratio**: hits ÷ (hits + misses) during the measured iterations.
            - **vs jdbc/none**: the mean divided by raw JDBC without cache, same workload, same database, same run. \
            Below 1× is faster than raw JDBC.
            - **per row**: for the 1,000-row inserts, the mean divided by 1,000.
            - The N+1 workloads run on the uncached stacks only: they are the reference for the one-statement queries.
            """;

    private Report() {
    }

    static String summary(Results r) {
        Results.Environment e = r.environment();
        return "Run `" + r.settings().plan() + "` of " + e.startedAt() + ", " + e.durationSeconds() + " s: "
                + r.measurements().size() + " measurements, " + r.failures().size() + " failures; "
                + r.settings().warmupIterations() + " × " + r.settings().warmupMillis() + " ms warm-up, "
                + r.settings().measurementIterations() + " × " + r.settings().measurementMillis() + " ms measured, "
                + (r.settings().forks() == 0 ? "in-process" : r.settings().forks() + " fork(s)") + " per trial.";
    }

    static Map<String, String> environment(Results r) {
        Results.Environment e = r.environment();
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("JDK", e.jdk());
        rows.put("JVM", e.jvm());
        rows.put("OS", e.os());
        rows.put("CPU", e.cpu());
        rows.put("Cores", String.valueOf(e.cores()));
        rows.put("Clock source", e.clocksource());
        rows.put("Load average at start (1/5/15 min)", e.loadAverageAtStart());
        rows.put("Max heap of the runner", e.maxHeapMb() + " MB");
        rows.put("JMH", e.jmh());
        rows.put("Commit", e.gitCommit() == null ? null
                : e.gitCommit() + (Boolean.TRUE.equals(e.gitDirty()) ? " (with uncommitted changes)" : ""));
        for (Results.DatabaseInfo db : r.databases()) {
            rows.put("Database " + db.spec(), db.available() ? db.version() : "left out: " + db.reason());
        }
        Results.MemcachedInfo m = r.memcached();
        rows.put("memcached", m == null || m.servers() == null ? "not given"
                : m.available() ? m.servers() + " — " + m.versions() : m.servers() + " — left out: " + m.reason());
        rows.put("Started / finished", e.startedAt() + " / " + e.finishedAt());
        return rows;
    }

    static String dbLabel(Results r, String spec) {
        return r.databases().stream().filter(d -> d.spec().equals(spec)).findFirst()
                .map(Results.DatabaseInfo::label).orElse(spec);
    }

    static String meanWithError(Results.Measurement m) {
        return Units.time(m.mean()) + (m.error() == null ? "" : " ± " + Units.time(m.error()));
    }

    static String hitRatio(Results.Measurement m) {
        return m.cacheCounts() == null || m.cacheCounts().hitRatio() == null ? "—" : Units.percent(m.cacheCounts().hitRatio());
    }

    static String ratio(Results.Measurement m) {
        return m.ratioVsJdbc() == null ? "—" : Units.ratio(m.ratioVsJdbc());
    }
}
