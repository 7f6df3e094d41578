package dev.sqlstudy.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The README's table "What each cache guarantees", as data: one row per rule, one column per
 * cache, each cell exactly as the README has it (markdown, with the test that proves or breaks the
 * rule). The reports show the columns of the caches a run measured; {@code CacheGuaranteesTest}
 * parses the README's table and checks it equals this one, so the two cannot drift.
 */
final class CacheGuarantees {

    /** Where the table lives, for the reports' note on the columns a run did not measure. */
    static final String SOURCE = "the README's \"What each cache guarantees\"";

    /**
     * A column of the table.
     *
     * @param header as in the README
     * @param cache  the {@code cache} of the measurements that exercise this cache, null when the
     *               benchmark never runs it
     * @param impl   the implementation it belongs to (a framework's own cache), null for a decorator
     */
    record Column(String header, String cache, String impl) {

        /** True when some measurement of the run went through this cache. */
        boolean measuredIn(Results r) {
            return cache != null && r.measurements().stream()
                    .anyMatch(m -> cache.equals(m.cache()) && (impl == null || impl.equals(m.impl())));
        }
    }

    /** A rule and its cells, in the order of {@link #COLUMNS}. */
    record Rule(String rule, List<String> cells) {
    }

    static final String RULE_HEADER = "Rule";

    static final List<Column> COLUMNS = List.of(
            new Column("Caffeine decorator", "CAFFEINE", null),
            new Column("memcached decorator", "MEMCACHED", null),
            new Column("Redis decorator", "REDIS", null),
            new Column("Hibernate L2 READ_WRITE", "NATIVE", "HIBERNATE"),
            new Column("Hibernate L2 NONSTRICT_READ_WRITE", null, null),
            new Column("MyBatis `<cache/>`", "NATIVE", "MYBATIS"),
            new Column("MyBatis memcached adapter", null, null));

