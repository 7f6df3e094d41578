package dev.sqlstudy.contract;

import dev.sqlstudy.container.ContainerKind;
import dev.sqlstudy.container.ContainerStartException;
import dev.sqlstudy.container.DatabaseContainer;
import dev.sqlstudy.container.DockerUnavailableException;
import dev.sqlstudy.container.MySqlContainers;
import dev.sqlstudy.contract.services.TestServices;
import dev.sqlstudy.db.Database;
import dev.sqlstudy.db.DatabaseConfig;
import dev.sqlstudy.domain.DatabaseUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opentest4j.TestAbortedException;

/**
 * The databases the contract runs on, one axis of the test matrix. Each is opened (pool + Flyway)
 * once per JVM and shared by every test class; tests reset the data, not the schema.
 *
 * <p>H2 always runs. The MariaDB leg — the server on {@code 127.0.0.1:3306}, MariaDB 10.11 on our
 * machines — runs when the server answers; where it does not, its
 * tests are <em>skipped with the reason</em> on a developer's machine and <em>fail</em> when
 * {@code CI=true}, so a missing server can never pass as green in CI. Point it elsewhere with
 * {@code STUDY_TEST_MYSQL_URL}, {@code STUDY_TEST_DB_USER} and {@code STUDY_TEST_DB_PASSWORD}.
 *
 * <p>The MySQL leg runs MySQL 9.7 in a container, because MySQL is not installed beside MariaDB
 * on our machines: one container per JVM (Testcontainers; the image is {@code $STUDY_MYSQL_IMAGE},
 * default the official {@code mysql:9.7}; CI builds one with {@code .ci/build-db-image.sh mysql}),
 * removed when the JVM exits. Without Docker, or without the image, it skips with the reason — and
 * fails with {@code CI=true}, like the MariaDB leg. It is also the container leg: it proves the
 * Testcontainers path that {@code --db container} takes. A second, generic container leg would
 * only run MariaDB 10.11 again — the server the MariaDB leg already runs — so there is none; the
 * MariaDB image is exercised by {@code db-container}'s own tests and the fault suite.
 */
public enum TestDatabase {

    H2("H2") {
        @Override
        DatabaseConfig config() {
            return DatabaseConfig.h2InMemory("contract");
        }
    },

    MARIADB("MariaDB") {
        @Override
        DatabaseConfig config() {
            return DatabaseConfig.of(
                            env("STUDY_TEST_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/" + schemaName()
                                    + "?createDatabaseIfNotExist=true"),
                            env("STUDY_TEST_DB_USER", "sqlstudy"),
                            env("STUDY_TEST_DB_PASSWORD", "sqlstudy"))
                    .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(30));
        }
    },

    MYSQL("MySQL 9.7") {
        @Override
        DatabaseConfig config() {
            DatabaseContainer container = MySqlContainers.start(ContainerKind.MYSQL, null);
            Runtime.getRuntime().addShutdownHook(new Thread(container::close, "remove-" + container.image()));
            System.err.println("[sqlstudy] MySQL 9.7 leg: " + container.image() + " (" + container.server()
                    + ") ready in " + container.startupTime().toMillis() + " ms");
            return container.config().withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(30));
        }

        @Override
        String advice() {
            return "the image is $" + ContainerKind.MYSQL.imageEnv() + " (default " + ContainerKind.MYSQL.defaultImage()
                    + "); without a registry, build one with .ci/build-db-image.sh mysql";
        }
    };

    private static final Map<TestDatabase, Object> OPENED = new ConcurrentHashMap<>();

    private final String label;

    TestDatabase(String label) {
        this.label = label;
    }

    /**
     * Where this leg's database is; the container leg starts one first. Throws {@link
     * DatabaseUnavailableException}, {@link DockerUnavailableException} or {@link
     * ContainerStartException} when the leg cannot run here.
     */
    abstract DatabaseConfig config();

    /** What to do when this leg cannot run, for the skip or failure message. */
    String advice() {
        return "see README 'Point the tests at your own MySQL'";
    }

    /**
     * The databases every matrix runs on: H2, MariaDB, MySQL 9.7 — the same as {@link #values()},
     * named for the matrices ({@code @MethodSource}, the cache matrix) so they need no change when
     * a leg is added.
     */
    public static List<TestDatabase> matrix() {
        return List.of(values());
    }

    /** The real servers of the matrix (MariaDB, MySQL 9.7): the legs of tests whose subject is a server. */
    public static List<TestDatabase> servers() {
        return matrix().stream().filter(db -> db != H2).toList();
    }

    /** True when this run must not skip service-backed legs ({@link TestServices#ci()}). */
    public static boolean ci() {
        return TestServices.ci();
    }

    /**
     * The shared, migrated database. Aborts the calling test (a skip, with the reason) when the
     * server is unreachable on a developer machine; fails it when {@code CI=true}.
     */
    public Database open() {
        Object opened = OPENED.computeIfAbsent(this, TestDatabase::tryOpen);
        if (opened instanceof Database database) {
            return database;
        }
        String reason = (String) opened;
        if (ci()) {
            throw new IllegalStateException("CI=true requires the " + label + " leg, but " + reason);
        }
        throw new TestAbortedException(label + " leg skipped: " + reason);
    }

    private static Object tryOpen(TestDatabase target) {
        DatabaseConfig config = null;
        try {
            config = target.config();
            Database database = Database.open(config);
            Runtime.getRuntime().addShutdownHook(new Thread(database::close, "close-" + target.label));
            return database;
        } catch (DatabaseUnavailableException | DockerUnavailableException | ContainerStartException e) {
            String reason = e.getMessage() + (config == null ? "" : " (as user " + config.user() + ")")
                    + "; " + target.advice();
            System.err.println("[sqlstudy] " + target.label + " leg " + (ci() ? "FAILS" : "SKIPPED") + ": " + reason);
            return reason;
        }
    }

    /**
     * One database per Maven module ({@code sqlstudy_test_raw_jdbc}, …): modules built in parallel
     * never reset each other's tables. Surefire passes the module's name; the test user may
     * create databases named {@code sqlstudy_…}.
     */
    private static String schemaName() {
        String module = System.getProperty("sqlstudy.test.module", "default");
        return "sqlstudy_test_" + module.replaceAll("[^A-Za-z0-9]", "_");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public String toString() {
        return "db=" + label;
    }
}
