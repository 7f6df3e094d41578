package dev.sqlstudy.stack;

import dev.sqlstudy.cache.CacheSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The environment variables the study reads, read here and nowhere else: the CLI hands in its
 * process environment, a test hands in a map of its own.
 *
 * <ul>
 *   <li>{@code STUDY_HOME} — where {@code --db h2} keeps its file (default {@code ~/.sqlstudy});</li>
 *   <li>{@code STUDY_DB_USER}, {@code STUDY_DB_PASSWORD} — credentials for a JDBC URL;</li>
 *   <li>{@code STUDY_MEMCACHED} — the memcached servers (default {@value CacheSettings#DEFAULT_MEMCACHED});</li>
 *   <li>{@code STUDY_REDIS} — the Redis server, or a Redis Cluster's nodes (default {@value CacheSettings#DEFAULT_REDIS});</li>
 *   <li>{@code STUDY_MYSQL_IMAGE}, {@code STUDY_MARIADB_IMAGE}, {@code STUDY_CONTAINER_IMAGE} — the
 *       images of {@code --db container[:mysql|:mariadb]} ({@link DbTarget}).</li>
 * </ul>
 */
public final class StudyEnvironment {

    private final Map<String, String> variables;
    private final Path userHome;

    private StudyEnvironment(Map<String, String> variables, Path userHome) {
        this.variables = Map.copyOf(variables);
        this.userHome = userHome;
    }

    /** This process's environment and {@code user.home}. */
    public static StudyEnvironment system() {
        return of(System.getenv());
    }

    /** {@code variables} as the environment; the home directory is still {@code user.home}. */
    public static StudyEnvironment of(Map<String, String> variables) {
        return new StudyEnvironment(variables, Path.of(System.getProperty("user.home")));
    }

    /** The variable {@code name}, empty when unset or blank. */
    public Optional<String> get(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** {@code $STUDY_HOME}, or {@code ~/.sqlstudy}. */
    public Path studyHome() {
        return get("STUDY_HOME").map(Path::of).orElse(userHome.resolve(".sqlstudy"));
    }

    /** {@code $STUDY_DB_USER}, or null. */
    public String dbUser() {
        return get("STUDY_DB_USER").orElse(null);
    }

    /** {@code $STUDY_DB_PASSWORD}, or null. */
    public String dbPassword() {
        return get("STUDY_DB_PASSWORD").orElse(null);
    }

    /** The cache servers: {@code $STUDY_MEMCACHED}, {@code $STUDY_REDIS}, else the defaults of {@link CacheSettings}. */
    public CacheSettings cacheSettings() {
        return CacheSettings.defaults()
                .withMemcachedServers(get("STUDY_MEMCACHED").orElse(null))
                .withRedisServers(get("STUDY_REDIS").orElse(null));
    }
}
