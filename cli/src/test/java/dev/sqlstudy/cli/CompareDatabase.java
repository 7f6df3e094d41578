package dev.sqlstudy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlstudy.contract.TestDatabase;
import dev.sqlstudy.db.DatabaseConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.opentest4j.TestAbortedException;

/**
 * The databases {@code compare} is tested on, as {@code ./study} options: the shared in-memory H2 of
 * {@link Study}; MariaDB at {@code $STUDY_TEST_MYSQL_URL} (default a {@code sqlstudy_test_cli}
 * database on 127.0.0.1:3306, user and password {@code $STUDY_TEST_DB_USER} / {@code
 * $STUDY_TEST_DB_PASSWORD}, default sqlstudy/sqlstudy); and MySQL 9.7 in the contract's container
 * ({@link TestDatabase#MYSQL}: one per JVM, started on first use, image {@code $STUDY_MYSQL_IMAGE}),
 * reached as {@code --db <its JDBC URL>} with its user and password. A database that is not there
 * skips its leg with the reason on a developer machine and fails it with {@code CI=true}, like the
 * other modules' legs. The test names show the axis: {@code db=MySQL 9.7}.
 */
enum CompareDatabase {

    H2("H2") {
        @Override
        List<String> options() {
            return List.of("--db", "mem");
        }

        @Override
        Map<String, String> env() {
            return Map.of();
        }
    },

    MARIADB("MariaDB") {
        @Override
        List<String> options() {
            return List.of("--db", variable("STUDY_TEST_MYSQL_URL",
                    "jdbc:mysql://127.0.0.1:3306/sqlstudy_test_cli?createDatabaseIfNotExist=true"));
        }

        @Override
        Map<String, String> env() {
            return Map.of("STUDY_DB_USER", variable("STUDY_TEST_DB_USER", "sqlstudy"),
                    "STUDY_DB_PASSWORD", variable("STUDY_TEST_DB_PASSWORD", "sqlstudy"));
        }
    },

    /**
     * The contract's MySQL 9.7 container; {@link TestDatabase#open()} starts it once per JVM and
     * skips (or, with {@code CI=true}, fails) the leg with the reason when Docker or the image is
     * missing.
     */
    MYSQL("MySQL 9.7") {
        @Override
        List<String> options() {
            return List.of("--db", container().jdbcUrl());
        }

        @Override
        Map<String, String> env() {
            DatabaseConfig container = container();
            return Map.of("STUDY_DB_USER", container.user(), "STUDY_DB_PASSWORD", container.password());
        }

        private DatabaseConfig container() {
            return TestDatabase.MYSQL.open().config();
        }
    };

    private final String label;

    CompareDatabase(String label) {
        this.label = label;
    }

    abstract List<String> options();

    abstract Map<String, String> env();

    /** The database reset to the sample data; skips (or, on CI, fails) the leg when it is unreachable. */
    CompareDatabase fresh() {
        Study.Outcome reset = run("reset");
        if (reset.exitCode() == ExitCode.UNAVAILABLE && !"true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new TestAbortedException(this + " leg skipped: " + reset.err().strip());
        }
        assertThat(reset.exitCode()).as("reset on %s: %s", this, reset.err()).isZero();
        return this;
    }

    /** {@code ./study <this database> args…}. */
    Study.Outcome run(String... args) {
        return run(StudyCommand.StackWrapper.NONE, args);
    }

    /** {@code ./study <this database> args…}, with a test double around compare's stacks. */
    Study.Outcome run(StudyCommand.StackWrapper wrapper, String... args) {
        List<String> all = new ArrayList<>(options());
        all.addAll(Arrays.asList(args));
        return Study.raw(env(), wrapper, all.toArray(String[]::new));
    }

    /** {@code ./study <this database> --format json args…}. */
    Study.Outcome json(String... args) {
        return json(StudyCommand.StackWrapper.NONE, args);
    }

    Study.Outcome json(StudyCommand.StackWrapper wrapper, String... args) {
        List<String> all = new ArrayList<>(List.of("--format", "json"));
        all.addAll(Arrays.asList(args));
        return run(wrapper, all.toArray(String[]::new));
    }

    private static String variable(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** As the test names show it: {@code db=MySQL 9.7}. */
    @Override
    public String toString() {
        return label;
    }
}
