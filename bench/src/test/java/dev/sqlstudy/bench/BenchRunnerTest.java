package dev.sqlstudy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlstudy.cache.CacheKind;
import dev.sqlstudy.stack.Impl;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The bench path end to end in a tiny configuration — every workload on every stack that exists
 * on in-memory H2, a few milliseconds each — so the report cannot silently break.
 */
class BenchRunnerTest {

    private static final RunPlan TINY = RunPlan.quick().withTimes(0, Duration.ofMillis(10), 1, Duration.ofMillis(30));

    @Test
    void run_tinyInProcess_writesAllThreeWellFormedFiles(@TempDir Path out) throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        BenchResult result = BenchRunner.run(new BenchOptions(true, out, List.of("mem"), null), TINY,
                new PrintStream(progress, true, StandardCharsets.UTF_8));

        assertThat(result.failures()).as(progress.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(result.resultsJson()).isEqualTo(out.toAbsolutePath().resolve("results.json"));

        Results results = ResultsJson.read(result.resultsJson());
        int stackWorkloads = (int) java.util.Arrays.stream(Workload.values()).filter(w -> w.group == Workload.Group.STACK).count();
        assertThat(results.measurements()).as(progress.toString(StandardCharsets.UTF_8))
                .hasSizeGreaterThanOrEqualTo(stackWorkloads + 1);
        assertThat(result.measurements()).isEqualTo(results.measurements().size());
        Results.Measurement pointById = Measurements.find(results.measurements(), Workload.POINT_BY_ID, "mem", "JDBC", "NONE")
                .orElseThrow();
        assertThat(pointById.statementsPerOp()).as("statements per look-up, counted in the trial").isEqualTo(1.0);
        assertThat(pointById.ratioVsJdbc()).isEqualTo(1.0);
        assertThat(pointById.mean()).isPositive();
        assertThat(pointById.p50()).isPositive().isLessThanOrEqualTo(pointById.p99());
        assertThat(results.environment().cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(results.databases()).singleElement().satisfies(db -> assertThat(db.version()).startsWith("H2"));
        assertThat(results.goals()).extracting(Results.Goal::verdict).contains(Verdict.NOT_MEASURED);
        assertThat(ResultsJson.MAPPER.readTree(result.resultsJson().toFile()).get("goals"))
                .as("results.json keeps the verdicts as the strings scripts read")
                .extracting(goal -> goal.get("verdict").asText()).contains("not measured")
                .allMatch(v -> List.of("met", "not met", "not measured").contains(v));

        assertThat(pointById.bytesPerOp()).as("bytes/op from the gc profiler, always on").isNotNull().isPositive();
        JsonNode jmh = ResultsJson.MAPPER.readTree(result.jmhResultJson().toFile());
        assertThat(jmh.isArray()).as("JMH's own JSON, for jmh-visualizer").isTrue();
        assertThat(jmh.get(0).get("benchmark").asText()).startsWith("dev.sqlstudy.bench.");
        assertThat(jmh.get(0).get("secondaryMetrics").has(Measurements.ALLOC_NORM)).isTrue();

        String md = Files.readString(result.reportMarkdown());
        assertThat(md).startsWith("# sqlstudy — performance comparison")
                .contains("## Goals", "## Environment", "| jdbc/none |", "Point look-up by id");

        Document html = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(result.reportHtml().toFile());
        assertThat(html.getElementsByTagName("svg").getLength()).as("charts").isGreaterThanOrEqualTo(stackWorkloads);
        assertThat(html.getElementsByTagName("table").getLength()).isGreaterThan(2);
        assertThat(Files.readString(result.reportHtml())).as("renders offline: nothing fetched, nothing run")
                .doesNotContain("src=\"http", "href=\"http", "@import", "url(", "<script", "<link");

        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("[  1/", "StackBenchmarks.pointById", "done in");
    }

    @Test
    void run_forked_measuresInAFreshJvmAndCountsThere(@TempDir Path out) throws Exception {
        RunPlan forked = TINY.withForks(1).withAverageTime(true).withOnly("StackBenchmarks\\.pointById$|caffeineGet");
        BenchResult result = BenchRunner.run(new BenchOptions(false, out, List.of("mem"), null), forked,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        Results results = ResultsJson.read(result.resultsJson());
        assertThat(results.settings().forks()).isEqualTo(1);
        assertThat(results.environment().measuringHeapAndGc()).as("reported from inside the fork")
                .matches("max heap [0-9,]+ MB; .+");
        assertThat(results.measurements()).filteredOn(m -> m.db() != null)
                .as("one measurement per implementation × cache, the remote caches (no servers given) and jdbc × native aside")
                .hasSize((int) Arrays.stream(Impl.values()).flatMap(impl -> Arrays.stream(CacheKind.values())
                        .filter(cache -> !cache.remote() && impl.supports(cache))).count());
        assertThat(results.measurements()).filteredOn(m -> "jdbc/none".equals(m.stack())).singleElement().satisfies(m -> {
            assertThat(m.meanFrom()).as("a database round trip: SampleTime's mean").isEqualTo("SampleTime");
            assertThat(m.statementsPerOp()).as("counted in the fork, passed back").isEqualTo(1.0);
        });
        assertThat(results.measurements()).filteredOn(m -> m.db() == null).singleElement().satisfies(m ->
                assertThat(m.meanFrom()).as("a nanosecond operation: AverageTime's mean").isEqualTo("AverageTime"));
    }

    /**
     * With memcached and Redis given, their legs are measured on every implementation, and so are the
     * raw baselines made with the caches' own client settings. Needs memcached on 127.0.0.1:11211 and
     * Redis on 127.0.0.1:6379 ({@code STUDY_MEMCACHED} / {@code STUDY_REDIS} to change them): skipped
     * without them, failed with {@code CI=true}.
     */
    @Test
    void run_withMemcachedAndRedis_measuresTheirLegsAndTheSameClientBaselines(@TempDir Path out) throws Exception {
        String memcached = System.getenv().getOrDefault("STUDY_MEMCACHED", "127.0.0.1:11211");
        String redis = System.getenv().getOrDefault("STUDY_REDIS", "127.0.0.1:6379");
        requireReachable("memcached", memcached);
        requireReachable("redis", redis);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        BenchResult result = BenchRunner.run(new BenchOptions(true, out, List.of("mem"), memcached, redis),
                TINY.withOnly("StackBenchmarks\\.(pointById|inList)$|memcachedGet$|memcachedGetWithGeneration$|redisGet$|redisMget16$"),
                new PrintStream(progress, true, StandardCharsets.UTF_8));

        Results results = ResultsJson.read(result.resultsJson());
        assertThat(result.failures()).as(progress.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(results.memcached().clientSettings()).contains("binary protocol", "Ketama", "250 ms", "ByteTranscoder");
        assertThat(results.redis().available()).isTrue();
        assertThat(results.redis().version()).matches("\\d+\\..+");
        assertThat(results.redis().clientSettings()).contains("Lettuce", "command timeout 250 ms");
        assertThat(results.measurements()).filteredOn(m -> m.db() != null && m.workload().endsWith("pointById"))
                .as("one point look-up per implementation × cache, the remote caches included, jdbc × native aside")
                .hasSize((int) Arrays.stream(Impl.values()).flatMap(impl -> Arrays.stream(CacheKind.values())
                        .filter(impl::supports)).count());
        assertThat(results.measurements()).filteredOn(m -> m.db() == null).extracting(Results.Measurement::workload)
                .containsExactlyInAnyOrder("CacheBaselines.memcachedGet", "CacheBaselines.memcachedGetWithGeneration",
                        "CacheBaselines.redisGet",
                        "CacheBaselines.redisMget16");
        assertThat(results.goals()).filteredOn(g -> g.id().equals("redis-hit-vs-get"))
                .allSatisfy(g -> assertThat(g.verdict()).isNotEqualTo(Verdict.NOT_MEASURED))
                .allSatisfy(g -> assertThat(g.measured()).contains("the decorator adds"));
        assertThat(results.goals()).filteredOn(g -> g.id().equals("memcached-hit-vs-get"))
                .as("where a memcached hit's time goes: the raw multi-get of value and generation, then the decorator")
                .allSatisfy(g -> assertThat(g.measured()).contains("the multi-get of value and generation costs"));
        assertThat(results.goals()).filteredOn(g -> g.id().equals("redis-in-list"))
                .as("the 16-key in list through Redis, held to one raw MGET of the 16 keys, on every implementation")
                .hasSize(Impl.values().length)
                .allSatisfy(g -> assertThat(g.verdict()).isNotEqualTo(Verdict.NOT_MEASURED))
                .allSatisfy(g -> assertThat(g.measured()).contains("the decorator adds"));
        assertThat(Files.readString(result.reportMarkdown()))
                .contains("Redis baselines' client (the cache's own settings)", "Baseline: raw Lettuce GET")
                .contains("## Where a remote hit's time goes", "CPU/call: calling thread");
        assertThat(results.measurements()).filteredOn(m -> "jdbc/memcached".equals(m.stack()) || m.db() == null)
                .as("every remote hit and raw call with its CPU per call: the caller's and the client I/O thread's")
                .isNotEmpty()
                .allSatisfy(m -> {
                    assertThat(m.cpu()).isNotNull();
                    assertThat(m.cpu().caller()).isPositive();
                    assertThat(m.cpu().clientIo()).isPositive();
                });
        String log = progress.toString(StandardCharsets.UTF_8);
        assertThat(log.indexOf("jdbc/memcached  StackBenchmarks.pointById"))
                .as("the memcached hits run right after the raw calls they are held to (one block)")
                .isGreaterThan(log.indexOf("CacheBaselines.memcachedGetWithGeneration"))
                .isLessThan(log.indexOf("CacheBaselines.redisGet"));
    }

    private static void requireReachable(String leg, String servers) {
        String first = servers.split(",")[0].strip();
        int colon = first.lastIndexOf(':');
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(first.substring(0, colon),
                    Integer.parseInt(first.substring(colon + 1))), 1_000);
        } catch (java.io.IOException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true requires " + leg + " at " + servers + ", but: " + e.getMessage());
            }
            org.junit.jupiter.api.Assumptions.abort(leg + " is not reachable at " + servers + ": " + e.getMessage());
        }
    }

