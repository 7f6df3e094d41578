package dev.sqlstudy.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlstudy.container.ContainerKind;
import dev.sqlstudy.contract.services.TestServices;
import dev.sqlstudy.container.DatabaseContainer;
import dev.sqlstudy.db.Database;
import dev.sqlstudy.db.DatabaseConfig;
import dev.sqlstudy.domain.DatabaseUnavailableException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The database is not there when the application starts ({@code Database.open}, what the CLI does
 * first): the user gets the domain's "database unavailable" — the CLI's exit 4 — within the connect
 * timeout, here 2 s (a server that accepts the TCP connection but never answers costs one more
 * attempt: about 3 s), however the server is missing.
 */
class DatabaseDownAtStartIT {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration MARGIN = Duration.ofMillis(1500);
    /**
     * A server that accepts and never answers costs the driver's connect timeout for the greeting
     * it waits for, then the pool's own bookkeeping: 3.0–3.8 s measured on 2 cores with a 2 s
     * connect timeout, so the bound is 4 s — well under the 5 s socket timeout, never a hang.
     */
    private static final Duration SILENT_MARGIN = Duration.ofMillis(2000);

    @ParameterizedTest(name = "db={0}")
    @FieldSource("dev.sqlstudy.fault.FaultContainer#KINDS")
    void open_whenTheDatabaseContainerIsStopped_failsUnavailableWithinTheConnectTimeout(ContainerKind kind) {
        DatabaseContainer container = FaultContainer.get(kind);
        DatabaseConfig config = container.config().withTimeouts(CONNECT_TIMEOUT, SOCKET_TIMEOUT);
        container.stop();
        Stopwatch<Database> open;
        try {
            open = Stopwatch.time(() -> Database.open(config));
        } finally {
            container.start();
        }

        assertUnavailableWithinConnectTimeout(open, "stopped container");
    }

    @Test
    void open_whenNothingListensOnThePort_failsUnavailableWithinTheConnectTimeout() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        DatabaseConfig config = DatabaseConfig.of("jdbc:mysql://127.0.0.1:" + closedPort + "/sqlstudy", "sqlstudy", "sqlstudy")
                .withTimeouts(CONNECT_TIMEOUT, SOCKET_TIMEOUT);

        Stopwatch<Database> open = Stopwatch.time(() -> Database.open(config));

        assertUnavailableWithinConnectTimeout(open, "closed port");
    }

    @Test
    void open_whenTheServerAcceptsButNeverAnswers_failsUnavailableWithinTheConnectTimeout() throws IOException {
        // A listening socket nobody accepts from: the kernel completes the TCP handshake, then
        // silence — what a hung server or a black-holing proxy looks like to the driver.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            DatabaseConfig config = DatabaseConfig.of(
                            "jdbc:mysql://127.0.0.1:" + silent.getLocalPort() + "/sqlstudy", "sqlstudy", "sqlstudy")
                    .withTimeouts(CONNECT_TIMEOUT, SOCKET_TIMEOUT);

            // The first Database.open of a JVM also loads the pool, the driver and its TLS classes
            // (a few hundred ms on 2 cores); that is start-up, not the wait being measured: load them first.
            Stopwatch.time(() -> Database.open(DatabaseConfig.of("jdbc:mysql://127.0.0.1:"
                    + TestServices.freePort() + "/sqlstudy", "sqlstudy", "sqlstudy").withTimeouts(CONNECT_TIMEOUT, SOCKET_TIMEOUT)));

            Stopwatch<Database> open = Stopwatch.time(() -> Database.open(config));

            assertUnavailableWithin(open, "silent server", SILENT_MARGIN);
        }
    }

    private static void assertUnavailableWithinConnectTimeout(Stopwatch<Database> open, String fault) {
        assertUnavailableWithin(open, fault, MARGIN);
    }

    private static void assertUnavailableWithin(Stopwatch<Database> open, String fault, Duration margin) {
        if (open.value() != null) {
            open.value().close();
        }
        System.out.printf("[fault] open with %s: %s after %d ms%n", fault,
                open.failure() == null ? "opened" : open.failure().getClass().getSimpleName(), open.millis());
        assertThat(open.failure())
                .as("opening the database with a %s fails with the domain's error (after %d ms)", fault, open.millis())
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageStartingWith("cannot connect to jdbc:mysql://");
        assertThat(open.elapsed())
                .as("with a %s the error comes within the 2 s connect timeout, plus at most %d ms for the"
                        + " connection attempt in flight (took %d ms)", fault, margin.toMillis(), open.millis())
                .isLessThanOrEqualTo(CONNECT_TIMEOUT.plus(margin));
    }
}