    static final List<Rule> RULES = List.of(
            row("No stale value after a committed write",
                    "✅ [`InvalidationIT`](cache-layer/src/test/java/dev/sqlstudy/cache/InvalidationIT.java), the cached contract ([`CachedHostRepositoryContractIT`](stack/src/test/java/dev/sqlstudy/stack/CachedHostRepositoryContractIT.java))",
                    "✅ same tests",
                    "✅ same tests (`cache=redis` legs)",
                    "✅ NCG `NoStaleValueAfterACommittedWrite.update_ofACachedRow_isReadBackByIdAndByHostname`, the cached contract (`impl=hibernate, cache=native`)",
                    "✅ NCG `NoStaleValueAfterACommittedWrite…`",
                    "✅ NCG `NoStaleValueAfterACommittedWrite…`, the cached contract (`impl=mybatis, cache=native`)",
                    "✅ NCG `NoStaleValueAfterACommittedWrite…`"),
            row("The stale-fill race (a reader's fill lands after the writer's commit)",
                    "✅ [`StaleFillRaceIT`](cache-layer/src/test/java/dev/sqlstudy/cache/StaleFillRaceIT.java)`.findById_fillAfterTheWritersInvalidation_isRefused`",
                    "✅ same test (leases)",
                    "✅ same test (leases: `SET NX PX`, then a compare-and-set script; [`RedisBackendIT`](cache-layer/src/test/java/dev/sqlstudy/cache/RedisBackendIT.java)`.fill_afterAnInvalidation_isRefused`)",
                    "✅ NCG `StaleFillRace.hibernateReadWrite_fillAfterTheWritersCommit_isRefusedByTheSoftLock`",
                    "❌ NCG `StaleFillRace.hibernateNonstrictReadWrite_fillAfterTheWritersEviction_servesTheOldRowAfterTheCommit`",
                    "❌ NCG `StaleFillRace.mybatisCache_fillAfterTheWritersFlush_servesTheOldRowAfterTheCommit`",
                    "❌ NCG `StaleFillRace.mybatisMemcached_fillAfterTheWritersFlush_servesTheOldRowAfterTheCommit`"),
            row("Rollback leaves the cache untouched (and nothing is invalidated before the commit)",
                    "✅ `InvalidationIT…rollback_leavesTheCacheExactlyAsItWas`, `…commit_invalidatesOnlyOnceCommitted`",
                    "✅ same tests",
                    "✅ same tests",
                    "⚠️ NCG `RollbackAndInvalidateAfterCommit.hibernate_rollbackOfAnUpdate_dropsTheCachedEntry` (right value, but the entry is gone: the next read is a SELECT; the cached contract's `unitOfWork_afterAFailedStatement_…` tests assert the same for `hibernate × native` through `rollbackLeavesTheCacheUntouched()`); ✅ `…readBetweenAWriteAndItsCommit_getsTheOldRow_andTheCommittedOneAfter`",
                    "⚠️ same two tests",
                    "✅ NCG `RollbackAndInvalidateAfterCommit.mybatis_rollbackOfAnUpdate_leavesTheCachedRowInPlace`, `…readBetweenAWriteAndItsCommit…`",
                    "✅ same two tests"),
            row("A write reaches every key it affects, joins and lists included",
                    "✅ `InvalidationIT` (old and new hostname / ip, both parents of a moved child, orphans, bulk writes)",
                    "✅ same tests",
                    "✅ same tests",
                    "✅ NCG `EveryKeyAWriteAffects` (`hostnameChange_…`, `bulkUpdateAndBulkDelete_…`, `bulkUpdateInAUnitOfWork_afterReadingTheHostInTheUnit_reachesTheCachedHost` — the shape of HHH-14983, kept here —, `childMove_…`, `parentDelete_…`, `hibernate_addAllInAUnitOfWork_reachesTheCachedCount`)",
                    "✅ same tests",
                    "❌ NCG `EveryKeyAWriteAffects.mybatisCache_addAllInAUnitOfWork_leavesTheCachedCountStale` (the other five `EveryKeyAWriteAffects` tests pass: a write flushes its whole namespace)",
                    "❌ same test"),
            row("One load per key under a stampede",
                    "✅ [`StampedeIT`](cache-layer/src/test/java/dev/sqlstudy/cache/StampedeIT.java)`.findById_sixteenThreadsMissAtOnce_oneDatabaseLoad`",
                    "✅ same test (one load per process)",
                    "✅ same test (one load per process)",
                    "❌ NCG `Stampede.concurrentMisses_onOneKey_loadTheRowMoreThanOnce`",
                    "❌ same test",
                    "❌ same test",
                    "❌ same test"),
            row("Fail-open within a bounded time when the cache server is down",
                    "— (in process)",
                    "✅ [`MemcachedFailOpenIT`](cache-layer/src/test/java/dev/sqlstudy/cache/MemcachedFailOpenIT.java) (refused, blackholed, restarted), [`MemcachedOutageUnderLoadIT`](fault-tests/src/test/java/dev/sqlstudy/fault/MemcachedOutageUnderLoadIT.java)",
                    "✅ [`RedisFailOpenIT`](cache-layer/src/test/java/dev/sqlstudy/cache/RedisFailOpenIT.java) (refused, blackholed, frozen, restarted, an invalidation missed during the outage), [`RedisClusterIT`](cache-layer/src/test/java/dev/sqlstudy/cache/RedisClusterIT.java) (one master of three stopped: only its keys miss)",
                    "— (in process)",
                    "— (in process)",
                    "— (in process)",
                    "❌ NCG `MemcachedOutage.mybatisMemcached_serverRefusesConnections_failsTheReadWithCacheException`, `…serverBlackholed_failsTheReadWithCacheExceptionAfterItsTimeout` (bounded, but the call fails); ✅ `…serverRestarted_servesReadsAgain`"),
            row("Works across processes (a write in one is seen by the other)",
                    "❌ AP `caffeineDecorator_writeInAnotherProcess_leavesThisProcessStale`",
                    "✅ AP `memcachedDecorator_writeInAnotherProcess_reachesThisProcess`",
                    "✅ AP `redisDecorator_writeInAnotherProcess_reachesThisProcess`",
                    "❌ AP `inProcessCache_writeInAnotherProcess_leavesThisProcessStale`",
                    "❌ same test",
                    "❌ same test",
                    "✅ AP `mybatisMemcached_writeInAnotherProcess_flushesTheNamespaceForThisOne`"),
            row("No Java serialisation",
                    "✅ by construction, no test: `CaffeineBackend` keeps the records on the heap",
                    "✅ [`MemcachedPlantedValueIT`](cache-layer/src/test/java/dev/sqlstudy/cache/MemcachedPlantedValueIT.java)`.plantedJavaSerialisedObject_isNeverDeserialised_andTheDatabaseAnswers` (JSON codec)",
                    "✅ `RedisBackendIT.plantedJavaSerialisedValue_isCountedAsForeign_neverDecoded_andTheDatabaseAnswers` (JSON codec)",
                    "✅ [`SecondLevelCacheTest`](hibernate-layer/src/test/java/dev/sqlstudy/hibernate/SecondLevelCacheTest.java)`.readWrite_everyRegion_isBoundedExpiresAfterFiveMinutesAndHoldsEntriesByReference` (store-by-reference)",
                    "✅ same (same regions)",
                    "✅ NCG `JavaSerialisation.mybatisCache_readOnly_returnsTheCachedRecordItself` (`readOnly=\"true\"`; MyBatis's default `readOnly=\"false\"` copies every hit through Java serialisation)",
                    "❌ NCG `JavaSerialisation.mybatisMemcached_storesJavaSerialisedObjects`, `…refusesAValueThatIsNotSerializable`"));

