package dev.sqlstudy.stack;

import static dev.sqlstudy.contract.SampleData.UBUNTU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlstudy.cache.CacheKind;
import dev.sqlstudy.cache.CacheSettings;
import dev.sqlstudy.cache.TestCaches;
import dev.sqlstudy.contract.SampleData;
import dev.sqlstudy.contract.Tables;
import dev.sqlstudy.contract.TestDatabase;
import dev.sqlstudy.db.Database;
import dev.sqlstudy.domain.Child;
import dev.sqlstudy.domain.ChildrenCount;
import dev.sqlstudy.domain.Host;
import dev.sqlstudy.domain.HostChanges;
import dev.sqlstudy.domain.HostTransaction;
import dev.sqlstudy.domain.JoinKind;
import dev.sqlstudy.domain.NativeCache;
import dev.sqlstudy.domain.NewHost;
import dev.sqlstudy.domain.Parent;
import dev.sqlstudy.domain.PersistenceException;
import dev.sqlstudy.domain.Repositories;
import dev.sqlstudy.hibernate.HibernateCache;
import dev.sqlstudy.hibernate.HibernateRepositories;
import dev.sqlstudy.mybatis.MyBatisCache;
import dev.sqlstudy.mybatis.MyBatisRepositories;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
import org.apache.ibatis.cache.CacheException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The frameworks' own caches on the rules our decorators keep (DESIGN §5): Hibernate's second-level
 * cache in both strategies, a MyBatis mapper's {@code <cache/>} and the MyBatis memcached adapter,
 * each configured where its framework expects it, nothing wrapped around it. One nested class per
 * rule. Where a cache keeps the rule the test says so; where it breaks it, the test asserts the
 * break and is named for it — as {@code StaleFillRaceIT} shows the naive cache-aside stale. The
 * table in {@code docs/cache-guarantees.md} is this class, cell by cell. On H2 (in memory): the
 * behaviour under test is the caches', the same on every database.
 */
class NativeCacheGuaranteesIT {

    /** The caches under study, as their frameworks configure them (the factories' options). */
    enum FrameworkCache {
        HIBERNATE_READ_WRITE(ds -> new HibernateRepositories(ds, HibernateCache.READ_WRITE)),
        HIBERNATE_NONSTRICT_READ_WRITE(ds -> new HibernateRepositories(ds, HibernateCache.NONSTRICT_READ_WRITE)),
        MYBATIS_CACHE(ds -> new MyBatisRepositories(ds, MyBatisCache.LOCAL)),
        MYBATIS_MEMCACHED(ds -> new MyBatisRepositories(ds, MyBatisCache.MEMCACHED));

        private final Function<DataSource, Repositories> factory;

        FrameworkCache(Function<DataSource, Repositories> factory) {
            this.factory = factory;
        }

        /**
         * The repositories as the factory makes them, the cache as it holds them. In another
         * process too: the memcached adapter there reads the configuration this JVM wrote.
         */
        Repositories factory(DataSource dataSource) {
            return factory.apply(dataSource);
        }

        /** The repositories with an empty cache, over this JVM's memcached server for the adapter. */
        Repositories open(DataSource dataSource) {
            if (this == MYBATIS_MEMCACHED) {
                MyBatisMemcachedServer.get();
            }
            Repositories repositories = factory.apply(dataSource);
            // memcached outlives every test, and the tables were just reset under it.
            repositories.nativeCache().orElseThrow().clear();
            return repositories;
        }
    }

    private static final Database DATABASE = TestDatabase.H2.open();

    private final List<Repositories> opened = new ArrayList<>();
    private final Tables tables = new Tables(DATABASE);
    private ProbedDataSource probe;

    /** Fresh sample data, and the cache's repositories over a probed pool. */
    private Repositories open(FrameworkCache cache) {
        DATABASE.reset();
        probe = new ProbedDataSource(DATABASE.dataSource());
        return another(cache);
    }

    /** A second session factory of the same kind over the same database: another process's view. */
    private Repositories another(FrameworkCache cache) {
        Repositories repositories = cache.open(probe.dataSource());
        opened.add(repositories);
        return repositories;
    }

    @AfterEach
    void close() {
        opened.forEach(Repositories::close);
    }

