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
        List<Results.Goal> goals = Goals.evaluate(List.of(m(Workload.POINT_BY_ID, 50_000, 1)), List.of(MARIADB), NO_MEMCACHED);

        assertThat(goal(goals, "jdbc: memcached-cached hit ≤ 1.3× a raw spymemcached get")).satisfies(g -> {
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
