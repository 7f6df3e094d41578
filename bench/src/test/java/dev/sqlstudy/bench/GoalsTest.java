package dev.sqlstudy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The goal verdicts follow from the figures: met, not met with a measured reason, not measured. */
class GoalsTest {

    private static final Results.DatabaseInfo MARIADB =
            new Results.DatabaseInfo("jdbc:mysql://db/x", "MariaDB", "MariaDB 10.11.14", true, null, 10);
    private static final Results.MemcachedInfo NO_MEMCACHED =
            new Results.MemcachedInfo(null, Map.of(), false, "no memcached servers given");

    @Test
    void evaluate_nPlusOneFiveTimesSlower_isMet() {
        List<Results.Goal> goals = Goals.evaluate(List.of(
                m(Workload.ALL_PARENTS, 100_000, 1), m(Workload.ALL_PARENTS_NAIVE, 900_000, 51)), List.of(MARIADB), NO_MEMCACHED);

        assertThat(goal(goals, "jdbc: All 100 parents with their children ≥ 5× faster than its N+1 variant"))
                .satisfies(g -> {
                    assertThat(g.verdict()).isEqualTo(Verdict.MET);
                    assertThat(g.measured()).startsWith("9.00×");
                });
    }

    @Test
    void evaluate_batchNotFasterPerRow_isMissedWithTheStatementCounts() {
        List<Results.Goal> goals = Goals.evaluate(List.of(
                m(Workload.BATCH_INSERT, 20_000_000, 1000), m(Workload.SINGLE_INSERTS, 40_000_000, 1000)),
                List.of(MARIADB), NO_MEMCACHED);

        assertThat(goal(goals, "jdbc: batch insert ≥ 5× faster per row than single inserts")).satisfies(g -> {
            assertThat(g.verdict()).isEqualTo(Verdict.MISSED);
            assertThat(g.why()).contains("1000 statements/op");
        });
    }

    @Test
    void evaluate_memcachedNotGiven_isNotMeasuredWithTheReason() {
        List<Results.Goal> goals = Goals.evaluate(List.of(m(Workload.POINT_BY_ID, 50_000, 1),
                cached(m(Workload.POINT_BY_ID, 40, 0), 0.2)), List.of(MARIADB), NO_MEMCACHED);

        assertThat(goal(goals, "jdbc: memcached-cached hit ≤ 1.3× a same-client raw get")).satisfies(g -> {
            assertThat(g.verdict()).isEqualTo(Verdict.NOT_MEASURED);
            assertThat(g.measured()).isNull();
            assertThat(g.why()).contains("no memcached servers given");
        });
    }

    @Test
    void evaluate_caffeineHitAllocatingNothing_isMetAndAllocatingIsMissed() {
        Results.Measurement hit = cached(m(Workload.POINT_BY_ID, 40, 0), 0.2);
        List<Results.Goal> goals = Goals.evaluate(List.of(hit), List.of(MARIADB), NO_MEMCACHED);

        assertThat(goal(goals, "jdbc: Caffeine-cached hit allocates ≤ 16 B/op")).satisfies(g -> {
            assertThat(g.verdict()).isEqualTo(Verdict.MET);
            assertThat(g.measured()).isEqualTo("≈ 0 B/op");
        });
        List<Results.Goal> allocating = Goals.evaluate(List.of(cached(m(Workload.POINT_BY_ID, 90, 0), 256)),
                List.of(MARIADB), NO_MEMCACHED);
        assertThat(goal(allocating, "jdbc: Caffeine-cached hit allocates ≤ 16 B/op")).satisfies(g -> {
            assertThat(g.verdict()).isEqualTo(Verdict.MISSED);
            assertThat(g.why()).startsWith("256 bytes allocated per call");
        });
    }