    private static NativeCache.Counters counters(Repositories repositories) {
        return repositories.nativeCache().orElseThrow().counters();
    }

    private static final HostChanges PORT_2222 = HostChanges.none().withPort(2222);
    private static final Host UBUNTU_2222 = new Host(2, "ubuntu", "192.168.2.243", 2222);

    @Nested
    class NoStaleValueAfterACommittedWrite {

        @ParameterizedTest(name = "{0}")
        @EnumSource(FrameworkCache.class)
        void update_ofACachedRow_isReadBackByIdAndByHostname(FrameworkCache cache) {
            Repositories repositories = open(cache);
            repositories.hosts().findById(2);
            repositories.hosts().findByHostname("ubuntu");

            repositories.hosts().update(2, PORT_2222);

            assertThat(repositories.hosts().findById(2)).contains(UBUNTU_2222);
            assertThat(repositories.hosts().findByHostname("ubuntu")).contains(UBUNTU_2222);
        }
    }

    /**
     * A reader misses and reads host 2 (port 20000); before its fill reaches the cache, a writer
     * commits port 2222 and invalidates; then the reader's fill arrives.
     */
    @Nested
    class StaleFillRace {

        private Optional<Host> raceOnFindById(Repositories repositories, String pausedSelect) throws Exception {
            probe.pauseNextSelect(pausedSelect);
            CompletableFuture<Optional<Host>> reader = CompletableFuture.supplyAsync(() -> repositories.hosts().findById(2));
            probe.awaitPaused();
            repositories.hosts().update(2, PORT_2222);
            probe.release();
            reader.get(10, TimeUnit.SECONDS);
            assertThat(tables.hosts().get(1).port()).as("the table").isEqualTo(2222);
            return repositories.hosts().findById(2);
        }

        @Test
        void hibernateReadWrite_fillAfterTheWritersCommit_isRefusedByTheSoftLock() throws Exception {
            Repositories repositories = open(FrameworkCache.HIBERNATE_READ_WRITE);
            assertThat(raceOnFindById(repositories, "where he1_0.id=")).as("after the commit").contains(UBUNTU_2222);
        }

        @Test
        void hibernateNonstrictReadWrite_fillAfterTheWritersEviction_servesTheOldRowAfterTheCommit() throws Exception {
            Repositories repositories = open(FrameworkCache.HIBERNATE_NONSTRICT_READ_WRITE);
            assertThat(raceOnFindById(repositories, "where he1_0.id=")).as("after the commit").contains(UBUNTU);
        }

        @Test
        void mybatisCache_fillAfterTheWritersFlush_servesTheOldRowAfterTheCommit() throws Exception {
            Repositories repositories = open(FrameworkCache.MYBATIS_CACHE);
            assertThat(raceOnFindById(repositories, "where id =")).as("after the commit").contains(UBUNTU);
        }

        @Test
        void mybatisMemcached_fillAfterTheWritersFlush_servesTheOldRowAfterTheCommit() throws Exception {
            Repositories repositories = open(FrameworkCache.MYBATIS_MEMCACHED);
            assertThat(raceOnFindById(repositories, "where id =")).as("after the commit").contains(UBUNTU);
        }
    }

    @Nested
    class RollbackAndInvalidateAfterCommit {

        /** Host 2 cached, then a unit updates it and rolls back: the hits on host 2 that follow. */
        private long hitsAfterARolledBackUpdate(Repositories repositories) {
            repositories.hosts().findById(2);
            try (HostTransaction unit = repositories.hosts().begin()) {
                unit.update(2, PORT_2222);
                unit.rollback();
            }
            NativeCache.Counters before = counters(repositories);
            assertThat(repositories.hosts().findById(2)).as("after the rollback").contains(UBUNTU);
            assertThat(tables.hosts().get(1)).isEqualTo(UBUNTU);
            return counters(repositories).hits() - before.hits();
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = FrameworkCache.class, names = "MYBATIS.*", mode = EnumSource.Mode.MATCH_ANY)
        void mybatis_rollbackOfAnUpdate_leavesTheCachedRowInPlace(FrameworkCache cache) {
            // The namespace flush an UPDATE asks for waits in the session's transactional cache and
            // is dropped with the rollback.
            assertThat(hitsAfterARolledBackUpdate(open(cache))).as("hits on host 2").isEqualTo(1);
        }

