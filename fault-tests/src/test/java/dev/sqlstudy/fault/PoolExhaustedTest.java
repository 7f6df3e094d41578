package dev.sqlstudy.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlstudy.stack.Impl;
import dev.sqlstudy.db.Database;
import dev.sqlstudy.container.ContainerKind;
import dev.sqlstudy.db.DatabaseConfig;
import dev.sqlstudy.domain.DatabaseUnavailableException;
import dev.sqlstudy.domain.Repositories;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every pooled connection is taken (a leak, or more threads than connections) and one more call
 * comes: it waits at most the connect timeout, 1 s here, then fails with a message that says the
 * pool ran dry — never a hang. The pool has 2 connections.
 */
class PoolExhaustedTest {

    private static final int POOL_SIZE = 2;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration MARGIN = Duration.ofMillis(1500);

    /** Where the pool points: in-process H2 and each server in its container. */
    enum Server {
        H2(() -> DatabaseConfig.h2InMemory("pool-exhausted")),
        MARIADB(() -> FaultContainer.get(ContainerKind.MARIADB).config()),
        MYSQL(() -> FaultContainer.get(ContainerKind.MYSQL).config());

        private final Supplier<DatabaseConfig> config;

        Server(Supplier<DatabaseConfig> config) {
            this.config = config;
        }

        @Override
        public String toString() {
            return "db=" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(Impl.values())
                .flatMap(impl -> Stream.of(Server.values()).map(server -> Arguments.of(impl, server)));
    }

    @ParameterizedTest(name = "impl={0}, {1}")
    @MethodSource("cases")
    void count_whenEveryPooledConnectionIsTaken_failsWithATimeoutWithinTheConnectTimeout(
            Impl impl, Server server) throws SQLException {
        DatabaseConfig config = server.config.get()
                .withMaximumPoolSize(POOL_SIZE)
                .withTimeouts(CONNECT_TIMEOUT, Duration.ofSeconds(5));
        try (Database database = Database.open(config);
             Repositories repositories = impl.open(database.dataSource())) {
            database.reset();
            List<Connection> taken = new ArrayList<>();
            Stopwatch<Long> starved;
            try {
                for (int i = 0; i < POOL_SIZE; i++) {
                    taken.add(database.uncountedDataSource().getConnection());
                }
                starved = Stopwatch.time(() -> repositories.hosts().count());
            } finally {
                for (Connection connection : taken) {
                    connection.close();
                }
            }
            Stopwatch<Long> afterwards = Stopwatch.time(() -> repositories.hosts().count());
            System.out.printf("[fault] pool exhausted %s, %s: failed after %d ms: %s%n", impl, server,
                    starved.millis(), starved.failure() == null ? "-" : starved.failure().getMessage());

            assertThat(starved.failure())
                    .as("a call with no free connection fails with the domain's error (after %d ms)", starved.millis())
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageContaining("Connection is not available, request timed out after");
            assertThat(starved.elapsed())
                    .as("it waited for a connection for the 1 s connect timeout, not forever (%d ms)", starved.millis())
                    .isBetween(CONNECT_TIMEOUT.minusMillis(50), CONNECT_TIMEOUT.plus(MARGIN));
            assertThat(afterwards.value()).as("once connections are returned, calls succeed again: the 3 sample hosts")
                    .isEqualTo(3L);
        }
    }
}
