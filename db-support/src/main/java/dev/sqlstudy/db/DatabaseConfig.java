package dev.sqlstudy.db;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the database is and how the pool talks to it. The settings people change most come first.
 *
 * @param jdbcUrl         {@code jdbc:h2:…} or {@code jdbc:mysql://host:port/db}
 * @param user            database user ({@code null} for H2's default)
 * @param password        its password ({@code null} for none)
 * @param maximumPoolSize connections at most; 10 suits a 2-core machine (HikariCP's advice is
 *                        cores × 2 plus spindles, and a study rarely has more threads than that)
 * @param connectTimeout  how long to wait for a TCP connection and for a free pooled connection
 * @param socketTimeout   how long one statement may wait for the server before the call fails
 *                        (MySQL only: H2 runs in-process)
 * @param autoCommit      the pool's auto-commit default: on, so that a single read is one round
 *                        trip; a technology that wants it off (Hibernate) may ask for its own pool
 */
public record DatabaseConfig(String jdbcUrl, String user, String password, int maximumPoolSize,
                             Duration connectTimeout, Duration socketTimeout, boolean autoCommit) {

    public static final int DEFAULT_POOL_SIZE = 10;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(30);

    /** MySQL mode plus lower-case identifiers is H2's documented way to accept MySQL's SQL. */
    static final String H2_MYSQL_MODE = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE";

    public DatabaseConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Vendor.of(jdbcUrl);
        if (maximumPoolSize < 1) {
            throw new IllegalArgumentException("maximumPoolSize must be at least 1, was " + maximumPoolSize);
        }
        if (connectTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("connectTimeout must be at least 250 ms (HikariCP's minimum), was " + connectTimeout);
        }
        if (socketTimeout.isNegative()) {
            throw new IllegalArgumentException("socketTimeout must not be negative");
        }
    }

    /** Any supported URL with the default pool settings. */
    public static DatabaseConfig of(String jdbcUrl, String user, String password) {
        return new DatabaseConfig(jdbcUrl, user, password, DEFAULT_POOL_SIZE,
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_SOCKET_TIMEOUT, true);
    }

    /** A private in-memory H2 database that lives as long as the JVM. */
    public static DatabaseConfig h2InMemory(String name) {
        return of("jdbc:h2:mem:" + name + H2_MYSQL_MODE + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    /** An H2 database in a file ({@code path} without the {@code .mv.db} ending). */
    public static DatabaseConfig h2File(Path path) {
        return of("jdbc:h2:file:" + path.toAbsolutePath() + H2_MYSQL_MODE, "sa", "");
    }

    public Vendor vendor() {
        return Vendor.of(jdbcUrl);
    }

    public DatabaseConfig withAutoCommit(boolean value) {
        return new DatabaseConfig(jdbcUrl, user, password, maximumPoolSize, connectTimeout, socketTimeout, value);
    }

    public DatabaseConfig withMaximumPoolSize(int value) {
        return new DatabaseConfig(jdbcUrl, user, password, value, connectTimeout, socketTimeout, autoCommit);
    }

    public DatabaseConfig withTimeouts(Duration connect, Duration socket) {
        return new DatabaseConfig(jdbcUrl, user, password, maximumPoolSize, connect, socket, autoCommit);
    }

    /** The URL without credentials, for messages. */
    public String safeUrl() {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public String toString() {
        return "DatabaseConfig[" + safeUrl() + ", user=" + user + "]";
    }
}
