package dev.sqlstudy.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlstudy.db.Database;
import dev.sqlstudy.db.DatabaseConfig;
import dev.sqlstudy.domain.DatabaseUnavailableException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentest4j.TestAbortedException;

/**
 * The container API on a real Docker daemon, for both kinds of server. A kind whose container
 * cannot start (no Docker, no image) is skipped with the reason; with {@code CI=true} it fails.
 */
class MySqlContainersTest {

    private static final Map<ContainerKind, DatabaseContainer> CONTAINERS = new EnumMap<>(ContainerKind.class);
    private static final Map<ContainerKind, String> PROBLEMS = new EnumMap<>(ContainerKind.class);

    @BeforeAll
    static void startContainers() {
        String docker = MySqlContainers.dockerProblem().orElse(null);
        for (ContainerKind kind : ContainerKind.values()) {
            if (docker != null) {
                PROBLEMS.put(kind, docker);
                continue;
            }
            try {
                DatabaseContainer container = MySqlContainers.start(kind, null);
                System.out.printf("[sqlstudy] %s: %s (%s) ready in %d ms%n",
                        kind, container.image(), container.server(), container.startupTime().toMillis());
                CONTAINERS.put(kind, container);
            } catch (ContainerStartException e) {
                PROBLEMS.put(kind, e.getMessage());
            }
        }
        PROBLEMS.forEach((kind, problem) -> System.err.println("[sqlstudy] " + kind + " container tests "
                + (ci() ? "FAIL" : "SKIPPED") + ": " + problem));
    }

