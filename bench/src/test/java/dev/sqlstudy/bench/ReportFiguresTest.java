package dev.sqlstudy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figures the report adds to JMH's (made-up results: this checks the writing, not a
 * measurement): bytes per operation, which mode a mean comes from, the timer's resolution where it
 * matters, noisy rows, the measuring JVM — in both reports and in {@code results.json}.
 */
class ReportFiguresTest {

    private static final Results.DatabaseInfo H2 = new Results.DatabaseInfo("mem", "H2 in-memory", "H2 2.5", true, null, 10);

    /** A cached hit: 41 ns from AverageTime, nothing allocated, percentiles a few timer reads. */
    private static final Results.Measurement CAFFEINE_HIT = m("JDBC", "CAFFEINE", "AverageTime", 41, 2.0, 0.0);
    /** A database read: 14 µs from SampleTime, 2,336 bytes, an error of 30 % of the mean. */
    private static final Results.Measurement NOISY_READ = m("JDBC", "NONE", "SampleTime", 14_000, 4_200.0, 2_336.0);
    /** A row of a run without the gc profiler. */
    private static final Results.Measurement UNPROFILED = m("MYBATIS", "NONE", "SampleTime", 20_000, 100.0, null);

    @Test
    void noisy_errorOverAFifthOfTheMean_isFlagged() {
        assertThat(Results.Measurement.noisy(100, 20.1)).isTrue();
        assertThat(Results.Measurement.noisy(100, 20.0)).as("exactly 20 %").isFalse();
        assertThat(Results.Measurement.noisy(100, null)).as("no error from JMH").isFalse();
    }

    @Test
    void markdown_showsBytesPerOpTheMeanModeTheTimerAndNoise() {
        String md = MarkdownReport.render(results(CAFFEINE_HIT, NOISY_READ, UNPROFILED));

        assertThat(md).contains("| bytes/op |", "| jdbc/caffeine |", "41.0 ns ± 2.00 ns†", "| ≈ 0 |",
                "14.0 µs ± 4.20 µs noisy", "| 2,336 |", "45.1 ns‡");
        assertThat(line(md, "| mybatis/none |")).as("no gc profiler: no figure, not zero").contains("| — |")
                .doesNotContain("≈ 0", "‡", "noisy", "†");
        assertThat(md).contains("| Timer (System.nanoTime) | granularity 1.00 ns, one read 25.0 ns |",
                "| Measuring JVM | 1 JMH fork(s) per trial: a fresh JVM of this JDK with -Xms1g -Xmx1g |",
                "| Its heap and GC (reported by the trials) | max heap 1,024 MB; G1 Young Generation, G1 Old Generation |",
                "profilers gc");
        assertThat(md).contains("marked † comes from JMH's AverageTime", "are marked ‡", "gc.alloc.rate.norm",
                "more than 20 % of the mean");
    }

    @Test
    void html_marksTheNoisyMeanCellAndHasTheBytesColumn() {
        String html = HtmlReport.render(results(CAFFEINE_HIT, NOISY_READ, UNPROFILED));

        assertThat(html).contains("<th>bytes/op</th>", "<td class=\"noisy\">14.0 µs ± 4.20 µs noisy</td>",
                "<td>41.0 ns ± 2.00 ns†</td>", "<td>2,336</td>", "<td>≈ 0</td>");
    }

    @Test
    void resultsJson_holdsBytesPerOpNoiseAndTheTimer(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("results.json");
        ResultsJson.write(results(CAFFEINE_HIT, NOISY_READ, UNPROFILED), file);

        JsonNode json = ResultsJson.MAPPER.readTree(file.toFile());
        JsonNode hit = json.get("measurements").get(0);
        assertThat(hit.get("bytesPerOp").asDouble()).isZero();
        assertThat(hit.get("meanFrom").asText()).isEqualTo("AverageTime");
        assertThat(json.get("measurements").get(1).get("noisy").asBoolean()).isTrue();
        assertThat(json.get("measurements").get(2).get("bytesPerOp").isNull()).isTrue();
        assertThat(json.get("environment").get("timerLatencyNs").asDouble()).isEqualTo(25.0);
        assertThat(json.get("settings").get("profilers").get(0).asText()).isEqualTo("gc");
        assertThat(ResultsJson.read(file).measurements()).containsExactly(CAFFEINE_HIT, NOISY_READ, UNPROFILED);
    }

