package dev.sqlstudy.stack;

import dev.sqlstudy.db.DatabaseConfig;
import java.util.Locale;

/**
 * The {@code --db} choice: {@code h2} (a file database under {@code $STUDY_HOME}, default
 * {@code ~/.sqlstudy}), {@code mem} (in-memory H2, gone when the process ends), {@code container}
 * (a MySQL-protocol container started with Testcontainers, image {@code $STUDY_CONTAINER_IMAGE})
 * or a JDBC URL of a MySQL-protocol server, with credentials from the options or
 * {@code STUDY_DB_USER} / {@code STUDY_DB_PASSWORD} ({@link StudyEnvironment}).
 *
 * @param config the database to open; {@code null} for a container, whose address is known only
 *               once it runs
 */
public record DbTarget(String spec, DatabaseConfig config) {

    /**
     * Parses {@code --db}; {@code user} and {@code password} (the options, may be null) win over
     * the environment's.
     *
     * @throws IllegalArgumentException naming {@code --db} when {@code spec} is none of the above
     */
    public static DbTarget parse(String spec, String user, String password, StudyEnvironment environment) {
        String value = spec == null ? "h2" : spec.strip();
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "h2" -> new DbTarget("h2", DatabaseConfig.h2File(environment.studyHome().resolve("sqlstudy")));
            case "mem" -> new DbTarget("mem", DatabaseConfig.h2InMemory("sqlstudy"));
            case "container" -> new DbTarget("container", null);
            default -> {
                if (!value.toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
                    throw new IllegalArgumentException("--db must be h2, mem, container or a JDBC URL, was '" + value + "'");
                }
                String resolvedUser = user != null ? user : environment.dbUser();
                String resolvedPassword = password != null ? password : environment.dbPassword();
                yield new DbTarget(value, DatabaseConfig.of(value, resolvedUser, resolvedPassword));
            }
        };
    }

    public boolean isContainer() {
        return config == null;
    }

    /** For messages: the URL without credentials, or {@code container}. */
    public String describe() {
        return isContainer() ? "container (" + dev.sqlstudy.container.MySqlContainers.configuredImage() + ")"
                : config.safeUrl();
    }
}
