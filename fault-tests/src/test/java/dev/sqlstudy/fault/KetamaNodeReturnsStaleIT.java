package dev.sqlstudy.fault;

import static dev.sqlstudy.contract.SampleData.UBUNTU;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlstudy.contract.services.MemcachedProcess;
import dev.sqlstudy.stack.Impl;
import dev.sqlstudy.cache.CachedRepositories;
import dev.sqlstudy.cache.Region;
import dev.sqlstudy.cache.memcached.MemcachedBackend;
import dev.sqlstudy.cache.memcached.MemcachedOptions;
import dev.sqlstudy.contract.TestDatabase;
import dev.sqlstudy.db.Database;
import dev.sqlstudy.domain.Host;
import dev.sqlstudy.domain.HostChanges;
import dev.sqlstudy.domain.HostRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Three memcached servers on a Ketama ring. Host 2 is cached on one of them, X; X is frozen
 * ({@code SIGSTOP}: it keeps its memory and its connections, and answers nothing); a read notices
 * (one operation timeout) and opens X's circuit; host 2's port is changed while X is away, so the
 * write's invalidation cannot reach X; X is thawed ({@code SIGCONT}) and comes back still holding
 * the old row — the test reads it there, on a connection of its own, to prove it. Every read
 * afterwards returns the new row, never the old one: the backend remembered the invalidation X
 * missed and bumps every generation on X before using it again. And X is used again: reads of host
 * 2 hit it once more.
 */
class KetamaNodeReturnsStaleIT {

    /** Generous enough that a healthy server never looks dead on a loaded 2-core machine. */
    private static final Duration OPERATION_TIMEOUT = Duration.ofMillis(300);
    /** One failure opens a circuit; it stays open long enough that the write never probes X. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final Duration HIT_AGAIN_LIMIT = Duration.ofSeconds(10);
    private static final int NEW_PORT = 2222;

    @ParameterizedTest(name = "impl={0}")
    @EnumSource(Impl.class)
    void findById_whenItsNodeReturnsHoldingTheOldRow_returnsTheRowWrittenWhileTheNodeWasAway(Impl impl) {
        Database database = TestDatabase.H2.open();
        database.reset();
        try (MemcachedProcess a = MemcachedProcess.start();
             MemcachedProcess b = MemcachedProcess.start();
             MemcachedProcess c = MemcachedProcess.start()) {
            List<MemcachedProcess> servers = List.of(a, b, c);
            MemcachedOptions options = MemcachedOptions.defaults()
                    .withKeyPrefix("fault-ketama-" + UUID.randomUUID())
                    .withOperationTimeout(OPERATION_TIMEOUT)
                    .withCircuit(1, RETRY_AFTER);
            MemcachedBackend backend = MemcachedBackend.connect(
                    String.join(",", a.address(), b.address(), c.address()), options);
            try (CachedRepositories cached = new CachedRepositories(impl.open(database.dataSource()), backend)) {
                HostRepository hosts = cached.hosts();
                String key = backend.keyOf(Region.HOST_BY_ID.key(UBUNTU.id()));
                MemcachedProcess x = servers.stream().filter(s -> s.socketAddress().equals(backend.serverOf(
                        Region.HOST_BY_ID.key(UBUNTU.id())))).findFirst().orElseThrow();

                assertThat(hosts.findById(UBUNTU.id())).contains(UBUNTU);
                long warm = cached.stats().hits();
                assertThat(hosts.findById(UBUNTU.id())).contains(UBUNTU);
                assertThat(cached.stats().hits()).as("host 2 is cached on %s before the outage", x.address())
                        .isEqualTo(warm + 1);
                assertThat(x.hostPortAt(key)).as("%s holds host 2 with its port", x.address())
                        .contains(UBUNTU.port());

                x.freeze();
                Stopwatch<Optional<Host>> noticed = Stopwatch.time(() -> hosts.findById(UBUNTU.id()));
                Stopwatch<Host> written = Stopwatch.time(() -> hosts.update(UBUNTU.id(), HostChanges.none().withPort(NEW_PORT)));
                x.thaw();
                long back = System.nanoTime();
                Optional<Integer> keptPort = x.hostPortAt(key);

                Host committed = new Host(UBUNTU.id(), UBUNTU.hostname(), UBUNTU.ipAddr(), NEW_PORT);
                List<Optional<Host>> afterwards = new ArrayList<>();
                long hitAgain = 0;
                long deadline = back + HIT_AGAIN_LIMIT.toNanos();
                while (hitAgain == 0 && System.nanoTime() < deadline) {
                    long hits = cached.stats().hits();
                    afterwards.add(hosts.findById(UBUNTU.id()));
                    // Only one key looked up: a hit is host 2 by id, answered by X, where its key lives.
                    boolean fromX = cached.stats().hits() == hits + 1;
                    afterwards.add(hosts.findByHostname(UBUNTU.hostname()));
                    afterwards.add(hosts.findByIpAddr(UBUNTU.ipAddr()));
                    if (fromX) {
                        hitAgain = System.nanoTime();
                    }
                    Load.pause(50);
                }
                String figures = String.format("node %s: the read that found it frozen took %d ms (timeout %d ms),"
                                + " the write while it was away %d ms; it came back holding port %s; %d reads after"
                                + " its return, %d returned the old row; host 2 hit on it again %s after the thaw",
                        x.address(), noticed.millis(), OPERATION_TIMEOUT.toMillis(), written.millis(),
                        keptPort.map(String::valueOf).orElse("nothing"), afterwards.size(),
                        afterwards.stream().filter(r -> r.equals(Optional.of(UBUNTU))).count(),
                        hitAgain == 0 ? "never" : Duration.ofNanos(hitAgain - back).toMillis() + " ms");
                System.out.printf("[fault] Ketama node back with an old value %s: %s%n", impl, figures);

                assertThat(noticed.value()).as("the read while X was frozen answered from the database (%s)", figures)
                        .contains(UBUNTU);
                assertThat(written.failure()).as("the write while X was away succeeded (%s)", figures).isNull();
                assertThat(written.value()).as("the write returned host 2 with its new port").isEqualTo(committed);
                assertThat(keptPort).as("the scenario: X came back still holding the old row (%s)", figures)
                        .contains(UBUNTU.port());
                assertThat(afterwards).as("every read after X's return gives the row written while it was away,"
                        + " never the old one it kept (%s)", figures).isNotEmpty().containsOnly(Optional.of(committed));
                assertThat(hitAgain).as("X serves host 2 again within %d s (%s)", HIT_AGAIN_LIMIT.toSeconds(), figures)
                        .isPositive();
                assertThat(x.hostPortAt(key)).as("X now holds the new row (%s)", figures).contains(NEW_PORT);
            }
        }
    }
}