    @Test
    void runPlan_alwaysProfilesGcAndCpuAndAddsWhatIsAsked() {
        assertThat(RunPlan.quick().profilers()).as("bytes/op and CPU per call in every run")
                .containsExactly("gc", ThreadCpuProfiler.class.getName());
        assertThat(RunPlan.full().withProfilers(List.of("stack:lines=5", "gc", " ")).profilers())
                .containsExactly("gc", ThreadCpuProfiler.class.getName(), "stack:lines=5");
    }

    @Test
    void command_namesTheCellAndTheProfilers() {
        RunPlan plan = RunPlan.quick().withOnly("StackBenchmarks.pointById$").withProfilers(List.of("stack"));

        assertThat(BenchRunner.command(new BenchOptions(true, Path.of("out"), List.of("mem"), null), plan))
                .isEqualTo("./study --db mem bench --quick --out out --only 'StackBenchmarks.pointById$' --profile stack");
    }

    private static String line(String text, String start) {
        return text.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow();
    }

    @Test
    void sweepOnlyNote_secondServerWithoutCachesOrNPlusOne_namesWhatItLacksAndWhy() {
        Results.DatabaseInfo mysql = new Results.DatabaseInfo("container:mysql", "MySQL", "MySQL 9.7.4", true, null, 10);
        Results.Measurement naive = m(H2.spec(), Workload.ALL_PARENTS_NAIVE, "JDBC", "NONE", 900_000, null);
        Results both = results(List.of(H2, mysql), m("JDBC", "NONE", "SampleTime", 50_000, 1_000.0, null),
                m("JDBC", "CAFFEINE", "AverageTime", 41, 1.0, 0.0), naive,
                m(mysql.spec(), Workload.POINT_BY_ID, "JDBC", "NONE", 60_000, null));

        assertThat(Report.sweepOnlyNote(both)).hasValueSatisfying(note -> assertThat(note)
                .startsWith("The cache goals are judged on H2 in-memory only: this run measured no cached stack on MySQL. "
                        + "The N+1 goals are judged on H2 in-memory only: this run measured no N+1 variant on MySQL.")
                .contains("the quick run has every cache and every N+1 variant on every database"));
        assertThat(Report.sweepOnlyNote(results(List.of(H2, mysql), m("JDBC", "NONE", "SampleTime", 50_000, 1_000.0, null),
                naive))).as("a database with no measurement at all is not said to lack anything").isEmpty();
    }

    private static Results results(Results.Measurement... ms) {
        return results(List.of(H2), ms);
    }

    private static Results results(List<Results.DatabaseInfo> databases, Results.Measurement... ms) {
        return new Results(1,
                new Results.Settings("full", "SampleTime", 1, 1, 3, 1000, 5, 1000, null, "./study bench", List.of("gc")),
                new Results.Environment("17", "vm", "os", "cpu", 2, "tsc", 1024, "1.37", "abc", false, "0.1 0.1 0.1",
                        "start", "end", 60, 1.0, 25.0, "1 JMH fork(s) per trial: a fresh JVM of this JDK with -Xms1g -Xmx1g",
                        "max heap 1,024 MB; G1 Young Generation, G1 Old Generation"),
                databases, new Results.MemcachedInfo(null, Map.of(), false, "no memcached servers given"), List.of(),
                List.of(ms), List.of(), List.of());
    }

    private static Results.Measurement m(String impl, String cache, String meanFrom, double mean, Double error,
                                         Double bytes) {
        return m(H2.spec(), Workload.POINT_BY_ID, impl, cache, meanFrom, mean, error, bytes);
    }

    private static Results.Measurement m(String db, Workload w, String impl, String cache, double mean, Double bytes) {
        return m(db, w, impl, cache, "SampleTime", mean, mean / 100, bytes);
    }

    private static Results.Measurement m(String db, Workload w, String impl, String cache, String meanFrom, double mean,
                                         Double error, Double bytes) {
        double p50 = mean * 1.1;
        return new Results.Measurement(w.id(), w.title, w.group.name(), db, impl, cache,
                impl.toLowerCase() + "/" + cache.toLowerCase(), meanFrom, 1000, mean, error, p50, p50, p50, p50, p50,
                1e9 / mean, 1, mean, 100L, 0.0, 0.0, null, null, null, null, bytes, bytes == null ? null : 0.5,
                Results.Measurement.noisy(mean, error), null, 1);
    }
}
