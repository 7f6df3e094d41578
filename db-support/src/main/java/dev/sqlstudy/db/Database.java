package dev.sqlstudy.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sqlstudy.db.errors.SqlErrors;
import dev.sqlstudy.domain.DatabaseUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open, migrated database: a HikariCP pool, the Flyway schema (sample data loaded on a fresh
 * database), and a {@link StatementCounter} on every connection the implementations get.
 * Migration and {@link #reset()} run below the counter, so they never show in a count.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final DatabaseConfig config;
    private final HikariDataSource pool;
    private final DataSource counted;
    private final StatementCounter counter = new StatementCounter();
    private final List<String> resetStatements;

    private Database(DatabaseConfig config, HikariDataSource pool) {
        this.config = config;
        this.pool = pool;
        this.counted = ProxyDataSourceBuilder.create("sqlstudy", pool)
                .listener(counter.queryListener())
                .methodListener(counter.methodListener())
                .build();
        this.resetStatements = new java.util.ArrayList<>(SqlScript.statements(config.vendor().resetScript()));
        this.resetStatements.addAll(SqlScript.statements(Schema.SAMPLE_DATA_SCRIPT));
    }

    /**
     * Opens the pool and migrates the schema.
     *
     * @throws DatabaseUnavailableException if the database cannot be reached within the connect timeout
     */
    public static Database open(DatabaseConfig config) {
        HikariDataSource pool = openPool(config);
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations(config.vendor().migrationLocations())
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            return new Database(config, pool);
        } catch (RuntimeException e) {
            pool.close();
            if (hasCause(e, SQLException.class)) {
                throw new DatabaseUnavailableException("cannot migrate " + config.safeUrl() + ": "
                        + SqlErrors.oneLine(SqlErrors.rootMessage(e)), e);
            }
            throw e;
        }
    }

    /**
     * Starts the pool. An H2 file is locked by the process that has it open — another {@code
     * ./study} command running at the same time — so a locked file is waited for, like a busy
     * server, until the connect timeout.
     */
    private static HikariDataSource openPool(DatabaseConfig config) {
        long deadline = System.nanoTime() + config.connectTimeout().toNanos();
        while (true) {
            try {
                return new HikariDataSource(hikariConfig(config));
            } catch (RuntimeException e) {
                if (config.vendor() == Vendor.H2 && hasErrorCode(e, H2_DATABASE_IN_USE) && System.nanoTime() < deadline) {
                    log.debug("{} is in use by another process; waiting", config.safeUrl());
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw new DatabaseUnavailableException("interrupted while waiting for " + config.safeUrl(), e);
                    }
                    continue;
                }
                String cause = SqlErrors.oneLine(SqlErrors.rootMessage(e));
                throw new DatabaseUnavailableException("cannot connect to " + config.safeUrl() + ": " + cause
                        + (cause.contains(PUBLIC_KEY_RETRIEVAL) ? PUBLIC_KEY_ADVICE : ""), e);
            }
        }
    }

    /**
     * Connector/J's refusal when a MySQL 8+ user (caching_sha2_password) logs in without TLS and
     * the driver may not fetch the server's RSA key. MariaDB's mysql_native_password never needs
     * it, so a URL that works on MariaDB can fail this way on MySQL.
     */
    private static final String PUBLIC_KEY_RETRIEVAL = "Public Key Retrieval is not allowed";
    private static final String PUBLIC_KEY_ADVICE = " (MySQL's caching_sha2_password needs TLS, or"
            + " allowPublicKeyRetrieval=true in the URL when TLS is off)";

    /** H2's "Database may be already in use": the file is locked by another process. */
    private static final int H2_DATABASE_IN_USE = 90020;

    private static boolean hasErrorCode(Throwable e, int code) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == code) {
                return true;
            }
        }
        return false;
    }

    static HikariConfig hikariConfig(DatabaseConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("sqlstudy");
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.maximumPoolSize());
        // A CLI run or a test class needs one or two connections; the rest open on demand.
        hikari.setMinimumIdle(Math.min(2, config.maximumPoolSize()));
        hikari.setAutoCommit(config.autoCommit());
        // Waiting for a free connection and for the first connection both end after the connect
        // timeout: an exhausted pool or a dead server is a clear error, never a hang.
        hikari.setConnectionTimeout(config.connectTimeout().toMillis());
        hikari.setValidationTimeout(Math.min(config.connectTimeout().toMillis(), 2_000));
        // One attempt at start-up: a refused connection fails at once (the CLI exits 4 quickly),
        // while the driver's connectTimeout still bounds an address that never answers.
        hikari.setInitializationFailTimeout(1);
        if (config.vendor() == Vendor.MYSQL) {
            long connectMs = config.connectTimeout().toMillis();
            hikari.addDataSourceProperty("connectTimeout", String.valueOf(connectMs));
            hikari.addDataSourceProperty("socketTimeout", String.valueOf(config.socketTimeout().toMillis()));
            // Client-side prepared statements, cached per connection: one round trip per statement
            // (a server-side PREPARE would add one per new statement) and batch rewriting works.
            hikari.addDataSourceProperty("useServerPrepStmts", "false");
            hikari.addDataSourceProperty("cachePrepStmts", "true");
            hikari.addDataSourceProperty("prepStmtCacheSize", "250");
            hikari.addDataSourceProperty("prepStmtCacheSqlLimit", "2048");
            // A JDBC batch of inserts is sent as one multi-row INSERT: one round trip.
            hikari.addDataSourceProperty("rewriteBatchedStatements", "true");
            // Skip round trips for session state the driver already knows (auto-commit, isolation).
            hikari.addDataSourceProperty("useLocalSessionState", "true");
            hikari.addDataSourceProperty("cacheServerConfiguration", "true");
            hikari.addDataSourceProperty("cacheResultSetMetadata", "true");
            hikari.addDataSourceProperty("characterEncoding", "UTF-8");
            hikari.addDataSourceProperty("tcpKeepAlive", "true");
        }
        return hikari;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The pool, seen through the statement counter: hand this to the implementations. */
    public DataSource dataSource() {
        return counted;
    }

    /**
     * The pool without the counter, for checks that must not disturb a count (tests that read
     * the tables with plain JDBC to verify what an implementation wrote).
     */
    public DataSource uncountedDataSource() {
        return pool;
    }

    public StatementCounter statements() {
        return counter;
    }

    public Vendor vendor() {
        return config.vendor();
    }

    public DatabaseConfig config() {
        return config;
    }

    /** Empties every table and loads the sample data again: ids start at 1, as on a fresh database. */
    public void reset() {
        try (Connection connection = pool.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try {
                SqlScript.run(connection, resetStatements);
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("reset sample data", e);
        }
    }

    /**
     * Which server answered: {@code MySQL 9.7.4}, {@code MariaDB 10.11.14}, {@code H2 2.5.252} —
     * MariaDB named as such, although it calls itself "MySQL" to the driver.
     */
    public ServerVersion server() {
        try (Connection connection = pool.getConnection()) {
            return ServerVersion.read(connection);
        } catch (SQLException e) {
            throw SqlErrors.translate("read server version", e);
        }
    }

    /**
     * The driver's product name and version, e.g. {@code MySQL 9.7.4}; a MariaDB server shows
     * {@code MySQL 5.5.5-10.11.14-MariaDB-0+deb12u1} here. {@link #server()} says it plainly.
     */
    public String serverVersion() {
        try (Connection connection = pool.getConnection()) {
            var meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        } catch (SQLException e) {
            throw SqlErrors.translate("read server version", e);
        }
    }

    @Override
    public void close() {
        log.debug("closing pool for {}", config.safeUrl());
        pool.close();
    }

    @Override
    public String toString() {
        return "Database[" + config.safeUrl() + "]";
    }
}
