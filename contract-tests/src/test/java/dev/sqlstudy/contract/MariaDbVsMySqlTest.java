package dev.sqlstudy.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sqlstudy.db.Database;
import dev.sqlstudy.db.errors.SqlErrors;
import dev.sqlstudy.domain.DuplicateException;
import dev.sqlstudy.domain.PersistenceException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Where MariaDB 10.11 and MySQL 9.7 differ underneath the study, each shown on both servers with
 * plain JDBC on the study's schema — and what the study does about it. The table in
 * {@code docs/mariadb-vs-mysql.md} points here. The contracts prove the consequence: every
 * implementation gives the same results on both.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(value = TestDatabase.class, names = {"MARIADB", "MYSQL"})
class MariaDbVsMySqlTest {

    private final TestDatabase target;
    private Database database;

    MariaDbVsMySqlTest(TestDatabase target) {
        this.target = target;
    }

    @BeforeEach
    void freshSampleData() {
        database = target.open();
        database.reset();
    }

    private boolean mysql() {
        return target == TestDatabase.MYSQL;
    }

    /** MySQL 8+ qualifies the key with its table; SqlErrors looks for the name, so reads both. */
    @Test
    void duplicateKey_messageNamesTheKeyDifferently_andSqlErrorsReadsBoth() {
        SQLException e = catchThrowableOfType(SQLException.class,
                () -> update("INSERT INTO hosts (hostname, ip_addr) VALUES ('localhost', '10.0.0.1')"));

        assertThat(e.getErrorCode()).as("ER_DUP_ENTRY on both").isEqualTo(1062);
        assertThat(e.getMessage()).endsWith(mysql()
                ? "for key 'hosts.uk_hosts_hostname'"
                : "for key 'uk_hosts_hostname'");
        assertThat(SqlErrors.translate("add host", e, Map.of("hostname", "localhost")))
                .isInstanceOfSatisfying(DuplicateException.class, d -> assertThat(d.field()).isEqualTo("hostname"));
    }

    /**
     * The CHECK on port is enforced by both, with different errors. The domain refuses a bad port
     * before any SQL is sent, so the study never meets either; were it to, it is a plain failure.
     */
    @Test
    void checkConstraint_isEnforcedByBothWithDifferentErrors() {
        SQLException e = catchThrowableOfType(SQLException.class,
                () -> update("INSERT INTO hosts (hostname, ip_addr, port) VALUES ('zero', '10.0.0.1', 0)"));

        assertThat(e.getErrorCode()).isEqualTo(mysql() ? 3819 : 4025);
        assertThat(e.getSQLState()).isEqualTo(mysql() ? "HY000" : "23000");
        assertThat(e.getMessage()).contains("ck_hosts_port");
        assertThat(SqlErrors.translate("add host", e)).isExactlyInstanceOf(PersistenceException.class);
    }

    /**
     * A child refused for a missing parent uses up an id on MariaDB, not on MySQL: ids after a
     * failed write are not the same on the two servers. The study never promises gap-free ids;
     * the contracts compare implementations on one server, where they agree.
     */
    @Test
    void insertRefusedByTheForeignKey_usesUpAnIdOnlyOnMariaDb() throws SQLException {
        SQLException e = catchThrowableOfType(SQLException.class,
                () -> update("INSERT INTO child (name, parent_id) VALUES ('Nobody', 99)"));
        assertThat(e.getErrorCode()).as("ER_NO_REFERENCED_ROW_2 on both").isEqualTo(1452);

        update("INSERT INTO child (name, parent_id) VALUES ('Amy', 1)");

        assertThat(queryInt("SELECT MAX(id) FROM child"))
                .as("the sample's children are 1..4; the next one after the refused insert")
                .isEqualTo(mysql() ? 5 : 6);
    }

    /**
     * MySQL 8+ allocates auto-increment values without a table lock ("interleaved"), MariaDB 10.11
     * with one for bulk inserts ("consecutive"). For a multi-row VALUES insert — what a rewritten
     * batch is — InnoDB reserves all its ids at once in both modes, so the ids the driver computes
     * from the first are right: HostRepositoryContract's
     * {@code addAll_whileAnotherWriterAddsAtTheSameTime_returnsEachRowsRealId} shows it with two writers.
     */
    @Test
    void autoIncrementLockMode_isInterleavedOnMySqlAndConsecutiveOnMariaDb() throws SQLException {
        assertThat(queryInt("SELECT @@innodb_autoinc_lock_mode")).isEqualTo(mysql() ? 2 : 1);
    }

    /**
     * The servers' default collations differ (MySQL utf8mb4_0900_ai_ci, MariaDB utf8mb4_general_ci)
     * and so does the connection's; the schema names its own, and a comparison with a column uses
     * the column's, so host names compare byte by byte and names without case on both.
     */
    @Test
    void collations_differByDefaultButTheSchemaPinsItsOwn() throws SQLException {
        assertThat(queryString("SELECT @@collation_server"))
                .isEqualTo(mysql() ? "utf8mb4_0900_ai_ci" : "utf8mb4_general_ci");
        assertThat(queryString("SELECT COLLATION_NAME FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'hosts' AND COLUMN_NAME = 'hostname'"))
                .isEqualTo("utf8mb4_bin");
        assertThat(queryString("SELECT COLLATION_NAME FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'parent' AND COLUMN_NAME = 'name'"))
                .isEqualTo("utf8mb4_unicode_ci");
        assertThat(queryInt("SELECT COUNT(*) FROM hosts WHERE hostname = 'LOCALHOST'"))
                .as("hostname is binary: another letter case is another name").isZero();
        assertThat(queryInt("SELECT COUNT(*) FROM parent WHERE name = 'mary'"))
                .as("names compare without case, on both").isEqualTo(1);
    }

