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
               List<Failure> failures, List<Goal> goals, RedisInfo redis) {

    /** A run without Redis: {@code redis} not given. */
    Results(int schemaVersion, Settings settings, Environment environment, List<DatabaseInfo> databases,
            MemcachedInfo memcached, List<Dropped> dropped, List<Measurement> measurements,
            List<Failure> failures, List<Goal> goals) {
        this(schemaVersion, settings, environment, databases, memcached, dropped, measurements, failures, goals,
                RedisInfo.NOT_GIVEN);
    }

    /**
     * How JMH was run.
     *
     * @param profilers the JMH profilers every trial ran with ({@code gc} always: it gives bytes/op;
     *                  {@link ThreadCpuProfiler} always: CPU per operation)
     * @param pairedWarmupIterations the warm-up iterations of the remote hits and their raw baselines,
     *                  which run interleaved, one fork at a time ({@link BenchRunner#PAIRED}); null in a
     *                  results.json written before they did
     */
    record Settings(String plan, String mode, int threads, int forks, int warmupIterations, long warmupMillis,
                    int measurementIterations, long measurementMillis, String only, String command,
                    List<String> profilers, Integer pairedWarmupIterations) {

        Settings(String plan, String mode, int threads, int forks, int warmupIterations, long warmupMillis,
                 int measurementIterations, long measurementMillis, String only, String command,
                 List<String> profilers) {
            this(plan, mode, threads, forks, warmupIterations, warmupMillis, measurementIterations, measurementMillis,
                    only, command, profilers, null);
        }
    }

    /**
     * Where it ran.
     *
     * @param timerGranularityNs the smallest step {@code System.nanoTime} was seen to take here
     * @param timerLatencyNs     what one {@code System.nanoTime} call costs here (a SampleTime sample
     *                           includes one)
     * @param measuringJvm       the JVM the trials ran in: the forks' options, or this JVM in-process
     * @param measuringHeapAndGc the heap and the collectors the trials reported from inside that JVM
     */
    record Environment(String jdk, String jvm, String os, String cpu, int cores, String clocksource, long maxHeapMb,
                       String jmh, String gitCommit, Boolean gitDirty, String loadAverageAtStart,
                       String startedAt, String finishedAt, long durationSeconds, Double timerGranularityNs,
                       Double timerLatencyNs, String measuringJvm, String measuringHeapAndGc) {
    }

    /**
     * A database of the run; {@code reason} says why it was left out when not available.
     *
     * @param poolSize the connection pool's maximum size, beside the thread sweep's figures
     */
    record DatabaseInfo(String spec, String label, String version, boolean available, String reason,
                        Integer poolSize) {
    }

    /**
     * The memcached servers of the run, if any were given.
     *
     * @param clientSettings the settings of the baselines' raw client, which are the memcached
     *                       backend's own (protocol, locator, timeouts, transcoder)
     */
    record MemcachedInfo(String servers, Map<String, String> versions, boolean available, String reason,
                         String clientSettings) {

        MemcachedInfo(String servers, Map<String, String> versions, boolean available, String reason) {
            this(servers, versions, available, reason, null);
        }
    }

    /**
     * The Redis server (or cluster seeds) of the run, if given.
     *
     * @param version        {@code redis_version} from {@code INFO server}
     * @param clientSettings the settings of the baselines' raw Lettuce client, which are the Redis
     *                       backend's own
     */
    record RedisInfo(String servers, String version, boolean available, String reason, String clientSettings) {

        static final RedisInfo NOT_GIVEN = new RedisInfo(null, null, false, "no redis servers given", null);
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
     * @param meanFrom       the JMH mode the mean and its error come from ({@code AverageTime} for
     *                       the sub-microsecond workloads on cached stacks and the baselines, when the
     *                       plan measures it — both plans do; {@code SampleTime} otherwise)
     * @param samples        operations SampleTime timed (the percentiles' population)
     * @param mean           mean time per operation, ns
     * @param error          half-width of JMH's 99.9 % confidence interval of the mean, ns (null
     *                       when JMH could not compute one)
     * @param opsPerSecond   1 s / mean: the single-thread throughput
     * @param nsPerRow       mean / rows per operation
     * @param statementsPerOp SQL statements per operation during the measured iterations
     * @param ratioVsJdbc    mean / the mean of raw JDBC without cache on the same database and
     *                       workload in this run (null when that was not measured)
     * @param bytesPerOp     bytes allocated per operation, JMH's {@code gc.alloc.rate.norm} in the
     *                       mode the mean comes from (null when the gc profiler did not run)
     * @param bytesPerOpError its 99.9 % error half-width (null when JMH gave none)
     * @param noisy          the error is more than {@link #NOISY_ERROR} of the mean: quote with care
     * @param size           the size of the work one operation does (names, children, parents or
     *                       rows: see the title), null for a workload without one
     * @param threads        threads running the workload at once (1 but for the thread sweep)
     * @param cpu            CPU time per operation by who spent it ({@link ThreadCpuProfiler}), in
     *                       the mode the mean comes from; null when it was not measured
     */
    record Measurement(String workload, String title, String group, String db, String impl, String cache,
                       String stack, String meanFrom, long samples, double mean, Double error, double p50, double p90,
                       double p99, double p999, double max, double opsPerSecond, int rowsPerOp, double nsPerRow,
                       Long ops, Double statementsPerOp, Double commitsPerOp, CacheCounts cacheCounts,
                       Double ratioVsJdbc, Double ratioVsJdbcLow, Double ratioVsJdbcHigh, Double bytesPerOp,
                       Double bytesPerOpError, boolean noisy, Integer size, int threads, CpuPerOp cpu) {

        public Measurement {
            // A results.json written before the thread sweep has no threads: it measured with one.
            threads = Math.max(1, threads);
        }

        /** A measurement without CPU figures (a run before {@link ThreadCpuProfiler}, a test). */
        Measurement(String workload, String title, String group, String db, String impl, String cache,
                    String stack, String meanFrom, long samples, double mean, Double error, double p50, double p90,
                    double p99, double p999, double max, double opsPerSecond, int rowsPerOp, double nsPerRow,
                    Long ops, Double statementsPerOp, Double commitsPerOp, CacheCounts cacheCounts,
                    Double ratioVsJdbc, Double ratioVsJdbcLow, Double ratioVsJdbcHigh, Double bytesPerOp,
                    Double bytesPerOpError, boolean noisy, Integer size, int threads) {
            this(workload, title, group, db, impl, cache, stack, meanFrom, samples, mean, error, p50, p90, p99, p999, max,
                    opsPerSecond, rowsPerOp, nsPerRow, ops, statementsPerOp, commitsPerOp, cacheCounts, ratioVsJdbc,
                    ratioVsJdbcLow, ratioVsJdbcHigh, bytesPerOp, bytesPerOpError, noisy, size, threads, null);
        }

        /** The error, as a fraction of the mean, above which a row is flagged noisy. */
        static final double NOISY_ERROR = 0.20;

        /** True when {@code error} is more than {@link #NOISY_ERROR} of {@code mean}. */
        static boolean noisy(double mean, Double error) {
            return error != null && mean > 0 && error > NOISY_ERROR * mean;
        }

        /** This measurement with its ratio against jdbc/none. */
        Measurement withRatio(Double ratio, Double low, Double high) {
            return new Measurement(workload, title, group, db, impl, cache, stack, meanFrom, samples, mean, error, p50,
                    p90, p99, p999, max, opsPerSecond, rowsPerOp, nsPerRow, ops, statementsPerOp, commitsPerOp,
                    cacheCounts, ratio, low, high, bytesPerOp, bytesPerOpError, noisy, size, threads, cpu);
        }

        /** The row's name in a workload's table: the stack, and the threads when more than one. */
        String rowLabel() {
            return threads > 1 ? stack + " × " + threads + " threads" : stack;
        }

        /** True when the mean comes from AverageTime (the percentiles always come from SampleTime). */
        boolean meanFromAverageTime() {
            return "AverageTime".equals(meanFrom);
        }

        /** The row of the standard matrix: the workload at its standard size, on one thread. */
        boolean is(Workload w, String dbSpec, String implName, String cacheName) {
            return threads == 1 && java.util.Objects.equals(size, w.standardSize) && workload.equals(w.id()) && java.util.Objects.equals(db, dbSpec)
                    && java.util.Objects.equals(impl, implName) && java.util.Objects.equals(cache, cacheName);
        }
    }

    /**
     * CPU time per operation, ns, from {@link ThreadCpuProfiler}: on the benchmark's own threads (the
     * caller: repository, decorator, codec and the client's calls on that thread), on the cache
     * clients' I/O threads, and in the whole measuring JVM (the rest is the JIT compiler, the GC and
     * other threads: a JVM still compiling shows it here). {@code clientIo} is null where no cache
     * client ran.
     */
    record CpuPerOp(double caller, Double clientIo, double process) {
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
