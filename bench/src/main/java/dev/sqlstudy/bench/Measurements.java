package dev.sqlstudy.bench;

import dev.sqlstudy.cache.CacheStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/** JMH's results and the sidecar counts, joined into the report's measurements, with the ratios. */
final class Measurements {

    static final String JDBC = "JDBC";
    static final String NONE = "NONE";
    /** JMH's gc profiler: bytes allocated per operation. */
    static final String ALLOC_NORM = "gc.alloc.rate.norm";

    private Measurements() {
    }

    static List<Results.Measurement> of(List<RunResult> runs, List<Sidecar.Counts> counts) {
        Map<String, Sidecar.Counts> byKey = new HashMap<>();
        for (Sidecar.Counts c : counts) {
            byKey.merge(key(ProgressFormat.shortName(c.benchmark()), c.db(), c.impl(), c.cache(), c.size(), c.threads()), c,
                    Sidecar.Counts::plus);
        }
        // One trial may have run in two modes: AverageTime for the mean, SampleTime for percentiles.
        Map<String, RunResult> sampled = new java.util.LinkedHashMap<>();
        Map<String, RunResult> averaged = new HashMap<>();
        for (RunResult run : runs) {
            if (run.getPrimaryResult() == null) {
                continue;
            }
            BenchmarkParams params = run.getParams();
            String key = trialKey(params);
            if (params.getMode() == Mode.AverageTime) {
                averaged.put(key, run);
            } else {
                sampled.put(key, run);
            }
        }
        List<Results.Measurement> raw = new ArrayList<>();
        for (Map.Entry<String, RunResult> entry : sampled.entrySet()) {
            RunResult run = entry.getValue();
            BenchmarkParams params = run.getParams();
            Optional<Workload> workload = Workload.ofBenchmark(params.getBenchmark());
            if (workload.isEmpty()) {
                continue;
            }
            Workload w = workload.get();
            boolean onStack = params.getParamsKeys().contains("impl");
            String db = onStack ? params.getParam("db") : null;
            String impl = onStack ? params.getParam("impl") : null;
            String cache = onStack ? params.getParam("cache") : null;
            int sizeParam = onStack ? Integer.parseInt(params.getParam("size")) : 0;
            Integer size = w.effectiveSize(sizeParam);
            int threads = params.getThreads();
            int rows = w.rowsPerOp(size);
            double[] f = BenchRunner.figures(run.getPrimaryResult());
            RunResult average = averaged.get(entry.getKey());
            String meanFrom = "SampleTime";
            if (average != null) {
                f[0] = average.getPrimaryResult().getScore();
                f[1] = average.getPrimaryResult().getScoreError();
                meanFrom = "AverageTime";
            }
            Sidecar.Counts c = onStack ? byKey.get(key(w.id(), db, impl, cache, sizeParam, threads)) : null;
            Double statements = null;
            Double commits = null;
            Results.CacheCounts cacheCounts = null;
            Long ops = null;
            if (c != null && c.ops() > 0) {
                ops = c.ops();
                statements = (double) c.statements() / c.ops();
                commits = (double) c.commits() / c.ops();
                if (!NONE.equals(cache)) {
                    CacheStats k = c.cacheStats();
                    long lookups = k.hits() + k.misses();
                    cacheCounts = new Results.CacheCounts(k.hits(), k.misses(), k.loads(), k.invalidations(),
                            k.evictions(), k.errors(), lookups == 0 ? null : k.hitRatio(), (double) lookups / c.ops());
                }
            }
            String stack = onStack ? impl.toLowerCase(Locale.ROOT) + "/" + cache.toLowerCase(Locale.ROOT) : "baseline";
            Double error = Double.isNaN(f[1]) ? null : f[1];
            // Bytes per operation from the run the mean comes from; both modes allocate alike.
            Result<?> alloc = (average != null ? average : run).getSecondaryResults().get(ALLOC_NORM);
            Double bytes = alloc == null || Double.isNaN(alloc.getScore()) ? null : Math.max(0, alloc.getScore());
            Double bytesError = alloc == null || Double.isNaN(alloc.getScoreError()) ? null : alloc.getScoreError();
            Results.CpuPerOp cpu = cpu(average != null ? average : run);
            // With several threads each runs the operation back to back: throughput = threads / mean.
            raw.add(new Results.Measurement(w.id(), w.title(size), w.group.name(), db, impl, cache, stack, meanFrom,
                    (long) f[7], f[0], error, f[2], f[3], f[4], f[5], f[6], threads * 1e9 / f[0], rows, f[0] / rows, ops,
                    statements, commits, cacheCounts, null, null, null, bytes, bytesError,
                    Results.Measurement.noisy(f[0], error), size, threads, cpu));
        }
        List<Results.Measurement> withRatios = new ArrayList<>();
        for (Results.Measurement m : raw) {
            Results.Measurement reference = m.db() == null ? null : raw.stream()
                    .filter(r -> r.workload().equals(m.workload()) && m.db().equals(r.db())
                            && java.util.Objects.equals(r.size(), m.size()) && r.threads() == m.threads()
                            && JDBC.equals(r.impl()) && NONE.equals(r.cache()))
                    .findFirst().orElse(null);
            if (reference == null) {
                withRatios.add(m);
                continue;
            }
            double[] ratio = ratio(m.mean(), orZero(m.error()), reference.mean(), orZero(reference.error()));
            withRatios.add(m.withRatio(ratio[0], ratio[1], Double.isInfinite(ratio[2]) ? null : ratio[2]));
        }
        withRatios.sort(Comparator.comparing((Results.Measurement m) -> m.db() == null ? "~" : m.db())
                .thenComparing(m -> Workload.ofBenchmark("." + m.workload()).map(Enum::ordinal).orElse(99))
                .thenComparing(m -> m.impl() == null ? "" : String.valueOf(implOrder(m.impl())))
                .thenComparing(m -> m.cache() == null ? 0 : cacheOrder(m.cache()))
                .thenComparing(m -> m.size() == null ? 0 : m.size())
                .thenComparing(Results.Measurement::threads));
        return withRatios;
    }