    @Test
    void evaluate_redisHitWithinLimitOnMeanAndP50_isMetWithWhatTheDecoratorAdds() {
        Results.Measurement hit = remote(m(Workload.POINT_BY_ID, 30_000, 0), "REDIS", 30_000, 29_000);
        Results.Measurement get = baseline(Workload.REDIS_GET, 25_000, 24_000);
        List<Results.Goal> goals = Goals.evaluate(List.of(hit, get), List.of(MARIADB), NO_MEMCACHED, REDIS, List.of());

        assertThat(goal(goals, "jdbc: Redis-cached hit ≤ 1.3× a same-client raw GET")).satisfies(g -> {
            assertThat(g.verdict()).isEqualTo(Verdict.MET);
            assertThat(g.measured()).startsWith("mean 1.20×").contains("p50 1.21×",
                    "the decorator adds +5.00 µs (mean), +5.00 µs (p50) to the round trip");
        });
    }

    @Test
    void evaluate_redisInListTwiceARawMget_isMissedWithWhatTheDecoratorAdds() {
        Results.Measurement list = remote(m(Workload.IN_LIST_16, 80_000, 0), "REDIS", 80_000, 78_000);
        Results.Measurement mget = baseline(Workload.REDIS_MGET_16, 40_000, 39_000);
        List<Results.Goal> goals = Goals.evaluate(List.of(list, mget), List.of(MARIADB), NO_MEMCACHED, REDIS, List.of());

        assertThat(goal(goals, "jdbc: 16-key in list through Redis ≤ 1.3× a same-client raw 16-key MGET")).satisfies(g -> {
            assertThat(g.verdict()).isEqualTo(Verdict.MISSED);
            assertThat(g.measured()).startsWith("mean 2.00×").contains("p50 2.00×");
            assertThat(g.why()).startsWith("the decorator adds +40.0 µs per hit to the raw MGET");
        });
    }

    @Test
    void evaluate_memcachedHitMeanWithinButP50Over_isMissedWithTheGap() {
        Results.MemcachedInfo memcached = new Results.MemcachedInfo("m:11211", Map.of("m:11211", "1.6"), true, null, "binary");
        Results.Measurement hit = remote(m(Workload.POINT_BY_ID, 30_000, 0), "MEMCACHED", 30_000, 40_000);
        Results.Measurement get = baseline(Workload.MEMCACHED_GET, 25_000, 20_000);
        List<Results.Goal> goals = Goals.evaluate(List.of(hit, get), List.of(MARIADB), memcached, List.of());

        assertThat(goal(goals, "jdbc: memcached-cached hit ≤ 1.3× a same-client raw get")).satisfies(g -> {
            assertThat(g.verdict()).as("the median is 2× the raw get's").isEqualTo(Verdict.MISSED);
            assertThat(g.measured()).contains("p50 2.00×");
            assertThat(g.why()).startsWith("the decorator adds +5.00 µs per hit to the raw get (mean; p50 +20.0 µs)");
        });
    }

    @Test
    void evaluate_redisNotGiven_isNotMeasuredWithTheReason() {
        List<Results.Goal> goals = Goals.evaluate(List.of(m(Workload.POINT_BY_ID, 50_000, 1),
                cached(m(Workload.POINT_BY_ID, 40, 0), 0.2)), List.of(MARIADB), NO_MEMCACHED);

        assertThat(goal(goals, "jdbc: Redis-cached hit ≤ 1.3× a same-client raw GET")).satisfies(g -> {
            assertThat(g.verdict()).isEqualTo(Verdict.NOT_MEASURED);
            assertThat(g.why()).isEqualTo("redis: no redis servers given");
        });
    }

    @Test
    void evaluate_databaseWithoutCachedStacksOrNPlusOne_listsNoSuchGoalsThere() {
        Results.DatabaseInfo mysql = new Results.DatabaseInfo("container:mysql", "MySQL", "MySQL 9.7.4", true, null, 10);
        Results.Measurement onMysql = onDb(m(Workload.POINT_BY_ID, 60_000, 1), mysql.spec());
        List<Results.Goal> goals = Goals.evaluate(List.of(m(Workload.POINT_BY_ID, 50_000, 1),
                cached(m(Workload.POINT_BY_ID, 40, 0), 0.2), m(Workload.ALL_PARENTS_NAIVE, 900_000, 51), onMysql),
                List.of(MARIADB, mysql), NO_MEMCACHED);

        assertThat(goals).filteredOn(g -> g.db().equals(MARIADB.spec())).extracting(Results.Goal::id)
                .contains("caffeine-hit-vs-bare", "memcached-hit-vs-get", "point-read-vs-jdbc",
                        "one-statement-vs-n-plus-one");
        assertThat(goals).filteredOn(g -> g.db().equals(mysql.spec())).extracting(Results.Goal::id)
                .as("a full run measures no cache and no N+1 on its second server: no goal stands there unmeasured")
                .contains("point-read-vs-jdbc")
                .doesNotContain("caffeine-hit-vs-bare", "memcached-hit-vs-get", "redis-in-list",
                        "one-statement-vs-n-plus-one");
    }

