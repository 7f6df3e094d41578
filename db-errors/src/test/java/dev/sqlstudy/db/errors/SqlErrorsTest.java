package dev.sqlstudy.db.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlstudy.domain.DatabaseUnavailableException;
import dev.sqlstudy.domain.DuplicateException;
import dev.sqlstudy.domain.NewHost;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which value a duplicate names, from the drivers' own messages (as MariaDB 10.11, MySQL 8 and
 * H2 2.x word them). A batch knows one candidate per row; the message says which one clashed.
 */
class SqlErrorsTest {

    private static final List<NewHost> BATCH = List.of(
            NewHost.of("web1", "10.0.0.1"), NewHost.of("ubuntu", "10.0.0.2"), NewHost.of("web3", "10.0.0.3"));

    @Test
    void translate_statementInterruptedByAMySqlShutdown_isDatabaseUnavailable() {
        SQLException e = new SQLException("Query execution was interrupted", "70100", 1317);

        assertThat(SqlErrors.translate("count hosts", e)).isInstanceOf(DatabaseUnavailableException.class)
                .hasMessage("database unavailable (count hosts): Query execution was interrupted");
    }

    @Test
    void translate_serverShutdownInProgress_isDatabaseUnavailable() {
        SQLException e = new SQLException("Server shutdown in progress", "HY000", 1053);

        assertThat(SqlErrors.translate("add host", e)).isInstanceOf(DatabaseUnavailableException.class);
    }

    @Test
    void translate_batchDuplicateOnMariaDb_namesTheValueTheMessageQuotes() {
        SQLException e = new BatchUpdateException("Duplicate entry 'ubuntu' for key 'uk_hosts_hostname'", "23000", 1062, new int[0]);
        assertThat(duplicate(e, BATCH)).satisfies(d -> {
            assertThat(d.field()).isEqualTo("hostname");
            assertThat(d.value()).isEqualTo("ubuntu");
        });
    }

    @Test
    void translate_batchDuplicateOnMySql8_namesTheValueTheMessageQuotes() {
        SQLException e = new SQLIntegrityConstraintViolationException(
                "Duplicate entry '10.0.0.3' for key 'hosts.uk_hosts_ip_addr'", "23000", 1062);
        assertThat(duplicate(e, BATCH).value()).isEqualTo("10.0.0.3");
    }

    @Test
    void translate_batchDuplicateOnH2_namesTheValueTheMessageQuotes() {
        SQLException e = new SQLIntegrityConstraintViolationException("""
                Unique index or primary key violation: "PUBLIC.UK_HOSTS_HOSTNAME_INDEX_4 ON PUBLIC.HOSTS(HOSTNAME NULLS FIRST) \
                VALUES ( /* 2 */ 'ubuntu' )"; SQL statement:
                INSERT INTO hosts (hostname, ip_addr, port) VALUES (?, ?, ?) [23505-232]""", "23505", 23505);
        assertThat(duplicate(e, BATCH).value()).isEqualTo("ubuntu");
    }

    @Test
    void translate_candidateThatIsOnlyPartOfTheQuotedValue_isNotNamed() {
        SQLException e = new SQLException("Duplicate entry 'ubuntu2' for key 'uk_hosts_hostname'", "23000", 1062);
        assertThat(duplicate(e, BATCH).value()).isNull();
    }

    @Test
    void translate_messageQuotingTwoCandidates_namesNone() {
        List<NewHost> both = List.of(NewHost.of("ubuntu", "10.0.0.1"), NewHost.of("web1", "10.0.0.2"));
        SQLException e = new SQLException("Duplicate entry 'ubuntu' for key 'uk_hosts_hostname' ('web1')", "23000", 1062);
        assertThat(duplicate(e, both).value()).as("not certain which row").isNull();
    }

    @Test
    void translate_oneHost_namesTheValueTheCallerKnows() {
        SQLException e = new SQLException("Duplicate entry 'localhost' for key 'uk_hosts_hostname'", "23000", 1062);
        assertThat(SqlErrors.translate("add host", e, SqlErrors.hostValues(NewHost.of("LocalHost", "10.9.9.9"))))
                .isInstanceOf(DuplicateException.class)
                .hasMessage("duplicate hostname 'localhost': another host already has it");
    }

    private static DuplicateException duplicate(SQLException e, List<NewHost> batch) {
        return (DuplicateException) SqlErrors.translate("add hosts", e, SqlErrors.hostValues(batch));
    }
}
