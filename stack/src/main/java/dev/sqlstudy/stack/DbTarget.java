package dev.sqlstudy.stack;

import dev.sqlstudy.container.ContainerKind;
import dev.sqlstudy.container.MySqlContainers;
import dev.sqlstudy.db.DatabaseConfig;
import java.util.Locale;

/**
 * The {@code --db} choice: {@code h2} (a file database under {@code $STUDY_HOME}, default
 * {@code ~/.sqlstudy}), {@code mem} (in-memory H2, gone when the process ends),
 * {@code container[:mysql|:mariadb]} (a server started with Testcontainers) or a JDBC URL of a
 * MySQL-protocol server, with credentials from the options or {@code STUDY_DB_USER} /
 * {@code STUDY_DB_PASSWORD}. Every variable comes from the {@link StudyEnvironment} given.
 *
 * @param config    the database to open; {@code null} for a container, whose address is known only
 *                  once it runs
 * @param container the container to start, or {@code null}
 */
public record DbTarget(String spec, DatabaseConfig config, Container container) {

    /**
     * A server to start in a container.
     *
     * @param kind  MySQL or MariaDB; {@code null} for a plain {@code container}, whose image may
     *              hold either (the server that answers says which)
     * @param image the image: {@code $STUDY_MYSQL_IMAGE} / {@code $STUDY_MARIADB_IMAGE} for a kind,
     *              {@code $STUDY_CONTAINER_IMAGE} for a plain container, else the official image
     */
    public record Container(ContainerKind kind, String image) {

        /**
         * Starts it and waits until it accepts connections: a server of {@link #kind}, or for a
         * plain container whichever server the image holds.
         *
         * @throws IllegalStateException when Docker is missing or the image is unavailable
         */
        public dev.sqlstudy.container.DatabaseContainer start() {
            return kind == null ? MySqlContainers.start(image) : MySqlContainers.start(kind, image);
        }
    }

    /**
     * Parses {@code --db}; {@code user} and {@code password} (the options, may be null) win over
     * the environment's.
     *
     * @throws IllegalArgumentException naming {@code --db} when {@code spec} is none of the above
     */
    public static DbTarget parse(String spec, String user, String password, StudyEnvironment environment) {
        String value = spec == null ? "h2" : spec.strip();
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.equals("container") || lower.startsWith("container:")) {
            return new DbTarget(value, null, container(value, environment));
        }
        return switch (lower) {
            case "h2" -> new DbTarget("h2", DatabaseConfig.h2File(environment.studyHome().resolve("sqlstudy")), null);
            case "mem" -> new DbTarget("mem", DatabaseConfig.h2InMemory("sqlstudy"), null);
            default -> {
                if (!lower.startsWith("jdbc:")) {
                    throw new IllegalArgumentException("--db must be h2, mem, container[:mysql|:mariadb] or a JDBC URL, was '"
                            + value + "'");
                }
                String resolvedUser = user != null ? user : environment.dbUser();
                String resolvedPassword = password != null ? password : environment.dbPassword();
                yield new DbTarget(value, DatabaseConfig.of(value, resolvedUser, resolvedPassword), null);
            }
        };
    }

    private static Container container(String value, StudyEnvironment environment) {
        int colon = value.indexOf(':');
        if (colon < 0) {
            ContainerKind fallback = MySqlContainers.DEFAULT_KIND;
            String image = environment.get(MySqlContainers.IMAGE_ENV)
                    .or(() -> environment.get(fallback.imageEnv()))
                    .orElse(fallback.defaultImage());
            return new Container(null, image);
        }
        ContainerKind kind;
        try {
            kind = ContainerKind.of(value.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--db " + value + ": " + e.getMessage(), e);
        }
        return new Container(kind, environment.get(kind.imageEnv()).orElse(kind.defaultImage()));
    }

    public boolean isContainer() {
        return container != null;
    }

    /** For messages: the URL without credentials, or the container and its image. */
    public String describe() {
        if (isContainer()) {
            return (container.kind() == null ? "container" : "container:" + container.kind()) + " (" + container.image() + ")";
        }
        return config.safeUrl();
    }
}
