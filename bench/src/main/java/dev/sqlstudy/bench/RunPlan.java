package dev.sqlstudy.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How long and how often JMH measures. {@link #quick()} runs every trial in this JVM with short
 * iterations — indicative figures in a few minutes; {@link #full()} forks a fresh JVM per trial
 * and measures longer — the figures to quote.
 *
 * @param forks        0 runs in this JVM, n ≥ 1 forks n fresh JVMs per trial
 * @param averageTime  also measure the sub-microsecond workloads (cached point look-ups, the
 *                     baselines) in JMH's AverageTime mode, whose mean is exact for nanosecond
 *                     operations (SampleTime's includes one timer read per sample); the percentiles
 *                     always come from SampleTime
 * @param only         a regular expression a workload id ({@code StackBenchmarks.pointById}) must
 *                     contain to run, or null for all
 * @param profilers    JMH profilers every trial runs with, as JMH's {@code -prof} takes them
 *                     ({@code gc}, {@code stack:lines=5}); {@code gc} is always among them: it gives the
 *                     report's bytes per operation at no measurable cost
 * @param sweeps       also run the scaling sweep (each sized workload at every size of
 *                     {@link Workload#sizes()} on the uncached stacks) and the thread sweep
 *                     ({@link Workload#THREAD_COUNTS}); the full run does, {@code --quick} only with
 *                     {@code --sweeps}
 * @param pairedWarmupIterations warm-up iterations of the remote hits and their raw baselines, which
 *                     run interleaved ({@link BenchRunner#PAIRED}): a round trip per operation makes
 *                     few calls a second, so their code reaches the JIT's last tier later (see
 *                     {@link #PAIRED_WARMUP})
 */
public record RunPlan(String name, int forks, int warmupIterations, Duration warmupTime,
                      int measurementIterations, Duration measurementTime, boolean averageTime, String only,
                      List<String> profilers, boolean sweeps, int pairedWarmupIterations) {

    /** The profiler of the bytes/op column. */
    public static final String GC_PROFILER = "gc";
    /** The profiler of the CPU per operation figures ({@link ThreadCpuProfiler}). */
    public static final String CPU_PROFILER = ThreadCpuProfiler.class.getName();

    public RunPlan {
        if (forks < 0 || warmupIterations < 0 || measurementIterations < 1) {
            throw new IllegalArgumentException("forks ≥ 0, warm-up ≥ 0 and measurement ≥ 1 iterations");
        }
        if (only != null) {
            Pattern.compile(only);
        }
        Set<String> all = new LinkedHashSet<>();
        all.add(GC_PROFILER);
        all.add(CPU_PROFILER);
        if (profilers != null) {
            profilers.stream().map(String::strip).filter(p -> !p.isEmpty()).forEach(all::add);
        }
        profilers = List.copyOf(all);
        if (pairedWarmupIterations < warmupIterations) {
            throw new IllegalArgumentException("the paired trials warm up at least as long as the others");
        }
    }

    public RunPlan(String name, int forks, int warmupIterations, Duration warmupTime, int measurementIterations,
                   Duration measurementTime, boolean averageTime, String only) {
        this(name, forks, warmupIterations, warmupTime, measurementIterations, measurementTime, averageTime, only,
                List.of(), false, warmupIterations);
    }

    /** A plan whose paired trials warm up like the others. */
    public RunPlan(String name, int forks, int warmupIterations, Duration warmupTime, int measurementIterations,
                   Duration measurementTime, boolean averageTime, String only, List<String> profilers, boolean sweeps) {
        this(name, forks, warmupIterations, warmupTime, measurementIterations, measurementTime, averageTime, only,
                profilers, sweeps, warmupIterations);
    }

    /**
     * In this JVM; 1 warm-up and 3 measured iterations of 100 ms per trial, SampleTime only; the
     * standard matrix only. Sized so the whole matrix on H2 + two servers with every cache stays
     * within 6 minutes on 2 cores (about 500 trials, each 0.4 s plus its set-up).
     */
    public static RunPlan quick() {
        return new RunPlan("quick", 0, 1, Duration.ofMillis(100), 3, Duration.ofMillis(100), false, null, List.of(),
                false);
    }

    /**
     * Two fresh JVMs per trial (so a figure is not one JIT's luck); per fork 5 warm-up iterations
     * of 1 s and 2 measured ones of 500 ms; AverageTime where it matters; the scaling and thread
     * sweeps; the cached stacks on their hit, miss and mix ({@link BenchRunner#onStack}).
     *
     * <p>Why 5 s of warm-up: on 2 cores a framework's point read is still being compiled for
     * seconds — Hibernate's uncached read by id on MariaDB, one fork, 1 s iterations, came down
     * from 670–1,100 µs in the first second to about 200 µs after 4–6 s and 80–130 µs after 9 s
     * (the measured curve is in bench/README). 1 s (the plan until the fourth session) left the
     * frameworks at 2–3× their warm figures. Longer does not fit: a fork also costs 2–4 s to start,
     * boot its stack and load its data (measured: about 21 s a trial with 750 ms iterations), and the
     * 208 trials of MariaDB + MySQL with every cache and the sweeps must fit in 75 minutes.
     */
    public static RunPlan full() {
        return new RunPlan("full", 2, 5, Duration.ofSeconds(1), 2, Duration.ofMillis(500), true, null, List.of(), true,
                PAIRED_WARMUP);
    }

    /**
     * The full run's warm-up of the remote hits and their raw baselines, in 1 s iterations. Measured
     * here (bench/README, "How long a remote hit takes to warm up"): a memcached-cached read by id
     * took 7–9 s to settle on the three implementations — its whole-JVM CPU per call fell from about
     * 350 µs to the caller's and the I/O thread's together (about 80 µs) — the 16-name IN list and
     * the raw get about 10 s, while at 5 s they were still 1.5–3× their settled time: a remote call
     * takes 100 µs or more, so its code is called only some 10,000 times a second and reaches the
     * JIT's last tier seconds after a Caffeine hit's. 17 trials × 2 forks × 5 s more fit the budget
     * (about 73 minutes); every trial's would not, nor 12 s for these.
     */
    static final int PAIRED_WARMUP = 10;

    public static RunPlan of(boolean quick) {
        return quick ? quick() : full();
    }

    public RunPlan withOnly(String regex) {
        return new RunPlan(name, forks, warmupIterations, warmupTime, measurementIterations, measurementTime, averageTime,
                regex, profilers, sweeps, pairedWarmupIterations);
    }

    public RunPlan withForks(int value) {
        return new RunPlan(name, value, warmupIterations, warmupTime, measurementIterations, measurementTime, averageTime,
                only, profilers, sweeps, pairedWarmupIterations);
    }

    public RunPlan withTimes(int warmups, Duration warmup, int measurements, Duration measurement) {
        return new RunPlan(name, forks, warmups, warmup, measurements, measurement, averageTime, only, profilers,
                sweeps, warmups);
    }

    public RunPlan withAverageTime(boolean value) {
        return new RunPlan(name, forks, warmupIterations, warmupTime, measurementIterations, measurementTime, value, only,
                profilers, sweeps, pairedWarmupIterations);
    }

    /** These profilers besides {@code gc} ({@code ./study bench --profile stack}). */
    public RunPlan withProfilers(List<String> more) {
        List<String> all = new ArrayList<>(profilers);
        all.addAll(more == null ? List.of() : more);
        return new RunPlan(name, forks, warmupIterations, warmupTime, measurementIterations, measurementTime, averageTime,
                only, all, sweeps, pairedWarmupIterations);
    }

    /** With or without the scaling and thread sweeps ({@code ./study bench --quick --sweeps}). */
    public RunPlan withSweeps(boolean value) {
        return new RunPlan(name, forks, warmupIterations, warmupTime, measurementIterations, measurementTime, averageTime,
                only, profilers, value, pairedWarmupIterations);
    }


    boolean includes(Workload workload) {
        return only == null || Pattern.compile(only).matcher(workload.id()).find();
    }

    /** About how long one trial takes, set-up excluded: its iterations, in each of its forks. */
    Duration trialTime() {
        return warmupTime.multipliedBy(warmupIterations).plus(measurementTime.multipliedBy(measurementIterations))
                .multipliedBy(Math.max(forks, 1));
    }

    /** This plan as the remote hits and their baselines run it: one fork a round, the longer warm-up. */
    RunPlan paired() {
        return new RunPlan(name, Math.min(forks, 1), pairedWarmupIterations, warmupTime, measurementIterations,
                measurementTime, averageTime, only, profilers, sweeps, pairedWarmupIterations);
    }

    /** How many interleaved rounds the paired trials run in: a round per fork of the other trials (1 in-process). */
    int pairedRounds() {
        return Math.max(forks, 1);
    }
}
