package dev.sqlstudy.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import dev.sqlstudy.db.DatabaseConfig;
import dev.sqlstudy.db.ServerVersion;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * One running MySQL-protocol container: its {@link #config()} for {@code Database.open}, which
 * {@link #server()} answered (MySQL or MariaDB, and the release), and the switches a fault test
 * needs. The host port is fixed when the container is created, so the same
 * JDBC URL (and the same pool) reaches the server again after {@link #stop()} and {@link #start()}.
 * Closing removes the container and its data.
 */
public final class DatabaseContainer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseContainer.class);

    private static final int MYSQL_PORT = 3306;
    private static final String DATABASE = "sqlstudy";
    private static final String USER = "sqlstudy";
    private static final String PASSWORD = "sqlstudy";
    /** A classpath directory whose my.cnf Testcontainers copies into /etc/mysql/conf.d. */
    private static final String SERVER_DEFAULTS_CONF = "sqlstudy-container-conf";

    private final MySQLContainer container;
    private final String image;
    private final Duration startupTimeout;
    private final Duration firstStartup;
    private final DatabaseConfig config;
    private final ServerVersion server;

    private DatabaseContainer(MySQLContainer container, String image, Duration startupTimeout, Duration firstStartup) {
        this.container = container;
        this.image = image;
        this.startupTimeout = startupTimeout;
        this.firstStartup = firstStartup;
        this.config = configOf(container);
        this.server = readServer(config, image);
    }

    private static DatabaseConfig configOf(MySQLContainer container) {
        // The container runs on this machine and holds throw-away data: no TLS, on both servers
        // alike (MySQL would offer its auto-generated certificate, MariaDB 10.11 has none), so the
        // two are compared on the same footing. Without TLS, a caching_sha2_password user (MySQL
        // 8's default, MySQL 9's only built-in plugin) can log in only if the driver may fetch
        // the server's RSA key to encrypt the password: allowPublicKeyRetrieval. MariaDB's
        // mysql_native_password needs neither. (MySqlContainersTest shows both sides.)
        String url = "jdbc:mysql://" + container.getHost() + ":" + container.getMappedPort(MYSQL_PORT) + "/" + DATABASE
                + "?sslMode=DISABLED&allowPublicKeyRetrieval=true";
        return DatabaseConfig.of(url, USER, PASSWORD);
    }

    /**
     * @param expected the kind of server the image must hold, or {@code null} for any
     */
    static DatabaseContainer start(DockerImageName image, ContainerKind expected, Duration startupTimeout) {
        ensureImage(image, expected);
        int hostPort = freePort();
        MySQLContainer container = new SingleAttemptMySqlContainer(image)
                .withDatabaseName(DATABASE)
                .withUsername(USER)
                .withPassword(PASSWORD)
                // The server's own defaults, not Testcontainers' small-footprint my.cnf.
                .withConfigurationOverride(SERVER_DEFAULTS_CONF)
                .withStartupTimeoutSeconds((int) startupTimeout.toSeconds())
                .withConnectTimeoutSeconds((int) startupTimeout.toSeconds())
                // A fixed host port: Docker would pick a new random one on every restart.
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withPortBindings(
                        new PortBinding(Ports.Binding.bindPort(hostPort), ExposedPort.tcp(MYSQL_PORT))));
        long started = System.nanoTime();
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw new ContainerStartException("container from image " + image.asCanonicalNameString()
                    + " did not start: " + MySqlContainers.rootMessage(e), e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        DatabaseContainer ready;
        try {
            ready = new DatabaseContainer(container, image.asCanonicalNameString(), startupTimeout, took);
        } catch (RuntimeException e) {
            container.stop();
            throw e;
        }
        log.info("{} ({}) ready on port {} in {} ms", ready.image, ready.server, hostPort, took.toMillis());
        if (expected != null && ready.kind() != expected) {
            ready.close();
            throw new ContainerStartException("image " + ready.image + " runs " + ready.server + ", not "
                    + expected.product() + "; set " + expected.imageEnv() + " to a " + expected.product()
                    + " image (" + expected.buildAdvice() + ")", null);
        }
        return ready;
    }

    private static ServerVersion readServer(DatabaseConfig config, String image) {
        try (Connection connection = DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password())) {
            return ServerVersion.read(connection);
        } catch (SQLException e) {
            throw new ContainerStartException("container from image " + image + " started, but asking its version failed: "
                    + MySqlContainers.rootMessage(e), e);
        }
    }

    /**
     * Pulls the image once if it is not here. Testcontainers would retry a failing pull for two
     * minutes; where no registry is reachable the first "no" is final, so say so at once.
     */
    private static void ensureImage(DockerImageName image, ContainerKind expected) {
        DockerClient docker = DockerClientFactory.instance().client();
        String name = image.asCanonicalNameString();
        try {
            docker.inspectImageCmd(name).exec();
            return;
        } catch (NotFoundException absent) {
            log.info("image {} is not here: pulling it", name);
        }
        try {
            docker.pullImageCmd(image.getUnversionedPart()).withTag(image.getVersionPart()).start().awaitCompletion();
        } catch (RuntimeException e) {
            String advice = expected != null ? expected.buildAdvice()
                    : "build one with .ci/build-db-image.sh mysql|mariadb and set " + MySqlContainers.IMAGE_ENV;
            throw new ContainerStartException("image " + name + " is not here and cannot be pulled ("
                    + MySqlContainers.rootMessage(e) + "); without a registry, " + advice, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerStartException("interrupted while pulling " + name, e);
        }
    }

    /** Where the server is, with the project's default pool settings; adjust with the {@code with…} methods. */
    public DatabaseConfig config() {
        return config;
    }

    /** The image this container runs. */
    public String image() {
        return image;
    }

    /** The server that answered, e.g. {@code MySQL 9.7.4} or {@code MariaDB 10.11.14}. */
    public ServerVersion server() {
        return server;
    }

    /** The kind of server that answered (whatever the image was asked for as). */
    public ContainerKind kind() {
        return server.isMariaDb() ? ContainerKind.MARIADB : ContainerKind.MYSQL;
    }

    /** How long the first start took, from asking Docker until the server accepted a connection. */
    public Duration startupTime() {
        return firstStartup;
    }

    /** Stops the server ({@code docker stop}: SIGTERM, then SIGKILL after 10 s); its data stays. */
    public void stop() {
        docker().stopContainerCmd(container.getContainerId()).withTimeout(10).exec();
    }

    /** Kills the server at once ({@code docker kill}), as a crash or a pulled plug would. */
    public void kill() {
        docker().killContainerCmd(container.getContainerId()).exec();
    }

    /**
     * Starts a stopped or killed server again on the same port and waits until it accepts a
     * connection.
     *
     * @return how long it took until the server answered
     */
    public Duration start() {
        long started = System.nanoTime();
        docker().startContainerCmd(container.getContainerId()).exec();
        awaitConnection();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Freezes the server's processes ({@code docker pause}): connections stay open, nothing answers. */
    public void pause() {
        docker().pauseContainerCmd(container.getContainerId()).exec();
    }

    /** Thaws a paused server. */
    public void unpause() {
        docker().unpauseContainerCmd(container.getContainerId()).exec();
    }

    private void awaitConnection() {
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        Properties properties = new Properties();
        properties.setProperty("user", config.user());
        properties.setProperty("password", config.password());
        properties.setProperty("connectTimeout", "1000");
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            try (Connection connection = DriverManager.getConnection(config.jdbcUrl(), properties)) {
                if (connection.isValid(1)) {
                    return;
                }
            } catch (SQLException e) {
                last = e;
            }
            sleep(100);
        }
        throw new ContainerStartException("container from image " + image + " did not accept a connection within "
                + startupTimeout.toSeconds() + " s after a restart", last);
    }

    private DockerClient docker() {
        return container.getDockerClient();
    }

    /** Removes the container and its data. */
    @Override
    public void close() {
        container.stop();
    }

    @Override
    public String toString() {
        return "DatabaseContainer[" + image + " (" + server + ") at " + config.safeUrl() + "]";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress("0.0.0.0", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new ContainerStartException("no free TCP port for the container", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerStartException("interrupted while waiting for the container", e);
        }
    }

    /**
     * The official module tries three starts; a local image that fails once fails every time, so
     * one attempt reports the problem three times sooner.
     */
    private static final class SingleAttemptMySqlContainer extends MySQLContainer {

        SingleAttemptMySqlContainer(DockerImageName image) {
            super(image);
        }

        @Override
        protected void configure() {
            super.configure();
            setStartupAttempts(1);
        }
    }
}
