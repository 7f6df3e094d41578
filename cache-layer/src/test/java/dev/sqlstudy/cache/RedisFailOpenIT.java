package dev.sqlstudy.cache;

import static dev.sqlstudy.contract.SampleData.LOCALHOST;
import static dev.sqlstudy.contract.SampleData.MARY;
import static dev.sqlstudy.contract.SampleData.UBUNTU;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.sqlstudy.cache.redis.RedisBackend;
import dev.sqlstudy.cache.redis.RedisOptions;
import dev.sqlstudy.contract.TestDatabase;
import dev.sqlstudy.contract.services.RedisProcess;
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
 * Redis refused, blackholed, frozen, killed and back: every call still answers from the database
 * within the operation timeout, with a warning and an error count — the cache fails open — and a
 * missed invalidation is applied before the server is used again.
 */
class RedisFailOpenIT {

    /** Short, to measure what a dead server costs. */
    private static final Duration TIMEOUT = Duration.ofMillis(200);
    /** Where a healthy server must never look dead, even on a loaded 2-core machine. */
    private static final Duration GENEROUS = Duration.ofSeconds(1);

    private Database database;
    private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();
    private final Logger backendLog = (Logger) LoggerFactory.getLogger(RedisBackend.class);

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

    private static RedisOptions options(Duration timeout) {
        return RedisOptions.defaults().withOperationTimeout(timeout).withConnectTimeout(Duration.ofMillis(500));
    }

    private CachedRepositories cachedOn(String servers, RedisOptions options) {
        return new CachedRepositories(new JdbcRepositories(database.dataSource()), RedisBackend.connect(servers, options));
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
    void refusedPort_everyCallAnswersFromTheDatabaseInBoundedTime_withAWarningAndErrors() {
        try (CachedRepositories cached = cachedOn("127.0.0.1:1", options(TIMEOUT))) {
            long start = System.nanoTime();
            everyCallAnswersCorrectly(cached);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).as("62 calls against a refused port").isLessThan(Duration.ofSeconds(3));
            assertThat(cached.stats().hits()).isZero();
            assertThat(cached.stats().errors()).isPositive();
            assertThat(warningMessages()).anyMatch(m -> m.contains("127.0.0.1:1") && m.contains("unavailable"));
        }
    }

    @Test
    void blackholedServer_acceptsAndNeverAnswers_theCallsStillAnswerWithoutWaiting() throws Exception {
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
            String address = "127.0.0.1:" + blackhole.getLocalPort();
            long connecting = System.nanoTime();
            try (CachedRepositories cached = cachedOn(address, options(TIMEOUT).withCircuit(1, Duration.ofMinutes(1)))) {
                Duration connect = Duration.ofNanos(System.nanoTime() - connecting);
                long rest = System.nanoTime();
                everyCallAnswersCorrectly(cached);
                Duration calls = Duration.ofNanos(System.nanoTime() - rest);

                assertThat(connect).as("connect waits at most about the connect timeout").isLessThan(Duration.ofMillis(2_000));
                assertThat(calls).as("62 calls with the circuit open: no waiting").isLessThan(Duration.ofSeconds(3));
                assertThat(cached.stats().hits()).isZero();
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
    void frozenServer_firstCallWaitsOneTimeout_thenTheCircuitSkipsIt_andItHitsAgainWhenThawed() {
        try (RedisProcess server = RedisProcess.start()) {
            RedisOptions options = options(TIMEOUT).withCircuit(1, Duration.ofMillis(500));
            try (CachedRepositories cached = cachedOn(server.address(), options)) {
                cached.hosts().findById(2);
                assertThat(statementsOf(() -> cached.hosts().findById(2))).as("up: a hit").isZero();

                server.freeze();
                long first = System.nanoTime();
                assertThat(cached.hosts().findById(2)).contains(UBUNTU);
                Duration firstCall = Duration.ofNanos(System.nanoTime() - first);
                long rest = System.nanoTime();
                for (int i = 0; i < 20; i++) {
                    assertThat(cached.hosts().findById(2)).contains(UBUNTU);
                }
                Duration restCalls = Duration.ofNanos(System.nanoTime() - rest);
                server.thaw();

                assertThat(firstCall).as("the first call waits about one operation timeout").isLessThan(TIMEOUT.plusMillis(1_000));
                assertThat(restCalls).as("20 more calls with the circuit open").isLessThan(Duration.ofMillis(500));
                assertThat(warningMessages()).anyMatch(m -> m.contains(server.address()) && m.contains("unavailable"));
                assertThat(hitsAgainWithin(cached, Duration.ofSeconds(10))).as("reads hit again once it answers").isTrue();
            }
        }
    }

    @Test
    void serverKilledThenRestarted_callsGoToTheDatabaseMeanwhile_thenHitAgain() {
        try (RedisProcess server = RedisProcess.start()) {
            RedisOptions options = options(GENEROUS).withCircuit(1, Duration.ofMillis(300));
            try (CachedRepositories cached = cachedOn(server.address(), options)) {
                cached.hosts().findById(1);
                assertThat(statementsOf(() -> cached.hosts().findById(1))).as("up: a hit").isZero();

                server.stop();
                everyCallAnswersCorrectly(cached);
                assertThat(warningMessages()).anyMatch(m -> m.contains("unavailable"));

                server.restart();
                assertThat(hitsAgainWithin(cached, Duration.ofSeconds(15))).as("reads hit again once it is back").isTrue();
                assertThat(cached.hosts().findById(1)).hasValueSatisfying(h -> assertThat(h.port()).isEqualTo(2022));
            }
        }
    }

    /**
     * A server that hangs while a write commits cannot receive the write's invalidation; when it
     * answers again it still holds the old row. The backend remembered the missed invalidation and
     * bumps every generation on that server before using it again, so the old row is never read.
     */
    @Test
    void invalidationMissedDuringAnOutage_isAppliedBeforeTheServerIsUsedAgain() {
        try (RedisProcess server = RedisProcess.start()) {
            RedisOptions options = options(GENEROUS).withCircuit(1, Duration.ofMillis(400));
            try (CachedRepositories cached = cachedOn(server.address(), options)) {
                cached.hosts().findById(2);
                assertThat(statementsOf(() -> cached.hosts().findById(2))).as("cached before the outage").isZero();

                server.freeze();
                assertThat(cached.hosts().findById(1)).as("a read times out and opens the circuit").contains(LOCALHOST);
                Host committed = cached.hosts().update(2, HostChanges.none().withPort(2222));
                server.thaw();
                RedisProcess.sleep(600);

                assertThat(cached.hosts().findById(2)).as("after the outage").contains(committed);
                assertThat(warningMessages()).anyMatch(m -> m.contains("unavailable"));
            }
        }
    }

    private boolean hitsAgainWithin(CachedRepositories cached, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            cached.hosts().findById(1);
            if (statementsOf(() -> cached.hosts().findById(1)) == 0) {
                return true;
            }
            RedisProcess.sleep(100);
        }
        return false;
    }

    private long statementsOf(Runnable call) {
        database.statements().reset();
        call.run();
        return database.statements().statements();
    }
}
