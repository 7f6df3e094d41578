package dev.sqlstudy.bench;

import dev.sqlstudy.db.Database;
import dev.sqlstudy.db.DatabaseConfig;
import dev.sqlstudy.stack.DbTarget;
import dev.sqlstudy.stack.StudyEnvironment;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The databases of one JVM, opened once per {@code --db} spec and shared by every trial that runs
 * in it. The benchmark never touches the CLI's own data: {@code h2} means a file database of its
 * own under {@code $STUDY_HOME/bench}, {@code mem} a private in-memory one. A JDBC URL is used as
 * given — its tables are emptied and reloaded, as {@code ./study reset} does.
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

    private BenchDatabases() {
    }

    static Database open(String spec) {
        return OPEN.computeIfAbsent(spec, s -> Database.open(config(s)));
    }

    static DatabaseConfig config(String spec) {
        String value = spec.strip();
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "mem" -> DatabaseConfig.h2InMemory("sqlstudy_bench");
            case "h2" -> DatabaseConfig.h2File(StudyEnvironment.system().studyHome().resolve("bench").resolve("sqlstudy-bench"));
            case "container" -> throw new IllegalArgumentException(
                    "bench measures servers it is given: start one and pass its JDBC URL instead of 'container'");
            default -> DbTarget.parse(value, null, null, StudyEnvironment.system()).config();
        };
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