    @AfterAll
    static void removeContainers() {
        CONTAINERS.values().forEach(DatabaseContainer::close);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ContainerKind.class)
    void start_givesAConfigThatDatabaseOpensAndMigrates(ContainerKind kind) throws SQLException {
        try (Database database = Database.open(running(kind).config())) {
            assertThat(count(database, "SELECT COUNT(*) FROM hosts"))
                    .as("the tutorial's three sample hosts on %s", database.server())
                    .isEqualTo(3);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ContainerKind.class)
    void start_answersWithTheServerOfTheKindAskedFor(ContainerKind kind) {
        DatabaseContainer container = running(kind);

        assertThat(container.kind()).as("%s runs %s", container.image(), container.server()).isEqualTo(kind);
        assertThat(container.server().product()).isEqualTo(kind.product());
        assertThat(container.server().version())
                .as("the release the study is written for")
                .startsWith(kind == ContainerKind.MYSQL ? "9.7." : "10.11.");
    }

    /** Testcontainers' own my.cnf would give a 16 MB buffer pool and 4 open tables. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(ContainerKind.class)
    void start_runsWithTheServersOwnDefaultsNotTestcontainersSmallConfig(ContainerKind kind) throws SQLException {
        DatabaseContainer container = running(kind);
        try (Connection connection = asRoot(container);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT @@innodb_buffer_pool_size, @@table_open_cache")) {
            rows.next();
            assertThat(rows.getLong(1)).as("InnoDB buffer pool, bytes").isEqualTo(128L * 1024 * 1024);
            assertThat(rows.getInt(2)).as("open tables cache").isGreaterThan(100);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ContainerKind.class)
    void start_isReadyWithinTheStartupTimeout(ContainerKind kind) {
        DatabaseContainer container = running(kind);
        assertThat(container.startupTime())
                .as("first start of %s took %d ms", container.image(), container.startupTime().toMillis())
                .isLessThan(MySqlContainers.DEFAULT_STARTUP_TIMEOUT);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ContainerKind.class)
    void stopThenStart_keepsThePortAndTheData(ContainerKind kind) throws SQLException {
        DatabaseContainer container = running(kind);
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

    /**
     * MySQL 9's users authenticate with caching_sha2_password (mysql_native_password is gone). Over
     * a connection without TLS the password must be RSA-encrypted with the server's key, which the
     * driver fetches only when allowed; a fresh user (nothing in the server's auth cache) without
     * that permission is refused. Over TLS — MySQL generates a certificate on its own — no key is
     * needed.
     */
    @Test
    void login_onMySqlWithoutTlsOrKeyRetrieval_isRefusedUnlessTheConnectionUsesTls() throws SQLException {
        DatabaseContainer container = running(ContainerKind.MYSQL);
        String user = freshUser(container);

        assertThat(plugin(container, user)).as("MySQL 9's default authentication plugin").isEqualTo("caching_sha2_password");
        assertThatThrownBy(() -> login(container, user, "sslMode=DISABLED"))
                .as("no TLS and no permission to fetch the server's RSA key")
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Public Key Retrieval is not allowed");
        assertThat(login(container, user, "sslMode=REQUIRED"))
                .as("over TLS the password travels encrypted: no key needed")
                .isTrue();
        assertThat(login(container, freshUser(container), "sslMode=DISABLED&allowPublicKeyRetrieval=true"))
                .as("what DatabaseContainer's URL does: no TLS, key retrieval allowed")
                .isTrue();
    }

    /** What a user sees when a URL that works on MariaDB meets MySQL without TLS: how to fix it. */
    @Test
    void open_onMySqlWithoutTlsOrKeyRetrieval_failsUnavailableSayingWhatToAdd() throws SQLException {
        DatabaseContainer container = running(ContainerKind.MYSQL);
        String user = freshUser(container);
        String url = container.config().jdbcUrl().replaceFirst("\\?.*$", "") + "?sslMode=DISABLED";

        assertThatThrownBy(() -> Database.open(DatabaseConfig.of(url, user, "secret")))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("Public Key Retrieval is not allowed")
                .hasMessageContaining("allowPublicKeyRetrieval=true");
    }

    /** MariaDB 10.11 has no caching_sha2_password and, as Debian ships it, no TLS certificate. */
    @Test
    void login_onMariaDbWithoutTls_needsNoKeyRetrievalAndTlsIsNotOffered() throws SQLException {
        DatabaseContainer container = running(ContainerKind.MARIADB);
        String user = freshUser(container);

        assertThat(plugin(container, user)).as("MariaDB's default authentication plugin").isEqualTo("mysql_native_password");
        assertThat(login(container, user, "sslMode=DISABLED"))
                .as("mysql_native_password never needs the server's key")
                .isTrue();
        assertThatThrownBy(() -> login(container, user, "sslMode=REQUIRED"))
                .as("TLS is not configured on Debian's MariaDB 10.11")
                .isInstanceOf(SQLException.class);
    }

    @Test
    void start_withAnImageOverride_runsThatImageAndChecksItsServer() {
        DatabaseContainer mariadb = running(ContainerKind.MARIADB);

        assertThatThrownBy(() -> MySqlContainers.start(ContainerKind.MYSQL, mariadb.image()))
                .as("the override is the image that ran, and a MariaDB image is no MySQL")
                .isInstanceOf(ContainerStartException.class)
                .hasMessageContaining("image " + mariadb.image() + " runs MariaDB 10.11")
                .hasMessageContaining("not MySQL")
                .hasMessageContaining("STUDY_MYSQL_IMAGE");
    }

    @Test
    void start_withAMissingImage_failsAtOnceNamingTheImageAndHowToBuildOne() {
        running(ContainerKind.MYSQL); // Docker is here
        String missing = "sqlstudy/no-such-image:0." + UUID.randomUUID().toString().substring(0, 8);
        long started = System.nanoTime();

        assertThatThrownBy(() -> MySqlContainers.start(ContainerKind.MYSQL, missing))
                .isInstanceOf(ContainerStartException.class)
                .hasMessageContaining("image " + missing + " is not here and cannot be pulled")
                .hasMessageContaining(".ci/build-db-image.sh mysql")
                .hasMessageContaining("STUDY_MYSQL_IMAGE");
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("one failed pull, not Testcontainers' two minutes of retries")
                .isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void kindOf_readsTheCommandLineNamesAndRejectsOthersNamingTheChoices() {
        assertThat(ContainerKind.of("mysql")).isEqualTo(ContainerKind.MYSQL);
        assertThat(ContainerKind.of(" MariaDB ")).isEqualTo(ContainerKind.MARIADB);
        assertThatThrownBy(() -> ContainerKind.of("postgres"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown container kind 'postgres' (use mysql or mariadb)");
    }

    @Test
    void defaultImages_areTheOfficialImagesOfTheTwoReleases() {
        assertThat(ContainerKind.MYSQL.defaultImage()).isEqualTo("mysql:9.7").isEqualTo(MySqlContainers.DEFAULT_IMAGE);
        assertThat(ContainerKind.MARIADB.defaultImage()).isEqualTo("mariadb:10.11");
        assertThat(MySqlContainers.DEFAULT_KIND)
                .as("a plain container without STUDY_CONTAINER_IMAGE is MySQL")
                .isEqualTo(ContainerKind.MYSQL);
    }

    private static DatabaseContainer running(ContainerKind kind) {
        DatabaseContainer container = CONTAINERS.get(kind);
        if (container != null) {
            return container;
        }
        if (ci()) {
            throw new IllegalStateException("CI=true requires the " + kind + " container tests, but " + PROBLEMS.get(kind));
        }
        throw new TestAbortedException(kind + " container tests skipped: " + PROBLEMS.get(kind));
    }

    private static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** A new user whose password no server cache has seen; root's password is the container's. */
    private static String freshUser(DatabaseContainer container) throws SQLException {
        String user = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection root = asRoot(container); Statement statement = root.createStatement()) {
            statement.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'secret'");
        }
        return user;
    }

    private static String plugin(DatabaseContainer container, String user) throws SQLException {
        try (Connection root = asRoot(container);
             var select = root.prepareStatement("SELECT plugin FROM mysql.user WHERE user = ?")) {
            select.setString(1, user);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private static Connection asRoot(DatabaseContainer container) throws SQLException {
        return DriverManager.getConnection(container.config().jdbcUrl(), "root", container.config().password());
    }

    private static boolean login(DatabaseContainer container, String user, String options) throws SQLException {
        // No database in the URL: the fresh user has no grants, only the right to log in.
        String url = container.config().jdbcUrl().replaceFirst("/[^/?]*(\\?.*)?$", "/") + "?connectTimeout=3000&" + options;
        try (Connection connection = DriverManager.getConnection(url, user, "secret")) {
            return connection.isValid(2);
        }
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
