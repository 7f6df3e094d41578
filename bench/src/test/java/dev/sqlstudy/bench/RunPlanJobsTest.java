package dev.sqlstudy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlstudy.cache.CacheKind;
import dev.sqlstudy.stack.Impl;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a run measures, before it measures anything: the JMH invocations {@link BenchRunner#jobs}
 * plans for H2 + MariaDB + MySQL with memcached and Redis — the run {@code docs/bench-full/} comes
 * from. The trial count is what the budget is made of (two forks per trial in a full run).
 */
class RunPlanJobsTest {

    private static final String MARIADB = "jdbc:mysql://127.0.0.1:3306/sqlstudy_bench";
    private static final String MYSQL = "container:mysql";

    private static final Results.MemcachedInfo MEMCACHED =
            new Results.MemcachedInfo("127.0.0.1:11211", Map.of("127.0.0.1:11211", "1.6.18"), true, null, "binary");
    private static final Results.RedisInfo REDIS =
            new Results.RedisInfo("127.0.0.1:6379", "7.0.15", true, null, "Lettuce");

    @Test
    void jobs_fullRunOnThreeDatabases_sweepsOnlyTheFirstServer() {
        List<BenchRunner.Job> jobs = BenchRunner.jobs(RunPlan.full(), everyStackOn("h2", MARIADB, MYSQL), MEMCACHED, REDIS);

        assertThat(jobs).filteredOn(job -> job.params().containsKey("size") || job.threads() > 1)
                .as("the size and thread sweeps")
                .isNotEmpty()
                .allSatisfy(job -> assertThat(job.params().get("db")).containsExactly(MARIADB));
        assertThat(BenchRunner.sweepDatabase(List.of("h2", MARIADB, MYSQL))).isEqualTo(MARIADB);
        assertThat(BenchRunner.sweepDatabase(List.of("h2", "mem"))).as("no server given: the first database").isEqualTo("h2");
    }

    @Test
    void jobs_everyDatabase_hasEveryStackAtTheStandardSize() {
        List<BenchRunner.Job> jobs = BenchRunner.jobs(RunPlan.full(), everyStackOn("h2", MARIADB, MYSQL), MEMCACHED, REDIS);

        for (String db : List.of("h2", MARIADB, MYSQL)) {
            for (CacheKind cache : CacheKind.values()) {
                assertThat(jobs).as("%s × %s measures the point read", db, cache)
                        .anySatisfy(job -> {
                            assertThat(job.params().get("db")).containsExactly(db);
                            assertThat(job.params().get("cache")).containsExactly(cache.name());
                            assertThat(job.workloads()).contains(Workload.POINT_BY_ID);
                        });
            }
        }
    }

    @Test
    void jobs_fullRun_insertsOnlyOnTheUncachedStacks() {
        List<BenchRunner.Job> full = BenchRunner.jobs(RunPlan.full(), everyStackOn(MARIADB), MEMCACHED, REDIS);
        List<BenchRunner.Job> quick = BenchRunner.jobs(RunPlan.quick(), everyStackOn(MARIADB), MEMCACHED, REDIS);

        assertThat(full).filteredOn(job -> job.workloads().contains(Workload.BATCH_INSERT))
                .isNotEmpty()
                .allSatisfy(job -> assertThat(job.params().get("cache")).containsExactly(CacheKind.NONE.name()));
        assertThat(quick).filteredOn(job -> job.workloads().contains(Workload.BATCH_INSERT))
                .as("the quick run: the whole matrix, inserts through every cache included")
                .hasSize(CacheKind.values().length);
    }

    @Test
    void jobs_everyStack_measuresTheAlwaysMissingLookUp() {
        List<BenchRunner.Job> jobs = BenchRunner.jobs(RunPlan.full(), everyStackOn(MARIADB), MEMCACHED, REDIS);

        assertThat(jobs).filteredOn(job -> job.workloads().contains(Workload.POINT_BY_ID_MISS))
                .extracting(job -> job.params().get("cache").get(0))
                .containsExactlyInAnyOrder(java.util.Arrays.stream(CacheKind.values()).map(CacheKind::name).toArray(String[]::new));
    }

    @Test
    void jobs_averageTime_onlyForTheCaffeineHitAndTheBareCaffeineRead() {
        List<BenchRunner.Job> jobs = BenchRunner.jobs(RunPlan.full(), everyStackOn("h2", MARIADB), MEMCACHED, REDIS);

        assertThat(jobs).filteredOn(BenchRunner.Job::averageTime)
                .as("a native hit takes microseconds, a remote one a round trip: SampleTime's own mean is sound there")
                .hasSize(3)
                .allSatisfy(job -> {
                    if (job.params().containsKey("cache")) {
                        assertThat(job.params().get("cache")).containsExactly(CacheKind.CAFFEINE.name());
                        assertThat(job.workloads()).containsExactly(Workload.POINT_BY_ID, Workload.POINT_BY_HOSTNAME);
                    } else {
                        assertThat(job.workloads()).containsExactly(Workload.CAFFEINE_GET);
                    }
                });
    }

    @Test
    void jobs_fullRunOnThreeDatabases_plansTheTrialsTheBudgetIsMadeOf() {
        List<BenchRunner.Job> jobs = BenchRunner.jobs(RunPlan.full(), everyStackOn("h2", MARIADB, MYSQL), MEMCACHED, REDIS);

        int stacksPerDatabase = (int) Arrays.stream(Impl.values())
                .flatMap(impl -> Arrays.stream(CacheKind.values()).filter(impl::supports)).count();
        int stackWorkloads = (int) Arrays.stream(Workload.values()).filter(w -> w.group == Workload.Group.STACK).count();
        // With the sweeps the inserts run on the uncached stacks alone.
        int cachedStacks = stacksPerDatabase - Impl.values().length;
        int standard = stacksPerDatabase * stackWorkloads - cachedStacks * 2;
        // The Caffeine hit by id and by hostname on the three implementations, in AverageTime too.
        int averageTime = 3 * 2;
        int extraSizes = Arrays.stream(Workload.values()).filter(w -> w.group == Workload.Group.STACK && w.sized())
                .mapToInt(w -> w.sizes().length - 1).sum() * 3;
        int naiveSizes = Arrays.stream(Workload.values()).filter(w -> w.group == Workload.Group.N_PLUS_ONE)
                .mapToInt(w -> w.sizes().length).sum() * 3;
        int threads = Workload.THREAD_COUNTS.length * (4 + 2);
        int naiveStandard = 3 * 3;
        // Every baseline once, the bare Caffeine read in AverageTime too.
        int baselines = (int) Arrays.stream(Workload.values()).filter(w -> w.group == Workload.Group.BASELINE).count() + 1;
        int expected = 3 * (standard + averageTime) + 2 * naiveStandard + extraSizes + naiveSizes + threads + baselines;

        assertThat(jobs.stream().mapToInt(BenchRunner.Job::trials).sum()).isEqualTo(expected);
    }

    private static Map<String, Map<CacheKind, List<Impl>>> everyStackOn(String... databases) {
        Map<String, Map<CacheKind, List<Impl>>> stacks = new LinkedHashMap<>();
        for (String db : databases) {
            Map<CacheKind, List<Impl>> byCache = new LinkedHashMap<>();
            for (CacheKind cache : CacheKind.values()) {
                List<Impl> impls = new ArrayList<>();
                for (Impl impl : Impl.values()) {
                    if (impl.supports(cache)) {
                        impls.add(impl);
                    }
                }
                byCache.put(cache, impls);
            }
            stacks.put(db, byCache);
        }
        return stacks;
    }
}
