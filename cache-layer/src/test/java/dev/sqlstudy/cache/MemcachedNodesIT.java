package dev.sqlstudy.cache;

import dev.sqlstudy.contract.services.MemcachedProcess;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlstudy.cache.memcached.MemcachedBackend;
import dev.sqlstudy.cache.memcached.MemcachedOptions;
import dev.sqlstudy.contract.TestDatabase;
import dev.sqlstudy.db.Database;
import dev.sqlstudy.domain.Host;
import dev.sqlstudy.domain.NewHost;
import dev.sqlstudy.jdbc.JdbcRepositories;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Three memcached servers on one Ketama ring; one stops. Only the keys that lived on it miss (and
 * are read from the database); every other key is still a hit.
 */
class MemcachedNodesIT {

    @Test
    void threeServers_oneStopped_onlyItsKeysMiss() {
        Database database = TestDatabase.H2.open();
        database.reset();
        try (MemcachedProcess a = MemcachedProcess.start();
             MemcachedProcess b = MemcachedProcess.start();
             MemcachedProcess c = MemcachedProcess.start()) {
            String servers = String.join(",", a.address(), b.address(), c.address());
            MemcachedOptions options = MemcachedOptions.defaults().withOperationTimeout(Duration.ofSeconds(1))
                    .withCircuit(1, Duration.ofMinutes(1));
            MemcachedBackend backend = MemcachedBackend.connect(servers, options);
            try (CachedRepositories cached = new CachedRepositories(new JdbcRepositories(database.dataSource()), backend)) {
                cached.hosts().addAll(IntStream.rangeClosed(1, 27).mapToObj(i -> NewHost.of("node" + i, "10.2.0." + i)).toList());
                List<Integer> ids = IntStream.rangeClosed(1, 30).boxed().toList();
                Map<Integer, Host> rows = new HashMap<>();
                ids.forEach(id -> rows.put(id, cached.hosts().findById(id).orElseThrow()));
                ids.forEach(id -> assertThat(statementsOf(database, () -> cached.hosts().findById(id))).as("warm " + id).isZero());

                String stopped = "/" + b.address();
                Map<Integer, String> serverOf = new HashMap<>();
                ids.forEach(id -> serverOf.put(id, backend.serverOf(Region.HOST_BY_ID.key(id))));
                assertThat(serverOf.values()).as("Ketama spreads 30 keys over all three").contains(
                        "/" + a.address(), stopped, "/" + c.address());

                b.kill();
                for (int id : ids) {
                    long statements = statementsOf(database, () -> assertThat(cached.hosts().findById(id)).contains(rows.get(id)));
                    assertThat(statements).as("host %d on %s", id, serverOf.get(id))
                            .isEqualTo(serverOf.get(id).equals(stopped) ? 1 : 0);
                }
            }
        }
    }

    private static long statementsOf(Database database, Runnable call) {
        database.statements().reset();
        call.run();
        return database.statements().statements();
    }
}