        /**
         * No stale value, but the cache is touched: the UPDATE locks (READ_WRITE) or evicts
         * (NONSTRICT_READ_WRITE) the entry when it is flushed, before the outcome is known, and the
         * rollback does not put it back — the next read is a miss and a SELECT.
         */
        @ParameterizedTest(name = "{0}")
        @EnumSource(value = FrameworkCache.class, names = "HIBERNATE.*", mode = EnumSource.Mode.MATCH_ANY)
        void hibernate_rollbackOfAnUpdate_dropsTheCachedEntry(FrameworkCache cache) {
            assertThat(hitsAfterARolledBackUpdate(open(cache))).as("hits on host 2").isZero();
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(FrameworkCache.class)
        void readBetweenAWriteAndItsCommit_getsTheOldRow_andTheCommittedOneAfter(FrameworkCache cache) {
            Repositories repositories = open(cache);
            try (HostTransaction unit = repositories.hosts().begin()) {
                unit.update(2, PORT_2222);
                // Another reader, outside the unit, while the UPDATE is flushed but not committed.
                assertThat(repositories.hosts().findById(2)).as("before the commit").contains(UBUNTU);
                unit.commit();
            }
            assertThat(repositories.hosts().findById(2)).as("after the commit").contains(UBUNTU_2222);
        }
    }

    @Nested
    class EveryKeyAWriteAffects {

