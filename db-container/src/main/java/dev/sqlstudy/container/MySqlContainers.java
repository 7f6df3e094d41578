package dev.sqlstudy.container;

import java.time.Duration;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

/**
 * Starts MySQL-protocol servers in containers. One call does it all:
 *
 * <pre>{@code
 * try (DatabaseContainer container = MySqlContainers.start();
 *      Database database = Database.open(container.config())) { … }
 * }</pre>
 *
 * <p>The image is {@value #DEFAULT_IMAGE} unless {@code STUDY_CONTAINER_IMAGE} names another; any
 * image that honours the official image's {@code MYSQL_*} variables and listens on 3306 will do
 * (CI uses a MariaDB image built locally by {@code .ci/build-mariadb-image.sh}). Testcontainers
 * itself is configured the usual way: {@code TESTCONTAINERS_RYUK_DISABLED=true} where the Ryuk
 * image cannot be pulled, {@code TESTCONTAINERS_HOST_OVERRIDE=localhost} where the daemon is local.
 */
public final class MySqlContainers {

    /** The environment variable naming the image. */
    public static final String IMAGE_ENV = "STUDY_CONTAINER_IMAGE";

    /** An official MySQL 8 image, the LTS line. */
    public static final String DEFAULT_IMAGE = "mysql:8.4";

    /** How long a container may take to accept its first connection. */
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private MySqlContainers() {
    }

    /** The image {@link #start()} runs: {@code $STUDY_CONTAINER_IMAGE}, else {@value #DEFAULT_IMAGE}. */
    public static String configuredImage() {
        String value = System.getenv(IMAGE_ENV);
        return value == null || value.isBlank() ? DEFAULT_IMAGE : value.trim();
    }

    /**
     * Starts a container from {@link #configuredImage()} and waits until it accepts connections.
     *
     * @throws DockerUnavailableException if no Docker daemon answers
     * @throws ContainerStartException    if the container did not become ready
     */
    public static DatabaseContainer start() {
        return start(configuredImage());
    }

    /** Like {@link #start()}, from the given image. */
    public static DatabaseContainer start(String image) {
        requireDocker();
        DockerImageName name = DockerImageName.parse(image).asCompatibleSubstituteFor("mysql");
        return DatabaseContainer.start(name, DEFAULT_STARTUP_TIMEOUT);
    }

    /** Why no container can be started here, or empty when a Docker daemon answers. */
    public static Optional<String> dockerProblem() {
        try {
            DockerClientFactory.instance().client();
            return Optional.empty();
        } catch (RuntimeException | LinkageError e) {
            return Optional.of("Docker is not available (" + rootMessage(e)
                    + "); start a Docker daemon, or set DOCKER_HOST");
        }
    }

    static void requireDocker() {
        Optional<String> problem = dockerProblem();
        if (problem.isPresent()) {
            throw new DockerUnavailableException(problem.get(), null);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return e.getMessage() != null && e != root ? e.getMessage() + ": " + message : message;
    }
}