    private CacheGuarantees() {
    }

    private static Rule row(String rule, String... cells) {
        if (cells.length != COLUMNS.size()) {
            throw new IllegalArgumentException(rule + ": " + cells.length + " cells for " + COLUMNS.size() + " columns");
        }
        return new Rule(rule, List.of(cells));
    }

    /** The indexes of the columns this run measured, in the table's order. */
    static List<Integer> measured(Results r) {
        List<Integer> columns = new ArrayList<>();
        for (int c = 0; c < COLUMNS.size(); c++) {
            if (COLUMNS.get(c).measuredIn(r)) {
                columns.add(c);
            }
        }
        return columns;
    }

    /** The headers of the columns this run did not measure. */
    static List<String> notMeasured(Results r) {
        List<Integer> measured = measured(r);
        List<String> rest = new ArrayList<>();
        for (int c = 0; c < COLUMNS.size(); c++) {
            if (!measured.contains(c)) {
                rest.add(COLUMNS.get(c).header());
            }
        }
        return rest;
    }

    /**
     * A cell's markdown with its links reduced to their text (the report does not sit at the
     * repository's root); a class name and its method, two code spans once the link is gone, become one.
     */
    static String withoutLinks(String markdown) {
        return Objects.requireNonNull(markdown).replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("``", "");
    }

    /** Under the table: where the columns the run did not measure are. */
    static String note(Results r) {
        List<String> rest = notMeasured(r);
        return rest.isEmpty() ? "The same table is " + SOURCE + " (README.md), with links to each test."
                : "The columns are the caches this run measured; " + SOURCE + " (README.md) has the others ("
                + String.join(", ", rest) + ") and links to each test.";
    }

    /** The legend, as in the README. */
    static final String LEGEND = "✅ kept · ❌ broken (the test asserts the break and is named for it) · ⚠️ kept with a "
            + "cost the test shows · — does not apply. Every cell names its test; NCG is NativeCacheGuaranteesIT "
            + "(stack module, one nested class per rule), AP its nested class AcrossProcesses.";
}