        @ParameterizedTest(name = "{0}")
        @EnumSource(FrameworkCache.class)
        void hostnameChange_reachesLookUpsListsNamesAndCounts(FrameworkCache cache) {
            Repositories repositories = open(cache);
            var hosts = repositories.hosts();
            hosts.findByHostname("ubuntu");
            hosts.findByHostnameIn(List.of("ubuntu", "ubuntu9"));
            hosts.hostnames();
            hosts.list(dev.sqlstudy.domain.HostPage.all());

            hosts.update(2, HostChanges.none().withHostname("ubuntu9"));

            Host renamed = new Host(2, "ubuntu9", "192.168.2.243", 20000);
            assertThat(hosts.findByHostname("ubuntu")).isEmpty();
            assertThat(hosts.findByHostname("ubuntu9")).contains(renamed);
            assertThat(hosts.findByHostnameIn(List.of("ubuntu", "ubuntu9"))).containsExactly(renamed);
            assertThat(hosts.hostnames()).containsExactly("localhost", "ubuntu9", "ubuntu2");
            assertThat(hosts.list(dev.sqlstudy.domain.HostPage.all())).contains(renamed);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(FrameworkCache.class)
        void bulkUpdateAndBulkDelete_reachEveryCachedHost(FrameworkCache cache) {
            Repositories repositories = open(cache);
            var hosts = repositories.hosts();
            hosts.findById(3);
            hosts.count();

            hosts.updatePortWhereIdGreaterThan(1, 2222);
            assertThat(hosts.findById(3)).map(Host::port).contains(2222);
            hosts.deleteWhereIdGreaterThan(1);
            assertThat(hosts.findById(3)).isEmpty();
            assertThat(hosts.count()).isEqualTo(1);
        }

        /** A bulk UPDATE inside a unit that has read the host first (HHH-14983 is this shape). */
        @ParameterizedTest(name = "{0}")
        @EnumSource(FrameworkCache.class)
        void bulkUpdateInAUnitOfWork_afterReadingTheHostInTheUnit_reachesTheCachedHost(FrameworkCache cache) {
            Repositories repositories = open(cache);
            repositories.hosts().findById(3);
            try (HostTransaction unit = repositories.hosts().begin()) {
                unit.findById(3);
                unit.updatePortWhereIdGreaterThan(1, 2222);
                unit.commit();
            }
            assertThat(repositories.hosts().findById(3)).map(Host::port).contains(2222);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(FrameworkCache.class)
        void childMove_reachesBothParentsTheListTheJoinsAndTheCounts(FrameworkCache cache) {
            Repositories repositories = open(cache);
            var families = repositories.families();
            families.findParent(1);
            families.findParent(2);
            families.listParents();
            families.join(JoinKind.INNER);
            families.childrenCounts();
            families.findChild(1);

            families.moveChild(1, 2);

            Parent mary = new Parent(1, "Mary", List.of(SampleData.LUCY));
            Parent john = new Parent(2, "John", List.of(SampleData.TOM, SampleData.JACK));
            assertThat(families.findParent(1)).contains(mary);
            assertThat(families.findParent(2)).contains(john);
            assertThat(families.listParents()).containsExactly(mary, john, SampleData.EVE);
            assertThat(families.join(JoinKind.INNER)).filteredOn(row -> row.childId() == 1)
                    .singleElement().satisfies(row -> assertThat(row.parentId()).isEqualTo(2));
            assertThat(families.childrenCounts()).contains(new ChildrenCount(2, "John", 2));
            assertThat(families.findChild(1)).hasValueSatisfying(child -> assertThat(child.parent().id()).isEqualTo(2));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(FrameworkCache.class)
        void parentDelete_orphansTheCachedChild(FrameworkCache cache) {
            Repositories repositories = open(cache);
            var families = repositories.families();
            families.findChild(1);
            families.listParents();

            families.deleteParent(1);

            assertThat(families.findChild(1)).hasValueSatisfying(child -> assertThat(child.parent()).isNull());
            assertThat(families.listParents()).extracting(Parent::id).containsExactly(2, 3);
        }

        private long countAfterAnAddAllInAUnit(Repositories repositories) {
            repositories.hosts().count();
            try (HostTransaction unit = repositories.hosts().begin()) {
                unit.addAll(List.of(new NewHost("web1", "10.0.0.1", 22), new NewHost("web2", "10.0.0.2", 22)));
                unit.commit();
            }
            assertThat(tables.hosts()).as("the table").hasSize(5);
            return repositories.hosts().count();
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = FrameworkCache.class, names = "HIBERNATE.*", mode = EnumSource.Mode.MATCH_ANY)
        void hibernate_addAllInAUnitOfWork_reachesTheCachedCount(FrameworkCache cache) {
            assertThat(countAfterAnAddAllInAUnit(open(cache))).isEqualTo(5);
        }

        /**
         * MyBatis flushes a namespace through the transactional cache of the session that ran the
         * write. A unit's batch insert runs in a second (BATCH) session on the unit's connection;
         * that session closes without a commit of its own, so its flush is discarded, and the
         * unit's session, which commits, never saw a write. The cached count outlives the commit.
         */
        @ParameterizedTest(name = "{0}")
        @EnumSource(value = FrameworkCache.class, names = "MYBATIS.*", mode = EnumSource.Mode.MATCH_ANY)
        void mybatisCache_addAllInAUnitOfWork_leavesTheCachedCountStale(FrameworkCache cache) {
            assertThat(countAfterAnAddAllInAUnit(open(cache))).as("the cached count, after the commit").isEqualTo(3);
        }
    }

    /** Eight threads miss host 2 at once while each database read takes 300 ms. */
    @Nested
    class Stampede {

        @ParameterizedTest(name = "{0}")
        @EnumSource(FrameworkCache.class)
        void concurrentMisses_onOneKey_loadTheRowMoreThanOnce(FrameworkCache cache) throws Exception {
            Repositories repositories = open(cache);
            probe.slowDownAndCount(cache.name().startsWith("HIBERNATE") ? "where he1_0.id=" : "where id =",
                    Duration.ofMillis(300));
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Optional<Host>>> readers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                readers.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return repositories.hosts().findById(2);
                }, command -> new Thread(command).start()));
            }
            start.countDown();
            for (CompletableFuture<Optional<Host>> reader : readers) {
                assertThat(reader.get(10, TimeUnit.SECONDS)).contains(UBUNTU);
            }
            // Our decorators: 1 (StampedeIT). No framework cache here locks a key while it loads.
            assertThat(probe.selectsCounted()).as("SELECTs of host 2").isGreaterThan(1);
        }

