package dev.sqlstudy.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlstudy.stack.Impl;
import dev.sqlstudy.contract.TestDatabase;
import dev.sqlstudy.db.Database;
import dev.sqlstudy.domain.DuplicateException;
import dev.sqlstudy.domain.Host;
import dev.sqlstudy.domain.NewHost;
import dev.sqlstudy.domain.Repositories;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 32 threads insert the same host at the same instant. The unique constraints decide, not a
 * look-up beforehand: exactly one row, one thread gets it, the 31 others get the domain's
 * "duplicate" error naming the field — on every database of the matrix: H2, MariaDB 10.11 and
 * MySQL 9.7 (whose message names the key {@code hosts.uk_hosts_hostname}, MariaDB's
 * {@code uk_hosts_hostname}; {@code SqlErrors} reads both).
 */
class ConcurrentDuplicateInsertTest {

    private static final int THREADS = 32;

    static Stream<Arguments> cases() {
        return Stream.of(Impl.values())
                .flatMap(impl -> TestDatabase.matrix().stream().map(db -> Arguments.of(impl, db)));
    }

    @ParameterizedTest(name = "impl={0}, {1}")
    @MethodSource("cases")
    void add_whenThirtyTwoThreadsInsertTheSameHost_oneRowAndThirtyOneDuplicates(Impl impl, TestDatabase target)
            throws Exception {
        Database database = target.open();
        database.reset();
        NewHost racer = NewHost.of("racer", "10.32.32.32");
        List<Object> outcomes = new ArrayList<>();
        long started = System.nanoTime();
        try (Repositories repositories = impl.open(database.dataSource())) {
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            try {
                CountDownLatch ready = new CountDownLatch(THREADS);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Object>> results = new ArrayList<>();
                for (int i = 0; i < THREADS; i++) {
                    results.add(threads.submit(() -> {
                        ready.countDown();
                        go.await();
                        try {
                            return repositories.hosts().add(racer);
                        } catch (RuntimeException e) {
                            return e;
                        }
                    }));
                }
                ready.await();
                go.countDown();
                for (Future<Object> result : results) {
                    outcomes.add(result.get(30, TimeUnit.SECONDS));
                }
            } finally {
                threads.shutdownNow();
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        List<Object> inserted = outcomes.stream().filter(Host.class::isInstance).toList();
        List<Object> duplicates = outcomes.stream().filter(DuplicateException.class::isInstance).toList();
        List<Object> other = outcomes.stream()
                .filter(o -> !(o instanceof Host) && !(o instanceof DuplicateException)).toList();
        System.out.printf("[fault] 32 racing inserts %s, %s: %d inserted, %d duplicates, %d other in %d ms%n",
                impl, target, inserted.size(), duplicates.size(), other.size(), millis);

        assertThat(other).as("no racing insert failed any other way").isEmpty();
        assertThat(inserted).as("exactly one of the 32 threads inserted the host").hasSize(1);
        assertThat(duplicates).as("the 31 others were told it is a duplicate").hasSize(THREADS - 1)
                .allSatisfy(e -> assertThat(((DuplicateException) e).field())
                        .as("the duplicate error names the field").isIn("hostname", "ip_addr"));
        assertThat(rowsNamed(database, "racer")).as("the table holds exactly one such row").isEqualTo(1);
    }

    private static int rowsNamed(Database database, String hostname) throws SQLException {
        try (Connection connection = database.uncountedDataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM hosts WHERE hostname = ?")) {
            select.setString(1, hostname);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