    @Test
    void run_withSweeps_measuresEverySizeOnTheUncachedStacksAndEveryThreadCount(@TempDir Path out) throws Exception {
        RunPlan sweeps = TINY.withSweeps(true).withAverageTime(false)
                .withOnly("StackBenchmarks\\.inList$|NPlusOneBenchmarks\\.inListNaive$|pointByIdThreads");
        BenchResult result = BenchRunner.run(new BenchOptions(true, out, List.of("mem"), null), sweeps,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        Results results = ResultsJson.read(result.resultsJson());
        assertThat(results.measurements()).filteredOn(m -> m.workload().equals("StackBenchmarks.inList")
                        && "jdbc/none".equals(m.stack()))
                .as("the IN list at each size of its sweep, one statement each")
                .allSatisfy(m -> assertThat(m.statementsPerOp()).isEqualTo(1.0))
                .extracting(Results.Measurement::size).containsExactly(1, 16, 256);
        assertThat(results.measurements()).filteredOn(m -> m.workload().equals("NPlusOneBenchmarks.inListNaive")
                        && "jdbc/none".equals(m.stack()))
                .as("its N+1 variant: one statement per name")
                .extracting(Results.Measurement::size, Results.Measurement::statementsPerOp)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1.0), org.assertj.core.groups.Tuple.tuple(16, 16.0),
                        org.assertj.core.groups.Tuple.tuple(256, 256.0));
        assertThat(results.measurements()).filteredOn(m -> m.workload().equals("StackBenchmarks.inList")
                        && "jdbc/caffeine".equals(m.stack()))
                .as("with the sweeps a Caffeine stack runs no IN list: only memcached's and Redis's is held to a goal")
                .isEmpty();
        assertThat(results.measurements()).filteredOn(m -> m.workload().equals("ThreadedBenchmarks.pointByIdThreads"))
                .as("bare and through each local cache on raw JDBC, and the native caches, at 1, 2, 4 and 8 threads")
                .allSatisfy(m -> assertThat(m.ops()).as("operations of every thread counted").isPositive())
                .extracting(Results.Measurement::stack, Results.Measurement::threads)
                .contains(org.assertj.core.groups.Tuple.tuple("jdbc/none", 8), org.assertj.core.groups.Tuple.tuple("jdbc/caffeine", 2),
                        org.assertj.core.groups.Tuple.tuple("hibernate/native", 4), org.assertj.core.groups.Tuple.tuple("mybatis/native", 1))
                .hasSize(4 * 4);
        assertThat(results.databases()).singleElement().satisfies(db -> assertThat(db.poolSize()).isPositive());
        assertThat(Files.readString(result.reportMarkdown())).as("the sweeps in the report")
                .contains("## How costs grow", "| IN list of N host names | H2", "1: ", "256: ", "| jdbc/none | 8 |");
    }

    @Test
    void run_unreachableDatabaseMemcachedAndRedis_areLeftOutWithTheReason(@TempDir Path out) throws Exception {
        BenchResult result = BenchRunner.run(
                new BenchOptions(true, out, List.of("jdbc:mysql://127.0.0.1:1/none"), "127.0.0.1:1", "127.0.0.1:2"),
                TINY.withOnly("caffeineGet"), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        Results results = ResultsJson.read(result.resultsJson());
        assertThat(results.databases()).singleElement().satisfies(db -> {
            assertThat(db.available()).isFalse();
            assertThat(db.reason()).startsWith("cannot connect to jdbc:mysql://127.0.0.1:1/none");
        });
        assertThat(results.memcached().available()).isFalse();
        assertThat(results.redis().available()).isFalse();
        assertThat(results.redis().reason()).as("one line").startsWith("cannot reach redis at 127.0.0.1:2").doesNotContain("\n");
        assertThat(results.measurements()).extracting(Results.Measurement::workload).containsExactly("CacheBaselines.caffeineGet");
        assertThat(Files.readString(result.reportMarkdown())).contains("left out", "127.0.0.1:1", "- redis: cannot reach redis at 127.0.0.1:2");
    }
}