    private static Results.Measurement onDb(Results.Measurement m, String db) {
        return new Results.Measurement(m.workload(), m.title(), m.group(), db, m.impl(), m.cache(), m.stack(),
                m.meanFrom(), m.samples(), m.mean(), m.error(), m.p50(), m.p90(), m.p99(), m.p999(), m.max(),
                m.opsPerSecond(), m.rowsPerOp(), m.nsPerRow(), m.ops(), m.statementsPerOp(), m.commitsPerOp(),
                m.cacheCounts(), null, null, null, m.bytesPerOp(), m.bytesPerOpError(), false, m.size(), m.threads());
    }

    private static final Results.RedisInfo REDIS = new Results.RedisInfo("r:6379", "7.0.15", true, null, "Lettuce");

    /** {@code m} as the jdbc stack on a remote cache, with its mean and median. */
    private static Results.Measurement remote(Results.Measurement m, String cache, double mean, double p50) {
        return new Results.Measurement(m.workload(), m.title(), m.group(), m.db(), "JDBC", cache,
                "jdbc/" + cache.toLowerCase(java.util.Locale.ROOT), m.meanFrom(), m.samples(), mean, 0.0, p50, p50, p50,
                p50, p50, 1e9 / mean, 1, mean, m.ops(), 0.0, 0.0, null, null, null, null, 0.0, 0.0, false, m.size(), m.threads());
    }

    /** A baseline (no database, no stack) with its mean and median. */
    private static Results.Measurement baseline(Workload w, double mean, double p50) {
        return new Results.Measurement(w.id(), w.title, w.group.name(), null, null, null, null, "AverageTime", 1000,
                mean, 0.0, p50, p50, p50, p50, p50, 1e9 / mean, 1, mean, 100L, null, null, null, null, null, null, 0.0,
                0.0, false, null, 1);
    }

    /** {@code m} as the jdbc/caffeine stack, allocating {@code bytes} per call. */
    private static Results.Measurement cached(Results.Measurement m, double bytes) {
        return new Results.Measurement(m.workload(), m.title(), m.group(), m.db(), "JDBC", "CAFFEINE", "jdbc/caffeine",
                m.meanFrom(), m.samples(), m.mean(), m.error(), m.p50(), m.p90(), m.p99(), m.p999(), m.max(),
                m.opsPerSecond(), m.rowsPerOp(), m.nsPerRow(), m.ops(), m.statementsPerOp(), m.commitsPerOp(),
                m.cacheCounts(), null, null, null, bytes, 0.1, false, m.size(), m.threads());
    }

    private static Results.Goal goal(List<Results.Goal> goals, String text) {
        return goals.stream().filter(g -> g.text().equals(text)).findFirst().orElseThrow(() -> new AssertionError(
                "no goal '" + text + "' in " + goals.stream().map(Results.Goal::text).toList()));
    }

    private static Results.Measurement m(Workload w, double mean, double statements) {
        return new Results.Measurement(w.id(), w.title, w.group.name(), MARIADB.spec(), "JDBC", "NONE", "jdbc/none",
                "AverageTime", 1000, mean, mean / 100, mean, mean, mean, mean, mean, 1e9 / mean, w.rowsPerOp(w.standardSize),
                mean / w.rowsPerOp(w.standardSize), 100L, statements, 1.0, null, null, null, null, 48.0, 0.1, false,
                w.standardSize, 1);
    }
}
