package dev.sqlstudy.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.IterationResultMetaData;
import org.openjdk.jmh.results.ResultRole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.SampleTimeResult;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.WorkloadParams;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.SampleBuffer;

/**
 * The remote hits and their raw baselines run interleaved, one fork a round
 * ({@link BenchRunner#PAIRED}); afterwards the rounds of one trial are one trial again, as the forks
 * of one JMH invocation are ({@link BenchRunner#mergeForks}).
 */
class InterleavedRoundsTest {

    private static final String HIT = "dev.sqlstudy.bench.StackBenchmarks.pointById";
    private static final String GET = "dev.sqlstudy.bench.CacheBaselines.memcachedGet";

    @Test
    void mergeForks_twoRoundsOfOneTrial_becomeOneTrialWithBothForksSamples() {
        // Round 1: the raw get, then the hit; round 2: the same again, each call taking longer.
        List<RunResult> rounds = List.of(
                run(GET, "JDBC", 100_000, 100_000, 100_000), run(HIT, "JDBC", 120_000, 120_000),
                run(GET, "JDBC", 200_000, 200_000, 200_000), run(HIT, "JDBC", 240_000, 240_000));

        List<RunResult> merged = BenchRunner.mergeForks(rounds);

        assertThat(merged).as("one result per trial, in the order they first ran").hasSize(2)
                .extracting(r -> r.getParams().getBenchmark()).containsExactly(GET, HIT);
        RunResult get = merged.get(0);
        assertThat(get.getBenchmarkResults()).as("both rounds' forks").hasSize(2);
        assertThat(get.getPrimaryResult().getStatistics().getN()).as("every sample of both").isEqualTo(6);
        // JMH keeps samples in a histogram whose buckets round them by well under 0.1 %.
        assertThat(get.getPrimaryResult().getScore()).as("the mean over both rounds, ns")
                .isCloseTo(150_000.0, withinPercentage(0.1));
        assertThat(merged.get(1).getPrimaryResult().getScore()).isCloseTo(180_000.0, withinPercentage(0.1));
    }

    @Test
    void mergeForks_differentStacksOrModes_stayApart() {
        List<RunResult> runs = List.of(run(HIT, "JDBC", 1_000), run(HIT, "MYBATIS", 2_000), run(HIT, "JDBC", 3_000));

        List<RunResult> merged = BenchRunner.mergeForks(runs);

        assertThat(merged).hasSize(2);
        assertThat(merged).filteredOn(r -> r.getParams().getParam("impl").equals("MYBATIS")).singleElement()
                .satisfies(r -> assertThat(r.getBenchmarkResults()).hasSize(1));
        assertThat(merged).filteredOn(r -> r.getParams().getParam("impl").equals("JDBC")).singleElement()
                .satisfies(r -> assertThat(r.getPrimaryResult().getScore()).isCloseTo(2_000.0, withinPercentage(0.1)));
    }

    /** One fork's result of {@code benchmark} on {@code impl}: one SampleTime iteration of these samples (ns). */
    private static RunResult run(String benchmark, String impl, long... samplesNs) {
        WorkloadParams workload = new WorkloadParams();
        workload.put("impl", impl, 0);
        IterationParams warmup = new IterationParams(IterationType.WARMUP, 0, TimeValue.seconds(1), 1);
        IterationParams measurement = new IterationParams(IterationType.MEASUREMENT, 1, TimeValue.milliseconds(500), 1);
        BenchmarkParams params = new BenchmarkParams(benchmark, benchmark + "_jmhTest", false, 1, new int[] {1},
                List.of(), 1, 0, warmup, measurement, Mode.SampleTime, workload, TimeUnit.NANOSECONDS, 1, "java",
                List.of(), "17", "OpenJDK", "17", "1.37", TimeValue.minutes(5));
        SampleBuffer buffer = new SampleBuffer();
        for (long ns : samplesNs) {
            buffer.add(ns);
        }
        IterationResult iteration = new IterationResult(params, measurement,
                new IterationResultMetaData(samplesNs.length, samplesNs.length));
        iteration.addResult(new SampleTimeResult(ResultRole.PRIMARY, benchmark, buffer, TimeUnit.NANOSECONDS));
        return new RunResult(params, List.of(new BenchmarkResult(params, List.of(iteration))));
    }
}