        private static void await(CountDownLatch latch) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Two session factories of one kind over one database — what two processes are, as far as a
     * cache can tell: each in-process cache is its own factory's. For the memcached adapter they
     * share one client as well (it is static, one per JVM), so the sharing shown is the server's.
     */
    @Nested
    class AcrossSessionFactories {

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = FrameworkCache.class, names = "MYBATIS_MEMCACHED", mode = EnumSource.Mode.EXCLUDE)
        void inProcessCache_writeThroughAnotherFactory_leavesThisFactorysEntryStale(FrameworkCache cache) {
            Repositories here = open(cache);
            Repositories there = another(cache);
            here.hosts().findById(2);

            there.hosts().update(2, PORT_2222);

            assertThat(tables.hosts().get(1)).isEqualTo(UBUNTU_2222);
            assertThat(here.hosts().findById(2)).as("this factory, after the other's commit").contains(UBUNTU);
        }

        @Test
        void mybatisMemcached_writeThroughAnotherFactory_flushesTheSharedNamespace() {
            Repositories here = open(FrameworkCache.MYBATIS_MEMCACHED);
            Repositories there = another(FrameworkCache.MYBATIS_MEMCACHED);
            here.hosts().findById(2);
            there.hosts().findById(2);
            assertThat(counters(there).hits()).as("the other factory reads this one's entry").isEqualTo(1);

            there.hosts().update(2, PORT_2222);

            assertThat(here.hosts().findById(2)).contains(UBUNTU_2222);
        }
    }

    /**
     * Two real processes on MariaDB (one database both can reach): this JVM reads host 2 through
     * its cache, a second JVM ({@link WriterProcess}) opens the same kind of cache and commits port
     * 2222, then this JVM reads again.
     */
    @Nested
    class AcrossProcesses {

        private Database mariaDb;

        private void freshMariaDb() {
            mariaDb = TestDatabase.MARIADB.open();
            mariaDb.reset();
            probe = new ProbedDataSource(mariaDb.dataSource());
        }

        private Repositories openOnMariaDb(FrameworkCache cache) {
            freshMariaDb();
            return another(cache);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = FrameworkCache.class, names = "MYBATIS_MEMCACHED", mode = EnumSource.Mode.EXCLUDE)
        void inProcessCache_writeInAnotherProcess_leavesThisProcessStale(FrameworkCache cache) throws Exception {
            Repositories here = openOnMariaDb(cache);
            assertThat(here.hosts().findById(2)).contains(UBUNTU);

            WriterProcess.run(cache, mariaDb.config(), 2222);

            assertThat(new Tables(mariaDb).hosts().get(1)).as("the table").isEqualTo(UBUNTU_2222);
            assertThat(here.hosts().findById(2)).as("this process, after the other's commit").contains(UBUNTU);
        }

        @Test
        void mybatisMemcached_writeInAnotherProcess_flushesTheNamespaceForThisOne() throws Exception {
            Repositories here = openOnMariaDb(FrameworkCache.MYBATIS_MEMCACHED);
            assertThat(here.hosts().findById(2)).contains(UBUNTU);

            WriterProcess.run(FrameworkCache.MYBATIS_MEMCACHED, mariaDb.config(), 2222);

            assertThat(here.hosts().findById(2)).as("this process, after the other's commit").contains(UBUNTU_2222);
        }

        /** Raw JDBC behind one of our decorators, in both processes; the same key prefix in both. */
        private Optional<Host> decoratorAfterAWriteInAnotherProcess(CacheKind cache) throws Exception {
            freshMariaDb();
            CacheSettings settings = TestCaches.settings();
            TestCaches.require(cache, settings);
            try (Stack here = Stack.over(mariaDb, Impl.JDBC, cache, settings)) {
                assertThat(here.hosts().findById(2)).contains(UBUNTU);
                WriterProcess.run(cache, settings, mariaDb.config(), 2222);
                return here.hosts().findById(2);
            }
        }

        @Test
        void caffeineDecorator_writeInAnotherProcess_leavesThisProcessStale() throws Exception {
            assertThat(decoratorAfterAWriteInAnotherProcess(CacheKind.CAFFEINE)).contains(UBUNTU);
        }

        @Test
        void memcachedDecorator_writeInAnotherProcess_reachesThisProcess() throws Exception {
            assertThat(decoratorAfterAWriteInAnotherProcess(CacheKind.MEMCACHED)).contains(UBUNTU_2222);
        }

        @Test
        void redisDecorator_writeInAnotherProcess_reachesThisProcess() throws Exception {
            assertThat(decoratorAfterAWriteInAnotherProcess(CacheKind.REDIS)).contains(UBUNTU_2222);
        }
    }

