package dev.sqlstudy.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlstudy.cache.redis.RedisBackend;
import dev.sqlstudy.cache.redis.RedisOptions;
import dev.sqlstudy.contract.TestDatabase;
import dev.sqlstudy.contract.services.RedisClusterProcess;
import dev.sqlstudy.contract.services.RedisProcess;
import dev.sqlstudy.db.Database;
import dev.sqlstudy.domain.Host;
import dev.sqlstudy.domain.HostChanges;
import dev.sqlstudy.domain.NewHost;
import dev.sqlstudy.jdbc.JdbcRepositories;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Redis Cluster of three masters. A value and its generation counter share a hash tag, so a hit
 * is one MGET on one master; when one master stops, only the keys of its slots miss, every answer
 * still comes from the database, and nothing throws.
 */
class RedisClusterTest {

    private static RedisClusterProcess cluster;

    @BeforeAll
    static void startCluster() {
        cluster = RedisClusterProcess.start();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void threeMasters_oneStopped_onlyItsKeysMiss_andEveryAnswerComesFromTheDatabase() {
        Database database = TestDatabase.H2.open();
        database.reset();
        // The first cluster connection of a JVM loads much of Lettuce, Netty and Reactor: measured 4.6 s
        // on a loaded 2-core machine (later ones ~0.3 s), hence the connect timeout.
        RedisOptions options = RedisOptions.defaults().withOperationTimeout(Duration.ofSeconds(1))
                .withConnectTimeout(Duration.ofSeconds(10)).withCircuit(1, Duration.ofMinutes(1));
        RedisBackend backend = RedisBackend.connect(cluster.servers(), options);
        try (CachedRepositories cached = new CachedRepositories(new JdbcRepositories(database.dataSource()), backend)) {
            assertThat(backend.isCluster()).isTrue();
            cached.hosts().addAll(IntStream.rangeClosed(1, 27).mapToObj(i -> NewHost.of("node" + i, "10.3.0." + i)).toList());
            List<Integer> ids = IntStream.rangeClosed(1, 30).boxed().toList();
            Map<Integer, Host> rows = new HashMap<>();
            ids.forEach(id -> rows.put(id, cached.hosts().findById(id).orElseThrow()));
            ids.forEach(id -> assertThat(statementsOf(database, () -> cached.hosts().findById(id))).as("warm " + id).isZero());

            Map<Integer, String> serverOf = new HashMap<>();
            ids.forEach(id -> serverOf.put(id, backend.serverOf(Region.HOST_BY_ID.key(id))));
            List<String> masters = cluster.masters().stream().map(RedisProcess::address).toList();
            assertThat(serverOf.values()).as("the hash tags spread 30 keys over all three masters")
                    .containsAll(masters);

            RedisProcess stoppedMaster = cluster.masters().get(1);
            stoppedMaster.stop();
            for (int id : ids) {
                long statements = statementsOf(database, () -> assertThat(cached.hosts().findById(id)).contains(rows.get(id)));
                assertThat(statements).as("host %d on %s", id, serverOf.get(id))
                        .isEqualTo(serverOf.get(id).equals(stoppedMaster.address()) ? 1 : 0);
            }

            Host moved = cached.hosts().update(3, HostChanges.none().withPort(3333));
            cached.hosts().updatePortWhereIdGreaterThan(20, 4444);
            for (int id : ids) {
                Host expected = id == 3 ? moved : id > 20 ? new Host(id, rows.get(id).hostname(), rows.get(id).ipAddr(), 4444) : rows.get(id);
                assertThat(cached.hosts().findById(id)).as("host %d after the writes", id).contains(expected);
            }
            assertThat(cached.stats().errors()).as("the stopped master's keys are counted as errors").isPositive();
        }
    }

    @Test
    void namespaceBump_reachesTheCountersOnEveryMaster() {
        try (RedisBackend backend = RedisBackend.connect(cluster.servers(), RedisOptions.defaults()
                .withOperationTimeout(Duration.ofSeconds(1)).withConnectTimeout(Duration.ofSeconds(10)).withKeyPrefix(TestRedis.uniquePrefix()))) {
            List<CacheKey> keys = IntStream.rangeClosed(1, 40).mapToObj(Region.HOST_BY_ID::key).toList();
            for (CacheKey key : keys) {
                backend.fill(key, backend.lease(key), java.util.Optional.empty());
            }
            Map<CacheKey, Object> live = backend.getAll(keys);

            backend.invalidate(Namespace.HOSTS);

            assertThat(live).as("hits before the bump on the masters still up").isNotEmpty();
            assertThat(backend.getAll(keys)).as("after the bump").isEmpty();
        }
    }

    private static long statementsOf(Database database, Runnable call) {
        database.statements().reset();
        call.run();
        return database.statements().statements();
    }
}