    /** The CPU figures of {@link ThreadCpuProfiler} in {@code run}, or null when it did not run. */
    static Results.CpuPerOp cpu(RunResult run) {
        Map<String, Result> secondary = run.getSecondaryResults();
        Double caller = score(secondary.get(ThreadCpuProfiler.CALLER));
        Double process = score(secondary.get(ThreadCpuProfiler.PROCESS));
        if (caller == null || process == null) {
            return null;
        }
        return new Results.CpuPerOp(caller, score(secondary.get(ThreadCpuProfiler.CLIENT_IO)), process);
    }

    private static Double score(Result<?> result) {
        return result == null || Double.isNaN(result.getScore()) ? null : Math.max(0, result.getScore());
    }

    /** a / b with the range the two errors allow: {ratio, low, high}; high is infinite when b − eb ≤ 0. */
    static double[] ratio(double a, double ea, double b, double eb) {
        double low = (a - safe(ea)) / (b + safe(eb));
        double high = b - safe(eb) <= 0 ? Double.POSITIVE_INFINITY : (a + safe(ea)) / (b - safe(eb));
        return new double[] {a / b, Math.max(0, low), high};
    }

    private static double safe(double error) {
        return Double.isNaN(error) ? 0 : error;
    }

    static double orZero(Double error) {
        return error == null ? 0 : error;
    }

    private static int cacheOrder(String cache) {
        try {
            return dev.sqlstudy.cache.CacheKind.valueOf(cache).ordinal();
        } catch (IllegalArgumentException e) {
            return 99;
        }
    }

    private static int implOrder(String impl) {
        try {
            return dev.sqlstudy.stack.Impl.valueOf(impl).ordinal();
        } catch (IllegalArgumentException e) {
            return 99;
        }
    }

    /** What tells one trial from another, its mode aside: the benchmark, its parameters, its threads. */
    static String trialKey(BenchmarkParams params) {
        return params.getBenchmark() + "|" + paramsKey(params) + "threads=" + params.getThreads();
    }

    private static String paramsKey(BenchmarkParams params) {
        StringBuilder key = new StringBuilder();
        for (String name : params.getParamsKeys()) {
            key.append(name).append('=').append(params.getParam(name)).append(';');
        }
        return key.toString();
    }

    private static String key(String workload, String db, String impl, String cache, int size, int threads) {
        return workload + "|" + db + "|" + impl + "|" + cache + "|" + size + "|" + threads;
    }

    static Optional<Results.Measurement> find(List<Results.Measurement> all, Workload w, String db, String impl, String cache) {
        return all.stream().filter(m -> m.is(w, db, impl, cache)).findFirst();
    }
}
