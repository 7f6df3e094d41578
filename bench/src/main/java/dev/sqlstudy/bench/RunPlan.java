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
 */
public record RunPlan(String name, int forks, int warmupIterations, Duration warmupTime,
                      int measurementIterations, Duration measurementTime, boolean averageTime, String only,
                      List<String> profilers, boolean sweeps) {

    /** The profiler of the bytes/op column. */
    public static final String GC_PROFILER = "gc";

    public RunPlan {
        if (forks < 0 || warmupIterations < 0 || measurementIterations < 1) {
            throw new IllegalArgumentException("forks ≥ 0, warm-up ≥ 0 and measurement ≥ 1 iterations");
        }
        if (only != null) {
            Pattern.compile(only);
        }
        Set<String> all = new LinkedHashSet<>();
        all.add(GC_PROFILER);
        if (profilers != null) {
            profilers.stream().map(String::strip).filter(p -> !p.isEmpty()).forEach(all::add);
        }
        profilers = List.copyOf(all);
    }

    public RunPlan(String name, int forks, int warmupIterations, Duration warmupTime, int measurementIterations,
                   Duration measurementTime, boolean averageTime, String only) {
        this(name, forks, warmupIterations, warmupTime, measurementIterations, measurementTime, averageTime, only,
                List.of(), false);
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
        return new RunPlan("full", 2, 5, Duration.ofSeconds(1), 2, Duration.ofMillis(500), true, null, List.of(), true);
    }

    public static RunPlan of(boolean quick) {
        return quick ? quick() : full();
    }

    public RunPlan withOnly(String regex) {
        return new RunPlan(name, forks, warmupIterations, warmupTime, measurementIterations, measurementTime, averageTime,
                regex, profilers, sweeps);
    }

    public RunPlan withForks(int value) {
        return new RunPlan(name, value, warmupIterations, warmupTime, measurementIterations, measurementTime, averageTime,
                only, profilers, sweeps);
    }

    public RunPlan withTimes(int warmups, Duration warmup, int measurements, Duration measurement) {
        return new RunPlan(name, forks, warmups, warmup, measurements, measurement, averageTime, only, profilers,
                sweeps);
    }

    public RunPlan withAverageTime(boolean value) {
        return new RunPlan(name, forks, warmupIterations, warmupTime, measurementIterations, measurementTime, value, only,
                profilers, sweeps);
    }

    /** These profilers besides {@code gc} ({@code ./study bench --profile stack}). */
    public RunPlan withProfilers(List<String> more) {
        List<String> all = new ArrayList<>(profilers);
        all.addAll(more == null ? List.of() : more);
        return new RunPlan(name, forks, warmupIterations, warmupTime, measurementIterations, measurementTime, averageTime,
                only, all, sweeps);
    }

    /** With or without the scaling and thread sweeps ({@code ./study bench --quick --sweeps}). */
    public RunPlan withSweeps(boolean value) {
        return new RunPlan(name, forks, warmupIterations, warmupTime, measurementIterations, measurementTime, averageTime,
                only, profilers, value);
    }


    boolean includes(Workload workload) {
        return only == null || Pattern.compile(only).matcher(workload.id()).find();
    }

    /** About how long one trial takes, set-up excluded: its iterations, in each of its forks. */
    Duration trialTime() {
        return warmupTime.multipliedBy(warmupIterations).plus(measurementTime.multipliedBy(measurementIterations))
                .multipliedBy(Math.max(forks, 1));
    }
}
