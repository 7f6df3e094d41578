package dev.sqlstudy.bench;

import dev.sqlstudy.db.Database;
import dev.sqlstudy.cache.CacheKind;
import dev.sqlstudy.cache.CacheSettings;
import dev.sqlstudy.stack.Impl;
import dev.sqlstudy.stack.Stack;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs the comparison: works out which stacks exist (every {@link Impl} × {@link CacheKind} on
 * every database given; memcached and Redis legs only when their servers answer), runs JMH on them
 * programmatically, and writes {@code results.json}, {@code report.md} and {@code report.html}.
 * What does not exist is left out and listed, never faked.
 */
public final class BenchRunner {

    /** The heap of every forked trial: fixed, so a run's GC behaviour does not depend on the machine's memory. */
    static final List<String> FORK_HEAP = List.of("-Xms1g", "-Xmx1g");

    private BenchRunner() {
    }

    /** The run {@code ./study bench [--quick]} makes. */
    public static BenchResult run(BenchOptions options, PrintStream progress) {
        return run(options, RunPlan.of(options.quick()), progress);
    }

    /** A run with explicit JMH settings (a filter, shorter iterations for a test). */
    public static BenchResult run(BenchOptions options, RunPlan requested, PrintStream progress) {
        Instant started = Instant.now();
        String loadAtStart = Environments.loadAverage();
        RunPlan plan = requested;
        if (plan.forks() > 0 && !Environments.benchmarksOnSystemClassPath()) {
            progress.println("note: this JVM's class path does not hold the benchmarks (started by a build tool?); "
                    + "measuring in-process instead of forking");
            plan = plan.withForks(0);
        }
        Path out = options.outDir().toAbsolutePath();
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + out, e);
        }
        progress.printf("sqlstudy bench (%s): databases %s%s, output in %s%n", plan.name(),
                String.join(", ", options.databases()),
                (options.memcachedServers() == null ? "" : ", memcached " + options.memcachedServers())
                        + (options.redisServers() == null ? "" : ", redis " + options.redisServers()), out);

        // What exists: memcached, each database, each stack on it.
        Results.MemcachedInfo memcached = probeMemcached(options.memcachedServers(), progress);
        Results.RedisInfo redis = probeRedis(options.redisServers(), progress);
        List<Results.DatabaseInfo> databases = new ArrayList<>();
        List<Results.Dropped> dropped = new ArrayList<>();
        Map<String, Map<CacheKind, List<Impl>>> stacks = new LinkedHashMap<>();
        try (BenchDatabases.Containers containers = BenchDatabases.startContainers(options.databases(), progress)) {
            for (String spec : options.databases()) {
                probeDatabase(spec, memcached, redis, plan, databases, dropped, stacks, progress);
            }
            return measure(options, plan, progress, started, loadAtStart, out, memcached, redis, databases, dropped,
                    stacks, containers);
        }
    }

    private static BenchResult measure(BenchOptions options, RunPlan plan, PrintStream progress, Instant started,
                                       String loadAtStart, Path out, Results.MemcachedInfo memcached,
                                       Results.RedisInfo redis, List<Results.DatabaseInfo> databases,
                                       List<Results.Dropped> dropped, Map<String, Map<CacheKind, List<Impl>>> stacks,
                                       BenchDatabases.Containers containers) {

        List<Job> jobs = jobs(plan, stacks, memcached, redis);
        int trials = jobs.stream().mapToInt(Job::trials).sum();
        int paired = jobs.stream().filter(Job::paired).mapToInt(Job::trials).sum();
        progress.printf("%d trials to measure (%s each plus set-up%s)%s%n", trials, ProgressFormat.human(plan.trialTime()),
                plan.forks() > 1 ? ", in " + plan.forks() + " forks" : "",
                paired == 0 ? "" : "; " + paired + " of them (the remote hits and their raw baselines) interleaved, "
                        + plan.pairedRounds() + " round(s) of one fork with " + plan.pairedWarmupIterations()
                        + " warm-up iterations");
        // The progress counts JMH's trials as it starts them: a paired trial once a round.
        ProgressFormat format = new ProgressFormat(progress, jobs.stream().mapToInt(job -> job.runs(plan)).sum());

        Path sidecar;
        try {
            sidecar = Files.createTempFile("sqlstudy-bench-", ".jsonl");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String previousSidecar = System.getProperty(Sidecar.PROPERTY);
        System.setProperty(Sidecar.PROPERTY, sidecar.toString());
        List<RunResult> runs = new ArrayList<>();
        try {
            for (int i = 0; i < jobs.size(); ) {
                Job job = jobs.get(i);
                if (!job.paired()) {
                    runs.addAll(runJmh(job, plan, sidecar, containers.jvmArgs(), format));
                    i++;
                    continue;
                }
                List<Job> block = new ArrayList<>();
                while (i < jobs.size() && Objects.equals(jobs.get(i).pairing(), job.pairing())) {
                    block.add(jobs.get(i++));
                }
                runs.addAll(runInterleaved(block, plan, sidecar, containers.jvmArgs(), format));
            }
            runs = mergeForks(runs);
        } finally {
            BenchDatabases.closeAll();
            if (previousSidecar == null) {
                System.clearProperty(Sidecar.PROPERTY);
            } else {
                System.setProperty(Sidecar.PROPERTY, previousSidecar);
            }
        }
        List<Sidecar.Counts> counts = Sidecar.read(sidecar);
        try {
            Files.deleteIfExists(sidecar);
        } catch (IOException ignored) {
            // a temporary file
        }

        List<Results.Measurement> measurements = Measurements.of(runs, counts);
        Instant finished = Instant.now();
        Results.Settings settings = new Results.Settings(plan.name(),
                plan.averageTime() ? "SampleTime; AverageTime for the means of the Caffeine-cached point look-ups and the bare Caffeine read"
                        : "SampleTime", 1, plan.forks(),
                plan.warmupIterations(), plan.warmupTime().toMillis(), plan.measurementIterations(),
                plan.measurementTime().toMillis(), plan.only(), command(options, plan), plan.profilers(),
                plan.pairedWarmupIterations());
        String measuringJvm = plan.forks() > 0
                ? plan.forks() + " JMH fork(s) per trial: a fresh JVM of this JDK with " + String.join(" ", FORK_HEAP)
                : "in-process: every trial in the runner's JVM";
        String heapAndGc = counts.stream().map(Sidecar.Counts::heapAndGc).filter(Objects::nonNull).distinct()
                .reduce((a, b) -> a + " | " + b).orElse(plan.forks() > 0 ? null : Environments.heapAndGc());
        Results.Environment environment = Environments.capture(loadAtStart, started, finished, measuringJvm, heapAndGc);
        List<Results.Goal> goals = Goals.evaluate(measurements, databases, memcached, redis, dropped);
        Results results = new Results(1, settings, environment, databases, memcached, dropped, measurements,
                format.failures(), goals, redis);

        Path json = out.resolve("results.json");
        Path jmhJson = out.resolve("jmh-result.json");
        Path md = out.resolve("report.md");
        Path html = out.resolve("report.html");
        try {
            ResultsJson.write(results, json);
            writeJmhJson(runs, jmhJson);
            Files.writeString(md, MarkdownReport.render(results));
            Files.writeString(html, HtmlReport.render(results));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + out, e);
        }
        int met = (int) goals.stream().map(Results.Goal::id).distinct()
                .filter(id -> goals.stream().filter(g -> g.id().equals(id)).allMatch(g -> g.verdict() == Verdict.MET))
                .count();
        int missed = (int) goals.stream().filter(g -> g.verdict() == Verdict.MISSED).map(Results.Goal::id).distinct().count();
        Duration elapsed = Duration.between(started, finished);
        progress.printf("done in %s: %d measured, %d failed; goals met %d, missed %d%n  %s%n  %s%n  %s%n  %s%n",
                ProgressFormat.human(elapsed), measurements.size(), format.failures().size(), met, missed, json, md, html,
                jmhJson);
        return new BenchResult(json, md, html, measurements.size(), format.failures().size(), met, missed, elapsed,
                jmhJson);
    }

    /**
     * {@code jmh-result.json}: every JMH result of the run in JMH's own JSON ({@code -rf json}), so
     * jmh-visualizer and other JMH tools read it. One file for the run's several JMH invocations.
     */
    static void writeJmhJson(Collection<RunResult> runs, Path file) throws IOException {
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, out).writeOut(runs);
        }
    }

    /**
     * One JMH invocation: some workloads of one group on some stacks of one database, in
     * SampleTime and, when {@code averageTime}, AverageTime too, with {@code threads} threads.
     *
     * @param pairing null for a plain invocation; for the trials of a {@link #PAIRED} block, the
     *                remote cache whose hits and raw baselines it holds: consecutive jobs of one
     *                pairing run interleaved, trial by trial, one fork a round ({@link #runInterleaved})
     */
    record Job(List<Workload> workloads, Map<String, List<String>> params, int stacks, boolean averageTime,
               int threads, CacheKind pairing) {

        Job(List<Workload> workloads, Map<String, List<String>> params, int stacks, boolean averageTime) {
            this(workloads, params, stacks, averageTime, 1);
        }

        Job(List<Workload> workloads, Map<String, List<String>> params, int stacks, boolean averageTime, int threads) {
            this(workloads, params, stacks, averageTime, threads, null);
        }

        int trials() {
            int sizes = params.getOrDefault("size", List.of("0")).size();
            return workloads.size() * stacks * sizes * (averageTime ? 2 : 1);
        }

        boolean paired() {
            return pairing != null;
        }

        /** The JMH trials started for this job under {@code plan}: a paired trial once a round. */
        int runs(RunPlan plan) {
            return trials() * (paired() ? plan.pairedRounds() : 1);
        }
    }

    /**
     * The cached workloads a remote cache's goals hold to a raw baseline of the same client: the hit
     * (against a raw get) and the 16-name IN list (against sixteen raw gets, or one raw MGET). On the
     * sweep database they and their baselines form a block that runs interleaved — round after round,
     * each trial one fork — so a hit and the raw get it is held to are measured minutes apart, not an
     * hour: on this machine a round trip's time drifts by a third between runs of the same code
     * (bench/README), more than the decorator adds. The rounds' forks are then joined into one trial
     * each ({@link #mergeForks}), as JMH joins the forks of one invocation.
     */
    static final List<Workload> PAIRED = List.of(Workload.POINT_BY_ID, Workload.IN_LIST_16);

    /** The raw baselines of a remote cache's goals. */
    static List<Workload> baselinesOf(CacheKind cache) {
        return switch (cache) {
            case MEMCACHED -> List.of(Workload.MEMCACHED_GET, Workload.MEMCACHED_GET_WITH_GENERATION,
                    Workload.MEMCACHED_GET_16);
            case REDIS -> List.of(Workload.REDIS_GET, Workload.REDIS_MGET_16);
            default -> List.of();
        };
    }

    /**
     * A block of paired jobs: each trial alone (one workload, one stack), round after round, every
     * round one fork of each ({@link RunPlan#paired()}).
     */
    private static List<RunResult> runInterleaved(List<Job> block, RunPlan plan, Path sidecar, List<String> containerArgs,
                                                  ProgressFormat format) {
        List<Job> trials = new ArrayList<>();
        for (Job job : block) {
            List<String> impls = job.params().get("impl");
            for (Workload w : job.workloads()) {
                if (impls == null) {
                    trials.add(new Job(List.of(w), job.params(), 1, false, job.threads(), job.pairing()));
                    continue;
                }
                for (String impl : impls) {
                    Map<String, List<String>> params = new LinkedHashMap<>(job.params());
                    params.put("impl", List.of(impl));
                    trials.add(new Job(List.of(w), params, 1, false, job.threads(), job.pairing()));
                }
            }
        }
        RunPlan round = plan.paired();
        List<RunResult> runs = new ArrayList<>();
        for (int r = 0; r < plan.pairedRounds(); r++) {
            for (Job trial : trials) {
                runs.addAll(runJmh(trial, round, sidecar, containerArgs, format));
            }
        }
        return runs;
    }

    /**
     * The runs of one trial (same benchmark, mode, threads and parameters) joined into one result
     * holding every fork, in the order they ran; other runs as they are. JMH does the same for the
     * forks of one invocation: the mean, error and percentiles come from all of them.
     */
    static List<RunResult> mergeForks(List<RunResult> runs) {
        Map<String, List<RunResult>> byTrial = new LinkedHashMap<>();
        for (RunResult run : runs) {
            String key = Measurements.trialKey(run.getParams()) + "|" + run.getParams().getMode();
            byTrial.computeIfAbsent(key, k -> new ArrayList<>()).add(run);
        }
        List<RunResult> merged = new ArrayList<>();
        for (List<RunResult> same : byTrial.values()) {
            if (same.size() == 1) {
                merged.add(same.get(0));
                continue;
            }
            List<BenchmarkResult> forks = new ArrayList<>();
            same.forEach(run -> forks.addAll(run.getBenchmarkResults()));
            merged.add(new RunResult(same.get(0).getParams(), forks));
        }
        return merged;
    }

    /**
     * The workloads whose cached operation may take well under a microsecond — a Caffeine hit, a
     * bare Caffeine read — where SampleTime's timer read per sample would weigh on the mean: a full
     * run measures their mean in AverageTime.
     */
    private static boolean subMicrosecond(Workload w) {
        return w == Workload.POINT_BY_ID || w == Workload.POINT_BY_HOSTNAME || w == Workload.CAFFEINE_GET;
    }

    /**
     * Whether a stack with {@code cache} runs {@code w}. Without the sweeps (the quick run):
     * every workload on every stack. With them (the full run, where a trial costs two fresh JVMs
     * warmed for seconds) an uncached stack still runs every workload, and a cached one on the
     * sweep database only what tells what its cache buys and costs — the hit ({@code pointById}),
     * the miss ({@code pointByIdMiss}), the 90/10 read/write mix, and on memcached and Redis the
     * 16-name IN list their multi-key goals are held to; on the other databases nothing, since a
     * hit never reaches the database. The quick run has every workload through every cache on
     * every database.
     */
    static boolean onStack(Workload w, CacheKind cache, RunPlan plan, boolean sweepDatabase) {
        if (!plan.sweeps() || cache == CacheKind.NONE) {
            return true;
        }
        if (!sweepDatabase) {
            return false;
        }
        return switch (w) {
            case POINT_BY_ID, POINT_BY_ID_MISS, READ_WRITE_MIX -> true;
            case IN_LIST_16 -> cache == CacheKind.MEMCACHED || cache == CacheKind.REDIS;
            default -> false;
        };
    }

    /**
     * The JMH invocations of a run. The standard matrix: every workload at its standard size on
     * every stack. With {@link RunPlan#sweeps()}, on the {@linkplain #sweepDatabase sweep
     * database}: on the uncached stacks each sized workload (and its N+1 variant) at every size of
     * its sweep instead — the standard size among them — and the point read at each thread count
     * on jdbc × every cache and on the native caches.
     *
     * <p>Why the sweeps run on one database: how a cost grows with the rows or the threads is the
     * implementation's and the pool's, and a full run forks two JVMs per trial — sweeping every
     * database given would double a two-server run past its budget. The servers are compared at
     * the standard sizes, where every database has every stack.
     */
    static List<Job> jobs(RunPlan plan, Map<String, Map<CacheKind, List<Impl>>> stacks, Results.MemcachedInfo memcached) {
        return jobs(plan, stacks, memcached, Results.RedisInfo.NOT_GIVEN);
    }

    static List<Job> jobs(RunPlan plan, Map<String, Map<CacheKind, List<Impl>>> stacks, Results.MemcachedInfo memcached,
                          Results.RedisInfo redis) {
        List<Job> jobs = new ArrayList<>();
        String servers = memcached.available() ? memcached.servers() : "none";
        String redisServers = redis.available() ? redis.servers() : "none";
        List<Workload> onStacks = workloads(plan, Workload.Group.STACK);
        List<Workload> naive = workloads(plan, Workload.Group.N_PLUS_ONE);
        List<Workload> threadedWorkloads = plan.sweeps() ? workloads(plan, Workload.Group.THREADS) : List.of();
        String sweepDb = sweepDatabase(stacks.keySet());
        // The remote hits and their raw baselines, by cache: run last, each cache's block interleaved.
        Map<CacheKind, List<Job>> pairedJobs = new LinkedHashMap<>();
        stacks.forEach((db, byCache) -> {
            boolean sweeps = plan.sweeps() && db.equals(sweepDb);
            List<Workload> threaded = sweeps ? threadedWorkloads : List.of();
            byCache.forEach((cache, impls) -> {
                if (impls.isEmpty()) {
                    return;
                }
                Map<String, List<String>> params = stackParams(db, impls, cache, servers, redisServers);
                boolean sweep = sweeps && cache == CacheKind.NONE;
                List<Workload> chosen = onStacks.stream()
                        .filter(w -> onStack(w, cache, plan, db.equals(sweepDb))).toList();
                // Only a Caffeine hit takes nanoseconds; a native cache's hit takes microseconds and a
                // remote one a network round trip: SampleTime's timer read is noise there, and a
                // second mode would only double their trials.
                boolean twoModes = plan.averageTime() && cache == CacheKind.CAFFEINE;
                List<Workload> fast = chosen.stream().filter(w -> twoModes && subMicrosecond(w)).toList();
                boolean pairedHere = db.equals(sweepDb) && !baselinesOf(cache).isEmpty();
                List<Workload> paired = chosen.stream().filter(w -> pairedHere && PAIRED.contains(w)).toList();
                List<Workload> rest = chosen.stream()
                        .filter(w -> !fast.contains(w) && !paired.contains(w) && !(sweep && w.sized())).toList();
                if (!fast.isEmpty()) {
                    jobs.add(new Job(fast, params, impls.size(), true));
                }
                if (!paired.isEmpty()) {
                    pairedJobs.computeIfAbsent(cache, c -> new ArrayList<>())
                            .add(new Job(paired, params, impls.size(), false, 1, cache));
                }
                if (!rest.isEmpty()) {
                    jobs.add(new Job(rest, params, impls.size(), false));
                }
                if (sweep) {
                    onStacks.stream().filter(Workload::sized).forEach(w -> jobs.add(sizeSweep(w, params, impls.size())));
                }
            });
            List<Impl> uncached = byCache.getOrDefault(CacheKind.NONE, List.of());
            // With the sweeps, N+1 is measured at every size on the sweep database; its shape is the
            // statements', the same on every server.
            boolean naiveHere = !plan.sweeps() || sweeps;
            if (naiveHere && !naive.isEmpty() && !uncached.isEmpty()) {
                Map<String, List<String>> params = stackParams(db, uncached, CacheKind.NONE, servers, redisServers);
                if (sweeps) {
                    naive.forEach(w -> jobs.add(sizeSweep(w, params, uncached.size())));
                } else {
                    jobs.add(new Job(naive, params, uncached.size(), false));
                }
            }
            if (!threaded.isEmpty()) {
                for (int threads : Workload.THREAD_COUNTS) {
                    byCache.forEach((cache, impls) -> {
                        // Bare and through each cache on raw JDBC; the native caches on their own impls.
                        List<Impl> chosen = cache == CacheKind.NATIVE ? impls
                                : impls.stream().filter(i -> i == Impl.JDBC).toList();
                        if (!chosen.isEmpty()) {
                            jobs.add(new Job(threaded, stackParams(db, chosen, cache, servers, redisServers), chosen.size(), false,
                                    threads));
                        }
                    });
                }
            }
        });
        List<Workload> baselines = new ArrayList<>();
        for (Workload w : workloads(plan, Workload.Group.BASELINE)) {
            boolean onRedis = baselinesOf(CacheKind.REDIS).contains(w);
            boolean onMemcached = baselinesOf(CacheKind.MEMCACHED).contains(w);
            if (onRedis ? redis.available() : !onMemcached || memcached.available()) {
                baselines.add(w);
            }
        }
        // The bare Caffeine read in both modes, like the Caffeine hit it is held to; the remote
        // baselines in SampleTime alone, like the remote hits.
        Map<String, List<String>> servers2 = Map.of("memcached", List.of(servers), "redis", List.of(redisServers));
        List<Workload> nanos = baselines.stream().filter(BenchRunner::subMicrosecond).toList();
        if (!nanos.isEmpty()) {
            jobs.add(new Job(nanos, servers2, 1, plan.averageTime()));
        }
        for (CacheKind cache : List.of(CacheKind.MEMCACHED, CacheKind.REDIS)) {
            List<Workload> remote = baselines.stream().filter(baselinesOf(cache)::contains).toList();
            List<Job> block = new ArrayList<>();
            if (!remote.isEmpty()) {
                block.add(new Job(remote, servers2, 1, false, 1, cache));
            }
            block.addAll(pairedJobs.getOrDefault(cache, List.of()));
            jobs.addAll(block);
        }
        return jobs;
    }

    /**
     * Where the sweeps run: the first server database given (MariaDB or MySQL, whose network round
     * trip is part of every cost), else the first database.
     */
    static String sweepDatabase(Collection<String> specs) {
        return specs.stream().filter(spec -> !BenchDatabases.embedded(spec)).findFirst()
                .orElse(specs.stream().findFirst().orElse(null));
    }

    /** One sized workload at every size of its sweep. */
    private static Job sizeSweep(Workload w, Map<String, List<String>> stackParams, int stacks) {
        Map<String, List<String>> params = new LinkedHashMap<>(stackParams);
        params.put("size", java.util.Arrays.stream(w.sizes()).mapToObj(String::valueOf).toList());
        return new Job(List.of(w), params, stacks, false);
    }

    private static List<Workload> workloads(RunPlan plan, Workload.Group group) {
        List<Workload> list = new ArrayList<>();
        for (Workload w : Workload.values()) {
            if (w.group == group && plan.includes(w)) {
                list.add(w);
            }
        }
        return list;
    }

    private static Map<String, List<String>> stackParams(String db, List<Impl> impls, CacheKind cache, String servers,
                                                         String redisServers) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("db", List.of(db));
        params.put("impl", impls.stream().map(Impl::name).toList());
        params.put("cache", List.of(cache.name()));
        params.put("memcached", List.of(servers));
        params.put("redis", List.of(redisServers));
        return params;
    }

    private static Collection<RunResult> runJmh(Job job, RunPlan plan, Path sidecar, List<String> containerArgs,
                                                ProgressFormat format) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .forks(plan.forks())
                .warmupIterations(plan.warmupIterations())
                .warmupTime(TimeValue.milliseconds(plan.warmupTime().toMillis()))
                .measurementIterations(plan.measurementIterations())
                .measurementTime(TimeValue.milliseconds(plan.measurementTime().toMillis()))
                .mode(Mode.SampleTime)
                .threads(job.threads())
                .shouldFailOnError(false)
                .timeout(TimeValue.minutes(5))
                .jvmArgs(jvmArgs(sidecar, containerArgs));
        for (String profiler : plan.profilers()) {
            // JMH's -prof syntax: a name or class, then optionally ':' and the profiler's options.
            int colon = profiler.indexOf(':');
            if (colon < 0) {
                options.addProfiler(profiler);
            } else {
                options.addProfiler(profiler.substring(0, colon), profiler.substring(colon + 1));
            }
        }
        if (job.averageTime()) {
            options.mode(Mode.AverageTime);
        }
        for (Workload w : job.workloads()) {
            options.include("\\." + Pattern.quote(w.id()) + "$");
        }
        job.params().forEach((name, values) -> options.param(name, values.toArray(String[]::new)));
        try {
            return new Runner(options.build(), format).run();
        } catch (RunnerException e) {
            Map<String, String> params = new LinkedHashMap<>();
            job.params().forEach((name, values) -> params.put(name, String.join(",", values)));
            format.invocationFailed(job.workloads().stream().map(Workload::id).toList(), params,
                    String.valueOf(e.getMessage()).strip());
            return List.of();
        }
    }

    private static String[] jvmArgs(Path sidecar, List<String> containerArgs) {
        List<String> args = new ArrayList<>(FORK_HEAP);
        args.addAll(containerArgs);
        args.add("-Dslf4j.internal.verbosity=ERROR");
        args.add("-D" + Sidecar.PROPERTY + "=" + sidecar);
        return args.toArray(String[]::new);
    }

    private static Results.MemcachedInfo probeMemcached(String servers, PrintStream progress) {
        if (servers == null) {
            return new Results.MemcachedInfo(null, Map.of(), false, "no memcached servers given");
        }
        try {
            Map<String, String> versions = Memcached.probe(servers);
            progress.printf("memcached %s: version %s%n", servers, String.join(", ", versions.values()));
            return new Results.MemcachedInfo(servers, versions, true, null, Memcached.clientSettings());
        } catch (RuntimeException e) {
            progress.printf("memcached %s left out: %s%n", servers, e.getMessage());
            return new Results.MemcachedInfo(servers, Map.of(), false, e.getMessage());
        }
    }

    private static Results.RedisInfo probeRedis(String servers, PrintStream progress) {
        if (servers == null) {
            return Results.RedisInfo.NOT_GIVEN;
        }
        try {
            String version = Redis.probe(servers);
            progress.printf("redis %s: version %s%n", servers, version);
            return new Results.RedisInfo(servers, version, true, null, Redis.clientSettings(servers));
        } catch (RuntimeException e) {
            String reason = oneLine(e);
            progress.printf("redis %s left out: %s%n", servers, reason);
            return new Results.RedisInfo(servers, null, false, reason, null);
        }
    }

    private static void probeDatabase(String spec, Results.MemcachedInfo memcached, Results.RedisInfo redis, RunPlan plan,
                                      List<Results.DatabaseInfo> databases, List<Results.Dropped> dropped,
                                      Map<String, Map<CacheKind, List<Impl>>> stacks, PrintStream progress) {
        Database database;
        try {
            database = BenchDatabases.open(spec);
        } catch (RuntimeException e) {
            String reason = oneLine(e);
            progress.printf("database %s left out: %s%n", spec, reason);
            databases.add(new Results.DatabaseInfo(spec, spec, null, false, reason, null));
            return;
        }
        try {
            String version = database.serverVersion();
            databases.add(new Results.DatabaseInfo(spec, BenchDatabases.label(spec, version), version, true, null,
                    BenchDatabases.config(spec).maximumPoolSize()));
            progress.printf("database %s: %s%n", spec, version);
            Map<CacheKind, List<Impl>> byCache = new LinkedHashMap<>();
            for (CacheKind cache : CacheKind.values()) {
                List<Impl> impls = new ArrayList<>();
                for (Impl impl : Impl.values()) {
                    if (!impl.supports(cache)) {
                        continue; // jdbc × native: impossible, not a stack that failed to open
                    }
                    String reason = null;
                    if (cache == CacheKind.MEMCACHED && !memcached.available()) {
                        reason = memcached.reason();
                    } else if (cache == CacheKind.REDIS && !redis.available()) {
                        // Said, not measured against a default address nobody chose.
                        reason = "redis: " + redis.reason();
                    } else if (cache.remote() && cache != CacheKind.MEMCACHED && cache != CacheKind.REDIS) {
                        reason = "the benchmark takes no " + cache + " servers yet (only --memcached and --redis)";
                    } else {
                        CacheSettings settings = CacheSettings.defaults();
                        if (memcached.available()) {
                            settings = settings.withMemcachedServers(memcached.servers());
                        }
                        if (redis.available()) {
                            settings = settings.withRedisServers(redis.servers());
                        }
                        try (Stack stack = Stack.over(database, impl, cache, settings)) {
                            Objects.requireNonNull(stack.hosts());
                        } catch (RuntimeException e) {
                            reason = oneLine(e);
                        }
                    }
                    if (reason == null) {
                        impls.add(impl);
                    } else {
                        dropped.add(new Results.Dropped(spec, impl.toString(), cache.toString(), reason));
                        progress.printf("  %s/%s left out: %s%n", impl, cache, reason);
                    }
                }
                byCache.put(cache, impls);
            }
            stacks.put(spec, byCache);
        } finally {
            if (plan.forks() > 0) {
                // The forks open it themselves; an H2 file may have one owner at a time.
                BenchDatabases.close(spec);
            }
        }
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }

    /**
     * The {@code ./study} command line that makes this run: each database in a {@code --db}, but
     * H2 where bench adds it by itself (a quick run, or a full run given no server); the memcached
     * servers in {@code --memcached}, Redis in {@code --redis}.
     */
    static String command(BenchOptions options, RunPlan plan) {
        StringBuilder command = new StringBuilder("./study");
        boolean h2Implied = options.quick() || options.databases().stream().allMatch(db -> db.equalsIgnoreCase("h2"));
        for (String db : options.databases()) {
            if (db.equalsIgnoreCase("h2") && h2Implied) {
                continue;
            }
            String safe = db.replaceAll("(?i)(password=)[^&;]*", "$1***");
            command.append(" --db ").append(db.toLowerCase(Locale.ROOT).startsWith("jdbc:") ? "'" + safe + "'" : safe);
        }
        if (options.memcachedServers() != null) {
            command.append(" --memcached ").append(options.memcachedServers());
        }
        if (options.redisServers() != null) {
            command.append(" --redis ").append(options.redisServers());
        }
        command.append(" bench");
        if (options.quick()) {
            command.append(" --quick");
        }
        command.append(" --out ").append(options.outDir());
        if (plan.sweeps() && options.quick()) {
            command.append(" --sweeps");
        }
        if (plan.only() != null) {
            command.append(" --only '").append(plan.only()).append("'");
        }
        for (String profiler : plan.profilers()) {
            if (!profiler.equals(RunPlan.GC_PROFILER) && !profiler.equals(RunPlan.CPU_PROFILER)) {
                command.append(" --profile ").append(profiler);
            }
        }
        return command.toString();
    }

    /** The figures of one JMH result, for {@link Measurements}. */
    static double[] figures(Result<?> primary) {
        Statistics s = primary.getStatistics();
        return new double[] {primary.getScore(), primary.getScoreError(), s.getPercentile(50), s.getPercentile(90),
                s.getPercentile(99), s.getPercentile(99.9), s.getMax(), s.getN()};
    }
}
