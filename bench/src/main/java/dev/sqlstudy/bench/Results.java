package dev.sqlstudy.bench;

import java.util.List;
import java.util.Map;

/**
 * Everything one run measured — the content of {@code results.json}, from which both reports are
 * written. Times are nanoseconds per operation; a figure that was not measured is {@code null},
 * never estimated.
 */
record Results(int schemaVersion, Settings settings, Environment environment, List<DatabaseInfo> databases,
               MemcachedInfo memcached, List<Dropped> dropped, List<Measurement> measurements,
               List<Failure> failures, List<Goal> goals) {

    /** How JMH was run. */
    record Settings(String plan, String mode, int threads, int forks, int warmupIterations, long warmupMillis,
                    int measurementIterations, long measurementMillis, String only, String command) {
    }

    /** Where it ran. */
    record Environment(String jdk, String jvm, String os, String cpu, int cores, String clocksource, long maxHeapMb,
                       String jmh, String gitCommit, Boolean gitDirty, String loadAverageAtStart,
                       String startedAt, String finishedAt, long durationSeconds) {
    }

    /** A database of the run; {@code reason} says why it was left out when not available. */
    record DatabaseInfo(String spec, String label, String version, boolean available, String reason) {
    }

    /** The memcached servers of the run, if any were given. */
    record MemcachedInfo(String servers, Map<String, String> versions, boolean available, String reason) {
    }

    /** A stack that does not exist in this build or on this machine, left out of the matrix. */
    record Dropped(String db, String impl, String cache, String reason) {
    }

    /** A trial that failed; its figures are absent. */
    record Failure(String benchmark, Map<String, String> params, String message) {
    }

    /**
     * One workload on one stack (or one baseline, with {@code db}, {@code impl} and {@code cache}
     * null).
     *
     * @param meanFrom       the JMH mode the mean and its error come from ({@code AverageTime} in a
     *                       full run, {@code SampleTime} in a quick one)
     * @param samples        operations SampleTime timed (the percentiles' population)
     * @param mean           mean time per operation, ns
     * @param error          half-width of JMH's 99.9 % confidence interval of the mean, ns (null
     *                       when JMH could not compute one)
     * @param opsPerSecond   1 s / mean: the single-thread throughput
     * @param nsPerRow       mean / rows per operation
     * @param statementsPerOp SQL statements per operation during the measured iterations
     * @param ratioVsJdbc    mean / the mean of raw JDBC without cache on the same database and
     *                       workload in this run (null when that was not measured)
     */
    record Measurement(String workload, String title, String group, String db, String impl, String cache,
                       String stack, String meanFrom, long samples, double mean, Double error, double p50, double p90,
                       double p99, double p999, double max, double opsPerSecond, int rowsPerOp, double nsPerRow,
                       Long ops, Double statementsPerOp, Double commitsPerOp, CacheCounts cacheCounts,
                       Double ratioVsJdbc, Double ratioVsJdbcLow, Double ratioVsJdbcHigh) {

        boolean is(Workload w, String dbSpec, String implName, String cacheName) {
            return workload.equals(w.id()) && java.util.Objects.equals(db, dbSpec)
                    && java.util.Objects.equals(impl, implName) && java.util.Objects.equals(cache, cacheName);
        }
    }

    /** Cache counters during the measured iterations; {@code hitRatio} is hits / (hits + misses). */
    record CacheCounts(long hits, long misses, long loads, long invalidations, long evictions, long errors,
                       Double hitRatio, Double lookupsPerOp) {
    }

    /**
     * One goal of the report's goals table on one database.
     *
     * @param verdict  met, not met or not measured (in {@code results.json}: {@code "met"},
     *                 {@code "not met"}, {@code "not measured"})
     * @param measured the figure, as text with its unit (null when not measured)
     * @param why      for a miss: what the measurements show; for not measured: what was missing
     */
    record Goal(String id, String text, String db, String target, String measured, Verdict verdict,
                boolean withinError, String why) {
    }
}
