package dev.sqlstudy.bench;

import dev.sqlstudy.container.DatabaseContainer;
import dev.sqlstudy.db.Database;
import dev.sqlstudy.db.DatabaseConfig;
import dev.sqlstudy.stack.DbTarget;
import dev.sqlstudy.stack.StudyEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The databases of one JVM, opened once per {@code --db} spec and shared by every trial that runs
 * in it. The benchmark never touches the CLI's own data: {@code h2} means a file database of its
 * own under {@code $STUDY_HOME/bench}, {@code mem} a private in-memory one. A JDBC URL is used as
 * given — its tables are emptied and reloaded, as {@code ./study reset} does. A
 * {@code container[:mysql|:mariadb]} is started once by the runner ({@link #startContainers}) and
 * reached by every fork through system properties holding its address: a fork must measure the
 * same server, not start one of its own.
 */
final class BenchDatabases {

    private static final Map<String, Database> OPEN = new ConcurrentHashMap<>();

    /**
     * Without a logging back-end (a build's class path, a fork) Flyway logs every migration through
     * java.util.logging; the progress display is the bench's output. Held here: JUL keeps loggers weakly.
     */
    private static final java.util.logging.Logger FLYWAY_JUL = java.util.logging.Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_JUL.setLevel(java.util.logging.Level.WARNING);
    }

    /** {@code <prefix><spec>.url|.user|.password}: where a container the runner started listens. */
    static final String CONTAINER_PROPERTY = "sqlstudy.bench.container.";

    private static final List<String> CONTAINER_PARTS = List.of(".url", ".user", ".password");

    private BenchDatabases() {
    }

    /**
     * Starts a server for every {@code container…} spec and publishes its address (see
     * {@link #CONTAINER_PROPERTY}); a container that cannot start is reported and left out, as a
     * database that does not answer is. Closing the result stops them and withdraws the addresses.
     */
    static Containers startContainers(List<String> specs, java.io.PrintStream progress) {
        List<DatabaseContainer> started = new ArrayList<>();
        List<String> published = new ArrayList<>();
        for (String spec : specs) {
            DbTarget target;
            try {
                target = DbTarget.parse(spec, null, null, StudyEnvironment.system());
            } catch (IllegalArgumentException e) {
                continue; // said again, and left out, when the database is probed
            }
            if (!target.isContainer()) {
                continue;
            }
            progress.printf("database %s: starting %s%n", spec, target.describe());
            DatabaseContainer container;
            try {
                container = target.container().start();
            } catch (RuntimeException e) {
                progress.printf("database %s: no container (%s)%n", spec, BenchRunner.oneLine(e));
                continue;
            }
            started.add(container);
            DatabaseConfig config = container.config();
            System.setProperty(CONTAINER_PROPERTY + spec + ".url", config.jdbcUrl());
            System.setProperty(CONTAINER_PROPERTY + spec + ".user", config.user());
            System.setProperty(CONTAINER_PROPERTY + spec + ".password", config.password());
            published.add(spec);
        }
        return new Containers(started, published);
    }

    /** The containers of one run; {@link #close()} stops them. */
    record Containers(List<DatabaseContainer> started, List<String> specs) implements AutoCloseable {

        /** The JVM options that give a fork the containers' addresses. */
        List<String> jvmArgs() {
            List<String> args = new ArrayList<>();
            for (String spec : specs) {
                for (String part : CONTAINER_PARTS) {
                    String key = CONTAINER_PROPERTY + spec + part;
                    args.add("-D" + key + "=" + System.getProperty(key));
                }
            }
            return args;
        }

        @Override
        public void close() {
            for (String spec : specs) {
                for (String part : CONTAINER_PARTS) {
                    System.clearProperty(CONTAINER_PROPERTY + spec + part);
                }
            }
            started.forEach(DatabaseContainer::close);
        }
    }

    static Database open(String spec) {
        return OPEN.computeIfAbsent(spec, s -> Database.open(config(s)));
    }

    static DatabaseConfig config(String spec) {
        String value = spec.strip();
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "mem" -> DatabaseConfig.h2InMemory("sqlstudy_bench");
            case "h2" -> DatabaseConfig.h2File(StudyEnvironment.system().studyHome().resolve("bench").resolve("sqlstudy-bench"));
            default -> {
                DbTarget target = DbTarget.parse(value, null, null, StudyEnvironment.system());
                if (!target.isContainer()) {
                    yield target.config();
                }
                String url = System.getProperty(CONTAINER_PROPERTY + value + ".url");
                if (url == null) {
                    throw new IllegalStateException(value + " was not started (Docker unavailable, or the image missing)");
                }
                yield DatabaseConfig.of(url, System.getProperty(CONTAINER_PROPERTY + value + ".user"),
                        System.getProperty(CONTAINER_PROPERTY + value + ".password"));
            }
        };
    }

    /** True for H2 (in memory, in a file or by URL): a database in the measuring JVM, no network between. */
    static boolean embedded(String spec) {
        String value = spec.strip().toLowerCase(Locale.ROOT);
        return value.equals("mem") || value.equals("h2") || value.startsWith("jdbc:h2:");
    }

    /** A short label for tables: {@code H2 (mem)}, {@code H2 (file)} or the server's name. */
    static String label(String spec, String serverVersion) {
        return switch (spec.strip().toLowerCase(Locale.ROOT)) {
            case "mem" -> "H2 in-memory";
            case "h2" -> "H2 file";
            default -> serverVersion.toLowerCase(Locale.ROOT).contains("mariadb") ? "MariaDB" : "MySQL";
        };
    }

    static void close(String spec) {
        Database database = OPEN.remove(spec);
        if (database != null) {
            database.close();
        }
    }

    static void closeAll() {
        for (String spec : OPEN.keySet()) {
            close(spec);
        }
    }
}
