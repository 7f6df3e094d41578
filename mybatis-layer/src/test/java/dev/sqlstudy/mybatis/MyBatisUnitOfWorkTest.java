package dev.sqlstudy.mybatis;

import static dev.sqlstudy.contract.SampleData.HOSTS;
import static dev.sqlstudy.contract.SampleData.LOCALHOST;
import static dev.sqlstudy.contract.SampleData.UBUNTU;
import static dev.sqlstudy.contract.SampleData.UBUNTU2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlstudy.contract.Tables;
import dev.sqlstudy.contract.TestDatabase;
import dev.sqlstudy.db.Database;
import dev.sqlstudy.domain.DuplicateException;
import dev.sqlstudy.domain.Host;
import dev.sqlstudy.domain.HostTransaction;
import dev.sqlstudy.domain.NewHost;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Where MyBatis's defaults bite inside a unit of work: the session cache that would answer a
 * repeated read, the dirty flag that would skip a commit or a rollback of a batch it never saw,
 * and a batch that must fail without taking the unit's earlier work with it.
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
    void addAll_failingInsideAUnit_takesBackTheWholeBatchButNothingBeforeIt() {
        try (HostTransaction tx = hosts.begin()) {
            tx.add(NewHost.of("kept", "10.0.0.9"));
            assertThatThrownBy(() -> tx.addAll(List.of(NewHost.of("lost", "10.0.0.1"), NewHost.of("localhost", "10.0.0.2"))))
                    .isInstanceOf(DuplicateException.class);
            assertThat(tx.findByHostname("lost")).as("the batch's valid row").isEmpty();
            tx.commit();
        }
        assertThat(tables.hosts()).containsExactly(LOCALHOST, UBUNTU, UBUNTU2, new Host(4, "kept", "10.0.0.9", 22));
    }
}