    /**
     * MySQL's default sql_mode has ONLY_FULL_GROUP_BY; MariaDB's has not and returns any row's
     * value. The study's GROUP BY names every selected column (or depends on the primary key), so
     * it runs on both: FamilyRepositoryContract's counts tests pass on each.
     */
    @Test
    void groupBy_withAColumnOutsideTheGroup_isRefusedOnlyByMySql() throws SQLException {
        String sql = "SELECT name, parent_id FROM child GROUP BY parent_id";
        if (mysql()) {
            assertThatThrownBy(() -> queryString(sql))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1055));
        } else {
            assertThat(queryString(sql)).as("some child's name, the server's choice").isNotNull();
        }
        assertThat(queryInt("SELECT COUNT(*) FROM (SELECT p.id, p.name, COUNT(c.id) AS children FROM parent p"
                + " LEFT JOIN child c ON c.parent_id = p.id GROUP BY p.id, p.name) counts"))
                .as("the study's children-per-parent query, on both").isEqualTo(3);
    }

    /**
     * Connector/J reports rows matched, not rows changed ({@code useAffectedRows=false}, the
     * default, on both servers): a bulk update that sets the value already there counts every row
     * it matched, as H2 does. The study keeps the default, so "affected" means the same everywhere.
     */
    @Test
    void updateThatChangesNothing_countsMatchedRowsUnlessUseAffectedRowsIsSet() throws SQLException {
        assertThat(update("UPDATE hosts SET port = port WHERE id > 0")).as("matched rows").isEqualTo(3);
        try (Connection connection = DriverManager.getConnection(withOption("useAffectedRows=true"),
                database.config().user(), database.config().password());
             Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("UPDATE hosts SET port = port WHERE id > 0"))
                    .as("changed rows, with useAffectedRows=true").isZero();
        }
    }

    /** Both servers are InnoDB: the same error code, the same SQLState, the same translation. */
    @Test
    void lockWaitTimeout_isError1205OnBoth() throws SQLException {
        try (Connection holder = connection(); Connection waiter = connection()) {
            holder.setAutoCommit(false);
            holder.createStatement().executeQuery("SELECT * FROM hosts WHERE id = 1 FOR UPDATE").close();
            waiter.createStatement().execute("SET SESSION innodb_lock_wait_timeout = 1");

            SQLException e = catchThrowableOfType(SQLException.class,
                    () -> waiter.createStatement().executeUpdate("UPDATE hosts SET port = 23 WHERE id = 1"));

            assertThat(e.getErrorCode()).isEqualTo(1205);
            assertThat(e.getSQLState()).isEqualTo("40001");
            assertThat(SqlErrors.translate("update host", e)).isExactlyInstanceOf(PersistenceException.class);
            holder.rollback();
        }
    }

    /** Two transactions locking two rows in opposite orders: one is chosen and rolled back, on both alike. */
    @Test
    void deadlock_isError1213WithState40001OnBoth() throws Exception {
        try (Connection first = connection(); Connection second = connection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            first.createStatement().executeUpdate("UPDATE hosts SET port = 101 WHERE id = 1");
            second.createStatement().executeUpdate("UPDATE hosts SET port = 202 WHERE id = 2");
            CountDownLatch waiting = new CountDownLatch(1);
            CompletableFuture<SQLException> firstWaits = CompletableFuture.supplyAsync(() -> {
                waiting.countDown();
                try {
                    first.createStatement().executeUpdate("UPDATE hosts SET port = 102 WHERE id = 2");
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            });
            waiting.await();
            Thread.sleep(300); // first now waits for second's row lock
            SQLException secondsError = null;
            try {
                second.createStatement().executeUpdate("UPDATE hosts SET port = 201 WHERE id = 1");
            } catch (SQLException e) {
                secondsError = e;
            }
            SQLException firstsError = firstWaits.get(10, TimeUnit.SECONDS);
            SQLException victim = secondsError != null ? secondsError : firstsError;

            assertThat(secondsError == null ^ firstsError == null).as("exactly one transaction is the victim").isTrue();
            assertThat(victim.getErrorCode()).isEqualTo(1213);
            assertThat(victim.getSQLState()).isEqualTo("40001");
            first.rollback();
            second.rollback();
        }
    }

    /**
     * MySQL 8+ writes a binary log by default and syncs it at every commit; MariaDB as Debian
     * installs it does not. A write costs MySQL an extra fsync: expect it in the benchmark's
     * write workloads, not in the results.
     */
    @Test
    void binaryLog_isOnByDefaultOnlyOnMySql() throws SQLException {
        assertThat(queryInt("SELECT @@log_bin")).isEqualTo(mysql() ? 1 : 0);
    }

    private Connection connection() throws SQLException {
        return database.uncountedDataSource().getConnection();
    }

    private String withOption(String option) {
        String url = database.config().jdbcUrl();
        return url + (url.contains("?") ? "&" : "?") + option;
    }

    private int update(String sql) throws SQLException {
        try (Connection connection = connection(); Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }

    private int queryInt(String sql) throws SQLException {
        return Integer.parseInt(queryString(sql));
    }

    private String queryString(String sql) throws SQLException {
        try (Connection connection = connection();
             PreparedStatement select = connection.prepareStatement(sql);
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }
}
