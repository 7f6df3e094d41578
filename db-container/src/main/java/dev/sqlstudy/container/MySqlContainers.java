package dev.sqlstudy.container;

import java.time.Duration;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

/**
 * Starts MySQL-protocol servers — MySQL or MariaDB — in containers. One call does it all:
 *
 * <pre>{@code
 * try (DatabaseContainer container = MySqlContainers.start(ContainerKind.MYSQL, null);
 *      Database database = Database.open(container.config())) {
 *     System.out.println(container.server());   // MySQL 9.7.4
 * }
 * }</pre>
 *
 * <p>Images, by what was asked for ({@code ./study --db container[:mysql|:mariadb]}):
 * <table>
 *   <caption>which image runs</caption>
 *   <tr><th>call</th><th>image</th></tr>
 *   <tr><td>{@link #start(ContainerKind, String) start(kind, override)}</td>
 *       <td>{@code override} when not blank, else {@link ContainerKind#configuredImage()}:
 *       {@code $STUDY_MYSQL_IMAGE} / {@code $STUDY_MARIADB_IMAGE}, else {@code mysql:9.7} /
 *       {@code mariadb:10.11}. The server that answers must be of that kind.</td></tr>
 *   <tr><td>{@link #start()} (plain {@code container})</td>
 *       <td>{@code $STUDY_CONTAINER_IMAGE} when set — any MySQL-protocol image, whichever server
 *       it holds — else the MySQL kind's image.</td></tr>
 * </table>
 *
 * <p>Any image that honours the official images' {@code MYSQL_*} variables and listens on 3306
 * will do; CI builds both locally with {@code .ci/build-db-image.sh mysql|mariadb}. Testcontainers
 * itself is configured the usual way: {@code TESTCONTAINERS_RYUK_DISABLED=true} where the Ryuk
 * image cannot be pulled, {@code TESTCONTAINERS_HOST_OVERRIDE=localhost} where the daemon is local.
 */
public final class MySqlContainers {

    /** The environment variable naming the image of a plain {@code container} (either server). */
    public static final String IMAGE_ENV = "STUDY_CONTAINER_IMAGE";

    /** The server a plain {@code container} runs when {@value #IMAGE_ENV} is not set. */
    public static final ContainerKind DEFAULT_KIND = ContainerKind.MYSQL;

    /** The official image of {@link #DEFAULT_KIND}. */
    public static final String DEFAULT_IMAGE = "mysql:9.7";

    /** How long a container may take to accept its first connection. */
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private MySqlContainers() {
    }

    /**
     * The image {@link #start()} runs: {@code $STUDY_CONTAINER_IMAGE}, else {@link #DEFAULT_KIND}'s
     * configured image ({@code $STUDY_MYSQL_IMAGE}, else {@value #DEFAULT_IMAGE}).
     */
    public static String configuredImage() {
        String value = System.getenv(IMAGE_ENV);
        return value == null || value.isBlank() ? DEFAULT_KIND.configuredImage() : value.trim();
    }

    /**
     * A plain container: starts {@link #configuredImage()} and waits until it accepts connections.
     * Whichever server the image holds is fine; {@link DatabaseContainer#server()} says which.
     *
     * @throws DockerUnavailableException if no Docker daemon answers
     * @throws ContainerStartException    if the image is missing and cannot be pulled, or the
     *                                    container did not become ready
     */
    public static DatabaseContainer start() {
        return start(configuredImage());
    }

    /** Like {@link #start()}, from the given image, whichever server it holds. */
    public static DatabaseContainer start(String image) {
        requireDocker();
        return DatabaseContainer.start(name(image), null, DEFAULT_STARTUP_TIMEOUT);
    }

    /** Starts a server of this kind from its {@linkplain ContainerKind#configuredImage() configured image}. */
    public static DatabaseContainer start(ContainerKind kind) {
        return start(kind, null);
    }

    /**
     * Starts a server of this kind and waits until it accepts connections.
     *
     * @param kind          MySQL or MariaDB
     * @param imageOverride the image to run instead of the kind's configured one; {@code null} or
     *                      blank for the configured one
     * @throws DockerUnavailableException if no Docker daemon answers
     * @throws ContainerStartException    if the image is missing and cannot be pulled, the
     *                                    container did not become ready, or the server that
     *                                    answered is not of this kind (a MariaDB image given as
     *                                    MySQL's, say)
     */
    public static DatabaseContainer start(ContainerKind kind, String imageOverride) {
        String image = imageOverride == null || imageOverride.isBlank() ? kind.configuredImage() : imageOverride.trim();
        requireDocker();
        return DatabaseContainer.start(name(image), kind, DEFAULT_STARTUP_TIMEOUT);
    }

    private static DockerImageName name(String image) {
        try {
            return DockerImageName.parse(image).asCompatibleSubstituteFor("mysql");
        } catch (IllegalArgumentException e) {
            throw new ContainerStartException("'" + image + "' is not an image name: " + e.getMessage(), e);
        }
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
