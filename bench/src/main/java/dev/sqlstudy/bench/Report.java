package dev.sqlstudy.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What both reports say the same way: the summary, the environment, the cells, the MySQL vs MariaDB
 * rows, the reading guide.
 */
final class Report {

    static final String IN_PROCESS_WARNING = "Quick run: every trial ran in one JVM with short iterations. "
            + "The figures show the shape of the comparison; quote the full run's (a fresh JVM per trial).";

    static final String GOALS_INTRO = "What the study sets out to show, each goal on each database measured and "
            + "judged from this run's figures only (this table is where the goals are stated). \"within error\" means "
            + "JMH's 99.9 % error bars of the two means allow either verdict. The goals are stated for MariaDB; on H2 "
            + "they are shown for reference, with an H2 limit where a goal names one.";

    static final String HOW_TO_READ = """
            - **mean ± error**: one thread; the error is the half-width of JMH's 99.9 % confidence interval of the \
            mean. A mean marked † comes from JMH's AverageTime mode (total time ÷ calls, no timer read per call), \
            which measures the operations that take under a microsecond — the Caffeine-cached point look-ups \
            and the bare Caffeine read, in a full run; every other mean comes from SampleTime (a native cache's \
            hit takes microseconds, a remote one a network round trip: a timer read is noise there). The answers and their charts show \
            these same means, marked the same way. **ops/s** is 1 s ÷ mean (one thread).
            - **noisy**: the error is more than 20 % of the mean — the machine was busy or the operation varies; \
            compare such a row with care.
            - **p50 … p99.9**: always SampleTime: percentiles of calls timed one by one with System.nanoTime (JMH \
            samples a subset). A sample includes one timer read and moves in steps of the timer's granularity \
            (both in the Environment table): the percentiles of a row whose median is within 40 timer reads \
            (about a microsecond) say as much about the timer as about the call, and are marked ‡.
            - **bytes/op**: bytes allocated per operation by the measuring JVM (JMH's gc profiler, \
            gc.alloc.rate.norm), in the mode the mean comes from. A cache hit that allocates nothing shows ≈ 0.
            - **statements/op**: SQL statements the stack sent per operation during the measured iterations, \
            counted by the statement counter on the DataSource (a JDBC batch counts once). With a cache, hits send none.
            - **cache hit ratio**: hits ÷ (hits + misses) during the measured iterations.
            - **vs jdbc/none**: the mean divided by raw JDBC without cache, same workload, same database, same run. \
            Below 1× is faster than raw JDBC.
            - **per row**: for the 1,000-row inserts, the mean divided by 1,000.
            - The N+1 workloads run on the uncached stacks only: they are the reference for the one-statement queries.
            """;

    static final String MYSQL_VS_MARIADB_INTRO = "Every workload × stack measured on both servers: the mean on each, "
            + "each one's ratio against raw JDBC without cache on its own server, and MySQL ÷ MariaDB for the same stack "
            + "(below 1× MySQL is faster).";

    static final String REMOTE_HITS_INTRO = "A memcached or Redis hit is a loopback round trip: most of its time is "
            + "waiting — for the server, and on a small machine for the caller's, the client's I/O thread's and the "
            + "server's threads to be woken — so its mean moves with where the scheduler puts them. CPU per call does "
            + "not: the calling thread's is the repository, the decorator (key, circuit and dirty-server checks, "
            + "the codec) and the client's work on that thread, so a hit's minus the raw get's is what the decorator "
            + "costs in work; the client I/O thread's is spymemcached's or Lettuce's; the whole JVM's adds the JIT "
            + "and the GC, so where it is well above the other two together the JVM was still compiling. The raw "
            + "calls use the cache's own client settings (Environment).";

    private Report() {
    }

    /** One row of "Where a remote hit's time goes": a raw baseline or a cached hit, with its CPU. */
    record RemoteRow(String cache, String label, Results.Measurement m) {
    }

