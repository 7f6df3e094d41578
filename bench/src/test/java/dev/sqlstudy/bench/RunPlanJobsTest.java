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
    void jobs_quickRun_hasEveryStackOnEveryDatabase() {
        List<BenchRunner.Job> jobs = BenchRunner.jobs(RunPlan.quick(), everyStackOn("h2", MARIADB, MYSQL), MEMCACHED, REDIS);

        for (String db : List.of("h2", MARIADB, MYSQL)) {
            for (CacheKind cache : CacheKind.values()) {
                List<Workload> measured = jobs.stream()
                        .filter(job -> job.threads() == 1 && List.of(db).equals(job.params().get("db"))
                                && List.of(cache.name()).equals(job.params().get("cache")))
                        .flatMap(job -> job.workloads().stream()).filter(w -> w.group == Workload.Group.STACK).toList();
                assertThat(measured).as("%s × %s runs every workload (the remote hits in their paired block)", db, cache)
                        .containsExactlyInAnyOrderElementsOf(
                                Arrays.stream(Workload.values()).filter(w -> w.group == Workload.Group.STACK).toList());
            }
        }
    }

    @Test
    void jobs_fullRun_cachesOnlyOnTheSweepDatabase_withTheirHitMissAndMix() {
        List<BenchRunner.Job> jobs = BenchRunner.jobs(RunPlan.full(), everyStackOn("h2", MARIADB, MYSQL), MEMCACHED, REDIS);
        List<BenchRunner.Job> standard = jobs.stream().filter(job -> job.params().containsKey("cache") && job.threads() == 1)
                .toList();

        assertThat(standard).filteredOn(job -> !job.params().get("db").contains(MARIADB))
                .as("on the other databases the uncached stacks alone, every workload at its standard size")
                .isNotEmpty()
                .allSatisfy(job -> assertThat(job.params().get("cache")).containsExactly(CacheKind.NONE.name()))
                .allSatisfy(job -> assertThat(job.workloads()).hasSize(
                        (int) Arrays.stream(Workload.values()).filter(w -> w.group == Workload.Group.STACK).count()));
        for (CacheKind cache : CacheKind.values()) {
            if (cache == CacheKind.NONE) {
                continue;
            }
            List<Workload> measured = standard.stream()
                    .filter(job -> job.params().get("db").contains(MARIADB) && job.params().get("cache").contains(cache.name()))
                    .flatMap(job -> job.workloads().stream()).filter(w -> w.group == Workload.Group.STACK).distinct()
                    .toList();
            List<Workload> expected = new ArrayList<>(List.of(Workload.POINT_BY_ID, Workload.POINT_BY_ID_MISS,
                    Workload.READ_WRITE_MIX));
            if (cache == CacheKind.MEMCACHED || cache == CacheKind.REDIS) {
                expected.add(Workload.IN_LIST_16);
            }
            assertThat(measured).as("%s on the sweep database: hit, miss and mix", cache)
                    .containsExactlyInAnyOrderElementsOf(expected);
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
                .hasSize(2)
                .allSatisfy(job -> {
                    if (job.params().containsKey("cache")) {
                        assertThat(job.params().get("cache")).containsExactly(CacheKind.CAFFEINE.name());
                        assertThat(job.params().get("db")).containsExactly(MARIADB);
                        assertThat(job.workloads()).containsExactly(Workload.POINT_BY_ID);
                    } else {
                        assertThat(job.workloads()).containsExactly(Workload.CAFFEINE_GET);
                    }
                });
    }

    @Test
    void jobs_fullRunOnThreeDatabases_plansTheTrialsTheBudgetIsMadeOf() {
        List<BenchRunner.Job> jobs = BenchRunner.jobs(RunPlan.full(), everyStackOn("h2", MARIADB, MYSQL), MEMCACHED, REDIS);

        List<Workload> stackWorkloads = Arrays.stream(Workload.values()).filter(w -> w.group == Workload.Group.STACK).toList();
        int impls = Impl.values().length;
        // The sweep database: every uncached workload at every size of its sweep (the standard one among them)…
        int uncachedSwept = impls * stackWorkloads.stream().mapToInt(w -> w.sized() ? w.sizes().length : 1).sum();
        int naiveSwept = impls * Arrays.stream(Workload.values()).filter(w -> w.group == Workload.Group.N_PLUS_ONE)
                .mapToInt(w -> w.sizes().length).sum();
        // …each cache's hit, miss and mix (memcached's and Redis's IN list too), the Caffeine hit in AverageTime too…
        int cachedStacks = (int) Arrays.stream(Impl.values())
                .flatMap(impl -> Arrays.stream(CacheKind.values()).filter(c -> c != CacheKind.NONE).filter(impl::supports))
                .count();
        int cached = cachedStacks * 3 + 2 * impls + impls;
        // …the point read at 1, 2, 4 and 8 threads on jdbc bare and through each cache, and on both native caches.
        int threads = Workload.THREAD_COUNTS.length * (4 + 2);
        // H2 and MySQL: the uncached stacks at the standard sizes.
        int otherDatabases = 2 * impls * stackWorkloads.size();
        // Every baseline once, the bare Caffeine read in AverageTime too.
        int baselines = (int) Arrays.stream(Workload.values()).filter(w -> w.group == Workload.Group.BASELINE).count() + 1;
        int expected = uncachedSwept + naiveSwept + cached + threads + otherDatabases + baselines;

        assertThat(expected).as("what two forks × (5 s warm-up + 1.5 s measured + 2–4 s set-up) fit in 75 minutes")
                .isLessThanOrEqualTo(250);
        assertThat(jobs.stream().mapToInt(BenchRunner.Job::trials).sum()).isEqualTo(expected);
    }

    @Test
    void jobs_fullRun_putsEachRemoteHitInOneBlockWithTheRawCallsItIsHeldTo() {
        List<BenchRunner.Job> jobs = BenchRunner.jobs(RunPlan.full(), everyStackOn("h2", MARIADB, MYSQL), MEMCACHED, REDIS);

        for (CacheKind cache : List.of(CacheKind.MEMCACHED, CacheKind.REDIS)) {
            List<BenchRunner.Job> block = jobs.stream().filter(job -> job.pairing() == cache).toList();
            assertThat(block).as("%s: its baselines, then its hit and its IN list on every implementation", cache)
                    .extracting(BenchRunner.Job::workloads)
                    .containsExactly(BenchRunner.baselinesOf(cache), BenchRunner.PAIRED);
            assertThat(block.get(1).params().get("db")).as("on the sweep database, where the caches are measured")
                    .containsExactly(MARIADB);
            assertThat(block.get(1).params().get("impl")).containsExactly("JDBC", "MYBATIS", "HIBERNATE");
            int first = jobs.indexOf(block.get(0));
            assertThat(jobs.subList(first, first + block.size())).as("one block: nothing else runs between them")
                    .containsExactlyElementsOf(block);
        }
        assertThat(jobs).filteredOn(job -> !job.paired() && job.params().getOrDefault("cache", List.of()).contains("MEMCACHED")
                        && job.workloads().stream().anyMatch(w -> w.group == Workload.Group.STACK))
                .as("the memcached stacks' other workloads (the miss, the mix) run as usual")
                .singleElement()
                .satisfies(job -> assertThat(job.workloads()).containsExactly(Workload.POINT_BY_ID_MISS, Workload.READ_WRITE_MIX));
    }

    @Test
    void pairedTrials_runInTwoRoundsOfOneFork_withTheLongerWarmUp() {
        RunPlan full = RunPlan.full();
        List<BenchRunner.Job> jobs = BenchRunner.jobs(full, everyStackOn(MARIADB), MEMCACHED, REDIS);
        BenchRunner.Job memcachedHits = jobs.stream()
                .filter(job -> job.pairing() == CacheKind.MEMCACHED && job.workloads().contains(Workload.POINT_BY_ID))
                .findFirst().orElseThrow();

        assertThat(full.paired().forks()).as("one fork a round").isEqualTo(1);
        assertThat(full.pairedRounds()).as("as many rounds as the other trials have forks").isEqualTo(full.forks());
        assertThat(full.paired().warmupIterations()).isEqualTo(RunPlan.PAIRED_WARMUP).isGreaterThan(full.warmupIterations());
        assertThat(memcachedHits.trials()).as("2 workloads × 3 implementations").isEqualTo(6);
        assertThat(memcachedHits.runs(full)).as("each trial started once a round").isEqualTo(12);
        assertThat(RunPlan.quick().paired().forks()).as("in-process stays in-process: one round, in order").isZero();
        assertThat(RunPlan.quick().pairedRounds()).isEqualTo(1);
    }

    @Test
    void fullRun_withThePairedTrialsLongerWarmUp_fitsTheBudget() {
        // The run docs/bench-full/ comes from: MariaDB and MySQL, memcached and Redis (no H2 in a full run given servers).
        List<BenchRunner.Job> jobs = BenchRunner.jobs(RunPlan.full(), everyStackOn(MARIADB, MYSQL), MEMCACHED, REDIS);
        RunPlan full = RunPlan.full();
        long iterations = 0;
        for (BenchRunner.Job job : jobs) {
            RunPlan plan = job.paired() ? full.paired() : full;
            long perFork = plan.warmupTime().multipliedBy(plan.warmupIterations())
                    .plus(plan.measurementTime().multipliedBy(plan.measurementIterations())).toMillis();
            iterations += perFork * job.runs(full) * (job.paired() ? 1 : full.forks());
        }
        long forks = jobs.stream().mapToLong(job -> (long) job.runs(full) * (job.paired() ? 1 : full.forks())).sum();
        // A fork also costs 2–4 s to start, boot its stack and load its data (bench/README): 4 s here.
        long estimate = iterations + forks * 4_000;
        assertThat(java.time.Duration.ofMillis(estimate)).as("%d forks, %d s of iterations", forks, iterations / 1000)
                .isLessThanOrEqualTo(java.time.Duration.ofMinutes(75));
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
