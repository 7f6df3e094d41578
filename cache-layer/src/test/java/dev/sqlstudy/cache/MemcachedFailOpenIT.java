package dev.sqlstudy.cache;

import dev.sqlstudy.contract.services.TestServices;
import dev.sqlstudy.contract.services.MemcachedProcess;
import static dev.sqlstudy.contract.SampleData.LOCALHOST;
import static dev.sqlstudy.contract.SampleData.MARY;
import static dev.sqlstudy.contract.SampleData.UBUNTU;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.sqlstudy.cache.memcached.MemcachedBackend;
import dev.sqlstudy.cache.memcached.MemcachedOptions;
import dev.sqlstudy.contract.Tables;
import dev.sqlstudy.contract.TestDatabase;
import dev.sqlstudy.db.Database;
import dev.sqlstudy.domain.Host;
import dev.sqlstudy.domain.HostChanges;
import dev.sqlstudy.jdbc.JdbcRepositories;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * memcached down, hanging or back: every call still answers from the database, within the
 * operation timeout, with a warning and an error count — the cache fails open — and the circuit
 * stops waiting on a dead server, then uses it again when it answers.
 */
class MemcachedFailOpenIT {

    /** Short, to measure what a dead server costs. */
    private static final Duration TIMEOUT = Duration.ofMillis(200);
    /** Where a healthy server must never look dead, even on a loaded 2-core machine. */
    private static final Duration GENEROUS = Duration.ofSeconds(1);

    private Database database;
    private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();
    private final Logger backendLog = (Logger) LoggerFactory.getLogger(MemcachedBackend.class);

    @BeforeEach
    void freshData() {
        database = TestDatabase.H2.open();
        database.reset();
        warnings.start();
        backendLog.addAppender(warnings);
    }

    @AfterEach
    void detach() {
        backendLog.detachAppender(warnings);
    }

    private MemcachedOptions options(Duration timeout) {
        return MemcachedOptions.defaults().withOperationTimeout(timeout).withConnectTimeout(Duration.ofMillis(500));
    }

    /** Runs the tutorial's reads and a write twenty times; each must be right. */
    private void everyCallAnswersCorrectly(CachedRepositories cached) {
        for (int i = 0; i < 20; i++) {
            assertThat(cached.hosts().findById(1)).contains(LOCALHOST);
            assertThat(cached.hosts().findByHostnameIn(List.of("ubuntu", "localhost"))).containsExactly(LOCALHOST, UBUNTU);
            assertThat(cached.families().findParent(1)).contains(MARY);
        }
        Host changed = cached.hosts().update(1, HostChanges.none().withPort(2022));
        assertThat(cached.hosts().findById(1)).contains(changed);
    }

    private List<String> warningMessages() {
        return warnings.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void refusedServer_everyCallAnswersFromTheDatabaseInBoundedTime_withAWarningAndErrors() {
        String nobody = MemcachedProcess.HOST + ":" + TestServices.freePort();
        try (CachedRepositories cached = new CachedRepositories(
                new JdbcRepositories(database.dataSource()), MemcachedBackend.connect(nobody, options(TIMEOUT)))) {
            long start = System.nanoTime();
            everyCallAnswersCorrectly(cached);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).as("62 calls against a refused server").isLessThan(Duration.ofSeconds(3));
            assertThat(cached.stats().hits()).isZero();
            assertThat(cached.stats().errors()).isPositive();
            assertThat(warningMessages()).anyMatch(m -> m.contains(nobody) && m.contains("unavailable"));
        }
    }

