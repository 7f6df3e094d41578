package dev.sqlstudy.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlstudy.stack.Impl;
import dev.sqlstudy.container.ContainerKind;
import dev.sqlstudy.container.DatabaseContainer;
import dev.sqlstudy.db.Database;
import dev.sqlstudy.domain.DatabaseUnavailableException;
import dev.sqlstudy.domain.NewHost;
import dev.sqlstudy.domain.Repositories;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The database goes away while the application works: stopped ({@code docker stop}), frozen
 * ({@code docker pause}: connections stay open, nothing answers) or killed mid-batch ({@code docker
 * kill}). The pool runs with a 2 s connect timeout and a 5 s socket timeout. On each server: MariaDB
 * 10.11 and MySQL 9.7, each in a container of its own.
 */
@ParameterizedClass(name = "db={0}")
@FieldSource("dev.sqlstudy.fault.FaultContainer#KINDS")
class DatabaseOutageTest {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);
    /** Scheduling and the driver's own bookkeeping; far below any timeout that matters. */
    private static final Duration MARGIN = Duration.ofMillis(1500);
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(5);
    private static final int LOAD_THREADS = 4;

    private final DatabaseContainer container;
    private final Database database;

    DatabaseOutageTest(ContainerKind kind) {
        container = FaultContainer.get(kind);
        database = Database.open(container.config().withTimeouts(CONNECT_TIMEOUT, SOCKET_TIMEOUT));
    }

    @AfterEach
    void closePool() {
        database.close();
    }

    @ParameterizedTest(name = "impl={0}")
    @EnumSource(Impl.class)
    void load_whenTheDatabaseStopsAndReturns_callsFailFastAndThePoolRecoversWithinFiveSeconds(Impl impl)
            throws SQLException {
        database.reset();
        try (Repositories repositories = impl.open(database.dataSource())) {
            Load load = Load.start(LOAD_THREADS, (worker, n) -> addOrCount(repositories, "stop", worker, n));
            Load.pause(1_000);

            container.stop();
            long stopped = System.nanoTime();
            Load.pause(2_000);
            long restarting = System.nanoTime();
            Duration restart = container.start();
            long back = System.nanoTime();
            long recovered = load.awaitSuccessStartedAfter(back, Duration.ofSeconds(15)).orElse(Long.MAX_VALUE);
            Load.pause(500);
            int hung = load.stop(SOCKET_TIMEOUT.plus(MARGIN));

            // "Back" is when a fresh probe connection first got in; the pool may beat the probe.
            Duration recovery = Duration.ofNanos(Math.max(0, recovered - back));
            String figures = String.format("%d calls, %d failed while down; longest call %d ms; server back after"
                            + " %d ms; first pooled call succeeded %d ms after the server was back",
                    load.calls().size(), load.failures().size(), load.longestCall().toMillis(),
                    restart.toMillis(), recovered == Long.MAX_VALUE ? -1 : recovery.toMillis());
            System.out.println("[fault] stop/start " + impl + ": " + figures);

            assertThat(hung).as("no call still running %d s after the load stopped (%s)",
                    SOCKET_TIMEOUT.plus(MARGIN).toSeconds(), figures).isZero();
            assertThat(load.longestCall()).as("no call outlived the 5 s socket timeout (%s)", figures)
                    .isLessThanOrEqualTo(SOCKET_TIMEOUT.plus(MARGIN));
            assertThat(load.failures()).as("calls made while the server was down failed (%s)", figures)
                    .isNotEmpty()
                    .allSatisfy(call -> assertThat(call.failure())
                            .as("a failed call is the domain's 'database unavailable'")
                            .isInstanceOf(DatabaseUnavailableException.class));
            assertThat(load.successesBetween(stopped, restarting))
                    .as("no call succeeded while the server was down").isZero();
            assertThat(recovery).as("the pool served again within 5 s of the server's return (%s)", figures)
                    .isLessThanOrEqualTo(RECOVERY_LIMIT);
            assertThat(hostnamesIn(load.added())).as("every add that succeeded is still there after the restart")
                    .containsExactlyInAnyOrderElementsOf(load.added());
        }
    }

    @ParameterizedTest(name = "impl={0}")
    @EnumSource(Impl.class)
    void load_whenTheDatabaseFreezes_noCallHangsPastTheSocketTimeout(Impl impl) throws SQLException {
        database.reset();
        try (Repositories repositories = impl.open(database.dataSource())) {
            Load load = Load.start(LOAD_THREADS, (worker, n) -> addOrCount(repositories, "freeze", worker, n));
            Load.pause(1_000);

            container.pause();
            long frozen = System.nanoTime();
            try {
                // Longer than the socket timeout, so the calls in flight when the server froze must time out.
                Load.pause(SOCKET_TIMEOUT.plusSeconds(3).toMillis());
            } finally {
                container.unpause();
            }
            long back = System.nanoTime();
            long recovered = load.awaitSuccessStartedAfter(back, Duration.ofSeconds(15)).orElse(Long.MAX_VALUE);
            int hung = load.stop(SOCKET_TIMEOUT.plus(MARGIN));

            Duration recovery = Duration.ofNanos(Math.max(0, recovered - back));
            List<Load.Call> inFlight = load.calls().stream()
                    .filter(c -> c.startNanos() < frozen && c.endNanos() > frozen).toList();
            String figures = String.format("%d calls, %d failed during the 8 s freeze, %d were in flight when it"
                            + " began; longest call %d ms; first call after the thaw succeeded in %d ms",
                    load.calls().size(), load.failures().size(), inFlight.size(), load.longestCall().toMillis(),
                    recovered == Long.MAX_VALUE ? -1 : recovery.toMillis());
            System.out.println("[fault] pause/unpause " + impl + ": " + figures);

            assertThat(hung).as("no call still running after the load stopped (%s)", figures).isZero();
            assertThat(load.longestCall()).as("no call outlived the 5 s socket timeout (%s)", figures)
                    .isLessThanOrEqualTo(SOCKET_TIMEOUT.plus(MARGIN));
            assertThat(load.failures()).as("calls failed while the server was frozen (%s)", figures)
                    .isNotEmpty()
                    .allSatisfy(call -> assertThat(call.failure()).isInstanceOf(DatabaseUnavailableException.class));
            assertThat(recovery).as("the pool served again within 5 s of the thaw (%s)", figures)
                    .isLessThanOrEqualTo(RECOVERY_LIMIT);
            assertThat(hostnamesIn(load.added())).as("every add that succeeded is there")
                    .containsExactlyInAnyOrderElementsOf(load.added());
        }
    }

    @ParameterizedTest(name = "impl={0}")
    @EnumSource(Impl.class)
    void addAll_whenTheDatabaseIsKilledMidBatch_writesEachBatchWhollyOrNotAtAll(Impl impl)
            throws SQLException {
        database.reset();
        int batchSize = 200;
        Map<String, Boolean> reported = new ConcurrentHashMap<>();
        try (Repositories repositories = impl.open(database.dataSource())) {
            Load load = Load.start(1, (worker, n) -> {
                String batch = "b" + n;
                List<NewHost> hosts = new ArrayList<>();
                for (int i = 0; i < batchSize; i++) {
                    hosts.add(NewHost.of(batch + "-" + i, "10." + (n / 250) + "." + (n % 250) + "." + i));
                }
                reported.put(batch, false);
                repositories.hosts().addAll(hosts);
                reported.put(batch, true);
                return null;
            });
            // A kill that lands between two batches interrupts none: the next batch waits in the pool
            // for the server and succeeds. So crash again (at most three times) until one was cut.
            Duration restart;
            int crashes = 0;
            do {
                long written = reported.values().stream().filter(ok -> ok).count();
                while (reported.values().stream().filter(ok -> ok).count() < written + 3) {
                    Load.pause(10);
                }
                container.kill();
                restart = container.start();
                crashes++;
                load.awaitSuccessStartedAfter(System.nanoTime(), Duration.ofSeconds(15));
            } while (load.failures().isEmpty() && crashes < 3);
            int hung = load.stop(SOCKET_TIMEOUT.plus(MARGIN));

            Map<String, Integer> rows = rowsPerBatch();
            long failed = reported.values().stream().filter(ok -> !ok).count();
            String figures = String.format("%d batches of %d tried, %d failed around %d crash(es); server back"
                    + " after %d ms (InnoDB crash recovery included)", reported.size(), batchSize, failed, crashes,
                    restart.toMillis());
            System.out.println("[fault] kill mid-batch " + impl + ": " + figures);

            assertThat(hung).as("no batch call hung (%s)", figures).isZero();
            assertThat(failed).as("the crash interrupted at least one batch (%s)", figures).isPositive();
            assertThat(rows.values()).as("every batch is in the table whole or not at all (%s)", figures)
                    .allSatisfy(count -> assertThat(count).isEqualTo(batchSize));
            reported.forEach((batch, ok) -> {
                if (ok) {
                    assertThat(rows).as("batch %s was reported written", batch).containsEntry(batch, batchSize);
                }
            });
        }
    }

    private static String addOrCount(Repositories repositories, String prefix, int worker, int n) {
        if (n % 2 == 0) {
            String hostname = prefix + "-w" + worker + "-" + n;
            repositories.hosts().add(NewHost.of(hostname, "10." + worker + "." + (n / 250 % 250) + "." + (n % 250)));
            return hostname;
        }
        repositories.hosts().count();
        return null;
    }

    private Set<String> hostnamesIn(List<String> wanted) throws SQLException {
        Set<String> found = new HashSet<>();
        try (Connection connection = database.uncountedDataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT hostname FROM hosts");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String hostname = rows.getString(1);
                if (wanted.contains(hostname)) {
                    found.add(hostname);
                }
            }
        }
        return found;
    }

    private Map<String, Integer> rowsPerBatch() throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection connection = database.uncountedDataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT SUBSTRING_INDEX(hostname, '-', 1), COUNT(*) FROM hosts WHERE hostname LIKE 'b%' GROUP BY 1");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return counts;
    }
}
