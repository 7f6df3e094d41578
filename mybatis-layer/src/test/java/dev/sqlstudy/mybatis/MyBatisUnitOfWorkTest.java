package dev.sqlstudy.mybatis;

import static dev.sqlstudy.contract.SampleData.HOSTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlstudy.contract.Tables;
import dev.sqlstudy.contract.TestDatabase;
import dev.sqlstudy.db.Database;
import dev.sqlstudy.domain.DuplicateException;
import dev.sqlstudy.domain.HostTransaction;
import dev.sqlstudy.domain.NewHost;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Where MyBatis's defaults bite inside a unit of work: the session cache that would answer a
 * repeated read, and the dirty flag that would skip a commit or a rollback of a batch it never saw
 * — also of a batch that failed and left the unit only to roll back.
 */
@ParameterizedClass(name = "impl=MyBatis, {0}")
@EnumSource(TestDatabase.class)
class MyBatisUnitOfWorkTest {

    private static final List<NewHost> TWO_NEW_HOSTS = List.of(NewHost.of("a1", "10.0.0.1"), NewHost.of("a2", "10.0.0.2"));

    private final TestDatabase target;
    private Database database;
    private Tables tables;
    private MyBatisHostRepository hosts;

    MyBatisUnitOfWorkTest(TestDatabase target) {
        this.target = target;
    }

    @BeforeEach
    void freshSampleData() {
        database = target.open();
        database.reset();
        tables = new Tables(database);
        hosts = new MyBatisHostRepository(database.dataSource());
        database.statements().reset();
    }

    @Test
    void repeatedRead_insideAUnit_goesToTheDatabaseEachTime() {
        try (HostTransaction tx = hosts.begin()) {
            database.statements().reset();
            tx.findById(1);
            tx.findById(1);
            // With MyBatis's default local cache scope (SESSION) the second read would be 0 statements.
            assertThat(database.statements().statements()).isEqualTo(2);
        }
    }

    @Test
    void addAll_insideAUnit_isOneBatchThatNobodyElseSeesBeforeCommit() {
        try (HostTransaction tx = hosts.begin()) {
            database.statements().reset();
            tx.addAll(TWO_NEW_HOSTS);
            assertThat(database.statements().statements()).as("statements of the batch").isEqualTo(1);
            assertThat(tables.hosts()).as("seen from outside before commit").isEqualTo(HOSTS);
            tx.commit();
        }
        assertThat(tables.hosts()).hasSize(5);
    }

    @Test
    void commit_ofAUnitWhoseOnlyWriteWasABatch_sendsTheCommit() {
        try (HostTransaction tx = hosts.begin()) {
            tx.addAll(TWO_NEW_HOSTS);
            database.statements().reset();
            tx.commit();
            assertThat(database.statements().commits()).isEqualTo(1);
        }
    }

    @Test
    void close_ofAUnitWhoseOnlyWriteWasABatch_rollsItBack() {
        // The unit's own session never saw the batch, so MyBatis would think there is nothing to
        // roll back; closing would then switch auto-commit on, which commits the batch.
        try (HostTransaction tx = hosts.begin()) {
            tx.addAll(TWO_NEW_HOSTS);
        }
        assertThat(tables.hosts()).isEqualTo(HOSTS);
        assertThat(database.statements().rollbacks()).isEqualTo(1);
    }

    @Test
    void addAll_failingAsTheOnlyWriteOfAUnit_leavesARollbackThatStillReachesTheDatabase() {
        // The failed batch makes the unit rollback-only (as in every implementation); its rows ran
        // in a second session the unit's own never saw, so the rollback must be forced through.
        try (HostTransaction tx = hosts.begin()) {
            assertThatThrownBy(() -> tx.addAll(List.of(NewHost.of("lost", "10.0.0.1"), NewHost.of("localhost", "10.0.0.2"))))
                    .isInstanceOf(DuplicateException.class);
            assertThatThrownBy(tx::commit).isInstanceOf(IllegalStateException.class).hasMessageContaining("add hosts");
            database.statements().reset();
        }
        assertThat(database.statements().rollbacks()).as("rollbacks sent by close").isEqualTo(1);
        assertThat(tables.hosts()).isEqualTo(HOSTS);
    }
}