    /** memcached down, blackholed, restarted — the adapter's own client, its 1 s {@code asyncget} timeout. */
    @Nested
    class MemcachedOutage {

        @Test
        void mybatisMemcached_serverRefusesConnections_failsTheReadWithCacheException() {
            Repositories repositories = open(FrameworkCache.MYBATIS_MEMCACHED);
            MyBatisMemcachedServer.get().kill();
            try {
                Instant start = Instant.now();
                assertThatThrownBy(() -> repositories.hosts().findById(2))
                        .isInstanceOf(PersistenceException.class)
                        .hasRootCauseInstanceOf(Exception.class)
                        .satisfies(e -> assertThat(causes(e)).anyMatch(CacheException.class::isInstance));
                assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
            } finally {
                MyBatisMemcachedServer.get().restart();
            }
        }

        @Test
        void mybatisMemcached_serverBlackholed_failsTheReadWithCacheExceptionAfterItsTimeout() {
            Repositories repositories = open(FrameworkCache.MYBATIS_MEMCACHED);
            MyBatisMemcachedServer.get().freeze();
            try {
                Instant start = Instant.now();
                assertThatThrownBy(() -> repositories.hosts().findById(2))
                        .isInstanceOf(PersistenceException.class)
                        .satisfies(e -> assertThat(causes(e)).anyMatch(CacheException.class::isInstance));
                assertThat(Duration.between(start, Instant.now()))
                        .isGreaterThanOrEqualTo(Duration.ofSeconds(MyBatisMemcachedServer.TIMEOUT_SECONDS).minusMillis(100))
                        .isLessThan(Duration.ofSeconds(10));
            } finally {
                MyBatisMemcachedServer.get().thaw();
            }
        }

        @Test
        void mybatisMemcached_serverRestarted_servesReadsAgain() throws Exception {
            Repositories repositories = open(FrameworkCache.MYBATIS_MEMCACHED);
            MyBatisMemcachedServer.get().kill();
            MyBatisMemcachedServer.get().restart();
            Instant deadline = Instant.now().plusSeconds(15);
            Optional<Host> read = Optional.empty();
            while (read.isEmpty() && Instant.now().isBefore(deadline)) {
                try {
                    read = repositories.hosts().findById(2);
                } catch (PersistenceException reconnecting) {
                    Thread.sleep(200);
                }
            }
            assertThat(read).as("once spymemcached has reconnected").contains(UBUNTU);
        }

        private static List<Throwable> causes(Throwable e) {
            List<Throwable> causes = new ArrayList<>();
            for (Throwable t = e; t != null && !causes.contains(t); t = t.getCause()) {
                causes.add(t);
            }
            return causes;
        }
    }

    @Nested
    class JavaSerialisation {

        @Test
        void mybatisMemcached_storesJavaSerialisedObjects() throws Exception {
            Repositories repositories = open(FrameworkCache.MYBATIS_MEMCACHED);
            repositories.hosts().findById(2);
            // The adapter's group key: prefix + SHA-1 of the namespace; its value, the set of the
            // namespace's keys, is stored like every value: by spymemcached's serialising transcoder.
            String groupKey = "sqlstudy-test-mybatis_" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest("dev.sqlstudy.mybatis.HostMapper".getBytes(StandardCharsets.UTF_8)));
            byte[] raw = MyBatisMemcachedServer.get().rawGet(groupKey);
            assertThat(raw).as("a Java serialisation stream (magic 0xACED)").startsWith((byte) 0xAC, (byte) 0xED);
        }

        @Test
        void mybatisMemcached_refusesAValueThatIsNotSerializable() {
            MyBatisMemcachedServer.get();
            var cache = new org.mybatis.caches.memcached.MemcachedCache("sqlstudy-test-not-serializable");
            assertThatThrownBy(() -> cache.putObject("key", new Object()))
                    .isInstanceOf(CacheException.class)
                    .hasMessageContaining("non-serializable is not supported");
        }

        @Test
        void mybatisCache_readOnly_returnsTheCachedRecordItself() {
            Repositories repositories = open(FrameworkCache.MYBATIS_CACHE);
            Host first = repositories.hosts().findById(2).orElseThrow();
            assertThat(repositories.hosts().findById(2)).containsSame(first);
        }
    }
}