    /**
     * The remote caches' point-read hits next to the raw calls they are held to, every row with its
     * CPU per call; empty when the run measured no remote baseline.
     */
    static List<RemoteRow> remoteHits(Results r) {
        List<RemoteRow> rows = new ArrayList<>();
        for (dev.sqlstudy.cache.CacheKind kind : List.of(dev.sqlstudy.cache.CacheKind.MEMCACHED,
                dev.sqlstudy.cache.CacheKind.REDIS)) {
            String cache = kind.name();
            // The single-key calls a point read is held to; the 16-key ones belong to the IN list.
            List<Workload> raw = BenchRunner.baselinesOf(kind).stream()
                    .filter(w -> w != Workload.MEMCACHED_GET_16 && w != Workload.REDIS_MGET_16).toList();
            List<RemoteRow> baselines = new ArrayList<>();
            for (Workload w : raw) {
                r.measurements().stream().filter(m -> m.db() == null && m.workload().equals(w.id())).findFirst()
                        .ifPresent(m -> baselines.add(new RemoteRow(cache, m.title(), m)));
            }
            if (baselines.isEmpty()) {
                continue;
            }
            rows.addAll(baselines);
            for (Results.DatabaseInfo db : r.databases()) {
                for (dev.sqlstudy.stack.Impl impl : dev.sqlstudy.stack.Impl.values()) {
                    Measurements.find(r.measurements(), Workload.POINT_BY_ID, db.spec(), impl.name(), cache)
                            .ifPresent(m -> rows.add(new RemoteRow(cache, "hit, " + m.stack() + " on " + db.label(), m)));
                }
            }
        }
        return rows;
    }

    /** How the remote hits and their baselines were run, for the section's caption. */
    static String remoteHitsRun(Results r) {
        Results.Settings s = r.settings();
        if (s.pairedWarmupIterations() == null) {
            return "";
        }
        return s.forks() == 0
                ? "In this run they ran one after the other in one JVM."
                : "In this run each ran in " + Math.max(s.forks(), 1) + " rounds of one fork — every trial of the block "
                  + "in turn, then again — with " + s.pairedWarmupIterations() + " warm-up iterations of "
                  + (s.warmupMillis() % 1000 == 0 ? s.warmupMillis() / 1000 + " s" : s.warmupMillis() + " ms")
                  + " (the other trials: " + s.warmupIterations() + "), so a hit and the raw call it is held to were "
                  + "measured minutes apart, not an hour, and both after their code was compiled.";
    }

    /** A CPU figure per call, or — when it was not measured. */
    static String cpu(Double ns) {
        return ns == null ? "—" : Units.time(ns);
    }

    /** The reading guide with what this run adds: how many means came from each mode, and the timer. */
    static String howToRead(Results r) {
        long average = r.measurements().stream().filter(Results.Measurement::meanFromAverageTime).count();
        long sampled = r.measurements().size() - average;
        StringBuilder line = new StringBuilder("- **This run**: ").append(average).append(" mean(s) from AverageTime (†), ")
                .append(sampled).append(" from SampleTime; every percentile from SampleTime.");
        Results.Environment e = r.environment();
        if (e.timerGranularityNs() != null && e.timerLatencyNs() != null) {
            line.append(" System.nanoTime's granularity here was ").append(Units.time(e.timerGranularityNs()))
                    .append(" and one read cost ").append(Units.time(e.timerLatencyNs()))
                    .append(": a SampleTime figure near those (the ‡ rows) is the timer's as much as the call's.");
        }
        return HOW_TO_READ + line + "\n";
    }

    /** One workload × stack measured on MariaDB and on MySQL. */
    record ServerRow(String title, String workload, String stack, Results.Measurement mariaDb, Results.Measurement mySql) {

        double mySqlOverMariaDb() {
            return mySql.mean() / mariaDb.mean();
        }
    }

    /** The MySQL vs MariaDB rows, empty unless the run measured both servers. */
    static List<ServerRow> mysqlVsMariaDb(Results r) {
        Optional<Results.DatabaseInfo[]> pair = Answers.mariaDbAndMySql(r);
        if (pair.isEmpty()) {
            return List.of();
        }
        String maria = pair.get()[0].spec();
        String mysql = pair.get()[1].spec();
        List<ServerRow> rows = new ArrayList<>();
        for (Results.Measurement m : r.measurements()) {
            if (!maria.equals(m.db())) {
                continue;
            }
            r.measurements().stream().filter(o -> mysql.equals(o.db()) && o.workload().equals(m.workload())
                            && Objects.equals(o.size(), m.size()) && o.threads() == m.threads()
                            && Objects.equals(o.impl(), m.impl()) && Objects.equals(o.cache(), m.cache()))
                    .findFirst().ifPresent(o -> rows.add(new ServerRow(m.title(), m.workload(), m.rowLabel(), m, o)));
        }
        return rows;
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
        rows.put("Measuring JVM", e.measuringJvm());
        rows.put("Its heap and GC (reported by the trials)", e.measuringHeapAndGc());
        rows.put("Timer (System.nanoTime)", timer(e));
        rows.put("JMH", e.jmh() + (r.settings().profilers() == null ? ""
                : ", profilers " + String.join(", ", r.settings().profilers())));
        rows.put("Commit", e.gitCommit() == null ? null
                : e.gitCommit() + (Boolean.TRUE.equals(e.gitDirty()) ? " (with uncommitted changes)" : ""));
        for (Results.DatabaseInfo db : r.databases()) {
            rows.put("Database " + db.spec(), db.available() ? db.version() : "left out: " + db.reason());
        }
        Results.MemcachedInfo m = r.memcached();
        rows.put("memcached", m == null || m.servers() == null ? "not given"
                : m.available() ? m.servers() + " — " + m.versions() : m.servers() + " — left out: " + m.reason());
        if (m != null && m.clientSettings() != null) {
            rows.put("memcached baselines' client (the cache's own settings)", m.clientSettings());
        }
        Results.RedisInfo redis = r.redis();
        rows.put("Redis", redis == null || redis.servers() == null ? "not given"
                : redis.available() ? redis.servers() + " — " + redis.version()
                : redis.servers() + " — left out: " + redis.reason());
        if (redis != null && redis.clientSettings() != null) {
            rows.put("Redis baselines' client (the cache's own settings)", redis.clientSettings());
        }
        rows.put("Started / finished", e.startedAt() + " / " + e.finishedAt());
        return rows;
    }