    @Test
    void blackholedServer_acceptsAndNeverAnswers_callsWaitOneTimeoutThenTheCircuitSkipsIt() throws Exception {
        try (ServerSocket blackhole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                while (!blackhole.isClosed()) {
                    try {
                        held.add(blackhole.accept());   // accept, then never read nor write
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "blackhole");
            acceptor.setDaemon(true);
            acceptor.start();
            String address = MemcachedProcess.HOST + ":" + blackhole.getLocalPort();
            MemcachedOptions options = options(TIMEOUT).withCircuit(1, Duration.ofMinutes(1));
            try (CachedRepositories cached = new CachedRepositories(
                    new JdbcRepositories(database.dataSource()), MemcachedBackend.connect(address, options))) {
                long first = System.nanoTime();
                assertThat(cached.hosts().findById(2)).contains(UBUNTU);
                Duration firstCall = Duration.ofNanos(System.nanoTime() - first);
                long rest = System.nanoTime();
                everyCallAnswersCorrectly(cached);
                Duration restCalls = Duration.ofNanos(System.nanoTime() - rest);

                assertThat(firstCall).as("the first call waits about one operation timeout")
                        .isLessThan(TIMEOUT.plusMillis(1_500));
                assertThat(restCalls).as("62 more calls with the circuit open: no waiting").isLessThan(Duration.ofSeconds(3));
                assertThat(cached.stats().errors()).isPositive();
                assertThat(warningMessages()).anyMatch(m -> m.contains(address) && m.contains("unavailable"));
            } finally {
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void serverStopsThenComesBack_callsGoToTheDatabaseMeanwhile_thenHitAgain() {
        try (MemcachedProcess server = MemcachedProcess.start()) {
            MemcachedOptions options = options(GENEROUS).withCircuit(1, Duration.ofMillis(300));
            Tables tables = new Tables(database);
            try (CachedRepositories cached = new CachedRepositories(
                    new JdbcRepositories(database.dataSource()), MemcachedBackend.connect(server.address(), options))) {
                cached.hosts().findById(1);
                assertThat(statementsOf(() -> cached.hosts().findById(1))).as("up: a hit").isZero();

                server.kill();
                everyCallAnswersCorrectly(cached);
                assertThat(tables.hosts().get(0).port()).isEqualTo(2022);
                assertThat(warningMessages()).anyMatch(m -> m.contains("unavailable"));

                server.restart();
                long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                boolean hitAgain = false;
                while (!hitAgain && System.nanoTime() < deadline) {
                    assertThat(cached.hosts().findById(1)).hasValueSatisfying(h -> assertThat(h.port()).isEqualTo(2022));
                    hitAgain = statementsOf(() -> cached.hosts().findById(1)) == 0;
                    TestServices.pause(100);
                }
                assertThat(hitAgain).as("reads hit the cache again once the server is back").isTrue();
            }
        }
    }

    /**
     * A server that hangs while a write commits cannot receive the write's invalidation; when it
     * answers again it still holds the old row. The backend remembered the missed invalidation and
     * bumps every generation on that server before using it again, so the old row is never read.
     */
    @Test
    void invalidationMissedDuringAnOutage_isAppliedBeforeTheServerIsUsedAgain() throws Exception {
        try (MemcachedProcess server = MemcachedProcess.start();
             PausableProxy proxy = new PausableProxy(Integer.parseInt(server.address().split(":")[1]))) {
            MemcachedOptions options = options(GENEROUS).withCircuit(1, Duration.ofMillis(400));
            try (CachedRepositories cached = new CachedRepositories(
                    new JdbcRepositories(database.dataSource()), MemcachedBackend.connect(proxy.address(), options))) {
                cached.hosts().findById(2);
                assertThat(statementsOf(() -> cached.hosts().findById(2))).as("cached before the outage").isZero();

                proxy.pause();
                assertThat(cached.hosts().findById(1)).as("a read times out and opens the circuit").contains(LOCALHOST);
                Host committed = cached.hosts().update(2, HostChanges.none().withPort(2222));
                proxy.resume();
                TestServices.pause(600);

                assertThat(cached.hosts().findById(2)).as("after the outage").contains(committed);
                assertThat(warningMessages()).anyMatch(m -> m.contains("unavailable"));
            }
        }
    }

    private long statementsOf(Runnable call) {
        database.statements().reset();
        call.run();
        return database.statements().statements();
    }
}
