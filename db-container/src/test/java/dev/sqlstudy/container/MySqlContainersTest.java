package dev.sqlstudy.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlstudy.db.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * The container API on a real Docker daemon. Skipped with the reason where Docker or the image is
 * absent; required (a failure) with {@code CI=true}.
 */
class MySqlContainersTest {

    private static DatabaseContainer container;
    private static String problem;

    @BeforeAll
    static void startContainer() {
        problem = MySqlContainers.dockerProblem().orElse(null);
        if (problem == null) {
            try {
                container = MySqlContainers.start();
                System.out.printf("[sqlstudy] %s ready in %d ms%n", container.image(), container.startupTime().toMillis());
                return;
            } catch (ContainerStartException e) {
                problem = e.getMessage();
            }
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true requires the container tests, but " + problem);
        }
        System.err.println("[sqlstudy] container tests SKIPPED: " + problem);
    }

    @BeforeEach
    void skipWithoutDocker() {
        if (problem != null) {
            throw new TestAbortedException("container tests skipped: " + problem);
        }
    }

    @AfterAll
    static void removeContainer() {
        if (container != null) {
            container.close();
        }
    }

    @Test
    void start_givesAConfigThatDatabaseOpensAndMigrates() throws SQLException {
        try (Database database = Database.open(container.config())) {
            assertThat(count(database, "SELECT COUNT(*) FROM hosts"))
                    .as("the tutorial's three sample hosts on %s", database.serverVersion())
                    .isEqualTo(3);
        }
    }

    @Test
    void start_isReadyWithinTheStartupTimeout() {
        assertThat(container.startupTime())
                .as("first start of %s took %d ms", container.image(), container.startupTime().toMillis())
                .isLessThan(MySqlContainers.DEFAULT_STARTUP_TIMEOUT);
    }

    @Test
    void stopThenStart_keepsThePortAndTheData() throws SQLException {
        try (Database database = Database.open(container.config())) {
            container.stop();
            assertThatThrownBy(() -> count(database, "SELECT COUNT(*) FROM hosts"))
                    .as("a stopped server refuses the query instead of hanging")
                    .isInstanceOf(SQLException.class);

            Duration restart = container.start();

            assertThat(count(database, "SELECT COUNT(*) FROM hosts"))
                    .as("the same URL reaches the restarted server (back in %d ms) with its data", restart.toMillis())
                    .isEqualTo(3);
        }
    }

    @Test
    void configuredImage_defaultsToAnOfficialMySql8Image() {
        assertThat(MySqlContainers.DEFAULT_IMAGE)
                .as("without STUDY_CONTAINER_IMAGE the container is the official MySQL 8 image")
                .startsWith("mysql:8.");
    }

    private static int count(Database database, String sql) throws SQLException {
        try (Connection connection = database.uncountedDataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