    /** {@code granularity 1 ns, one read 24 ns}; null when it was not measured. */
    static String timer(Results.Environment e) {
        if (e.timerGranularityNs() == null || e.timerLatencyNs() == null) {
            return null;
        }
        return "granularity " + Units.time(e.timerGranularityNs()) + ", one read " + Units.time(e.timerLatencyNs());
    }

    /**
     * True when a row's median is within 40 timer reads, under about a microsecond: its percentiles
     * are mostly the timer's steps and its own read (the ‡ of the tables).
     */
    static boolean nearTimer(Results r, Results.Measurement m) {
        Double latency = r.environment().timerLatencyNs();
        Double granularity = r.environment().timerGranularityNs();
        double unit = Math.max(latency == null ? 25 : latency, granularity == null ? 0 : granularity);
        return m.p50() < 40 * unit;
    }

    /** The mean cell: {@code 41.2 ns ± 1.0 ns†}, with {@code noisy} when the error is over 20 %. */
    static String meanCell(Results.Measurement m) {
        return meanWithError(m) + (m.meanFromAverageTime() ? "†" : "") + (m.noisy() ? " noisy" : "");
    }

    /** {@code 0}, {@code 24}, {@code 1,234}, {@code 2.1 MB}: bytes per operation; — when not measured. */
    static String bytes(Results.Measurement m) {
        if (m.bytesPerOp() == null) {
            return "—";
        }
        double b = m.bytesPerOp();
        if (b < 0.5) {
            return "≈ 0";
        }
        if (b < 1_000_000) {
            return String.format(Locale.ROOT, "%,.0f", b);
        }
        return Units.num(b / 1_000_000) + " MB";
    }

    /** A percentile's cell, marked ‡ on a row near the timer's resolution. */
    static String percentile(Results r, Results.Measurement m, double ns) {
        return Units.time(ns) + (nearTimer(r, m) ? "‡" : "");
    }

    /**
     * Why some databases have no cache or N+1 goals, when they have none: the full run measures
     * the cached stacks and the N+1 variants on its sweep database alone ({@link BenchRunner#onStack}).
     */
    static Optional<String> sweepOnlyNote(Results r) {
        List<String> notes = new ArrayList<>();
        note(r, "cache", "no cached stack", Goals::cachedStacksMeasured).ifPresent(notes::add);
        note(r, "N+1", "no N+1 variant", Goals::nPlusOneMeasured).ifPresent(notes::add);
        if (notes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join(" ", notes) + " A full run measures the caches and the N+1 variants on its sweep "
                + "database alone — a cache hit never reaches the database, N+1's cost is its statements, and two forks "
                + "per trial leave no time for them on every server; the quick run has every cache and every N+1 variant "
                + "on every database.");
    }

    private static Optional<String> note(Results r, String what, String none,
                                         java.util.function.BiPredicate<List<Results.Measurement>, String> measured) {
        List<String> without = new ArrayList<>();
        List<String> with = new ArrayList<>();
        for (Results.DatabaseInfo d : r.databases()) {
            if (d.available() && r.measurements().stream().anyMatch(m -> d.spec().equals(m.db()))) {
                (measured.test(r.measurements(), d.spec()) ? with : without).add(d.label());
            }
        }
        if (without.isEmpty() || with.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("The " + what + " goals are judged on " + String.join(" and ", with) + " only: this run "
                + "measured " + none + " on " + String.join(" or ", without) + ".");
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
