package dev.sqlstudy.hibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlstudy.contract.SampleData;
import dev.sqlstudy.contract.Tables;
import dev.sqlstudy.contract.TestDatabase;
import dev.sqlstudy.db.Database;
import dev.sqlstudy.db.StatementCounter.Executed;
import dev.sqlstudy.domain.DuplicateException;
import dev.sqlstudy.domain.Host;
import dev.sqlstudy.domain.HostChanges;
import dev.sqlstudy.domain.HostTransaction;
import dev.sqlstudy.domain.NewHost;
import dev.sqlstudy.domain.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hibernate.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The traps of the ORM that the contract cannot see from outside: a persistence context that goes
 * stale under mutation queries, a failed operation inside a unit of work, the column default, and
 * the SQL the fetch joins become.
 */
@ParameterizedClass(name = "impl=Hibernate, {0}")
@EnumSource(TestDatabase.class)
class HibernatePitfallsIT {

    private final TestDatabase target;
    private Database database;
    private HibernateRepositories repositories;
    private Tables tables;

    HibernatePitfallsIT(TestDatabase target) {
        this.target = target;
    }

    @BeforeEach
    void freshSampleData() {
        database = target.open();
        database.reset();
        repositories = SharedRepositories.on(database);
        tables = new Tables(database);
    }

    @Test
    void bulkUpdate_insideAUnit_isSeenByAHostLoadedBeforeIt() {
        try (HostTransaction tx = repositories.hosts().begin()) {
            assertThat(tx.findById(3)).hasValueSatisfying(h -> assertThat(h.port()).isEqualTo(20000));
            tx.updatePortWhereIdGreaterThan(2, 2022);
            // Without the clear after the mutation query, find would return the loaded entity: 20000.
            assertThat(tx.findById(3)).hasValueSatisfying(h -> assertThat(h.port()).isEqualTo(2022));
            tx.commit();
        }
    }

    @Test
    void bulkDelete_insideAUnit_forgetsAHostLoadedBeforeIt() {
        try (HostTransaction tx = repositories.hosts().begin()) {
            assertThat(tx.findById(3)).isPresent();
            tx.deleteWhereIdGreaterThan(1);
            assertThat(tx.findById(3)).as("a deleted row found in the persistence context").isEmpty();
            assertThat(tx.count()).isEqualTo(1);
        }
        assertThat(tables.hosts()).as("rolled back on close").isEqualTo(SampleData.HOSTS);
    }

    @Test
    void update_insideAUnit_beforeABulkUpdate_isFlushedFirstAndKept() {
        try (HostTransaction tx = repositories.hosts().begin()) {
            tx.update(2, HostChanges.none().withHostname("renamed"));
            tx.updatePortWhereIdGreaterThan(1, 2022);
            tx.commit();
        }
        assertThat(tables.hosts()).contains(new Host(2, "renamed", "192.168.2.243", 2022));
    }

    @Test
    void addAll_insideAUnit_withADuplicate_leavesTheUnitOnlyToRollBack() {
        try (HostTransaction tx = repositories.hosts().begin()) {
            tx.add(NewHost.of("kept", "10.0.0.1"));
            assertThatThrownBy(() -> tx.addAll(List.of(NewHost.of("new1", "10.0.0.2"), NewHost.of("dup", "127.0.0.1"))))
                    .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.field()).isEqualTo("ip_addr"));
            // Hibernate marked the transaction rollback-only; a commit would quietly roll back.
            assertThatThrownBy(tx::count).isInstanceOf(IllegalStateException.class).hasMessageContaining("add hosts");
            assertThatThrownBy(tx::commit).isInstanceOf(IllegalStateException.class).hasMessageContaining("rolled back");
            tx.rollback();
        }
        assertThat(tables.hosts()).isEqualTo(SampleData.HOSTS);
    }

    @Test
    void update_insideAUnit_toADuplicate_cannotBeCommittedAndChangesNothing() {
        try (HostTransaction tx = repositories.hosts().begin()) {
            assertThatThrownBy(() -> tx.update(3, HostChanges.none().withHostname("localhost")))
                    .isInstanceOf(DuplicateException.class);
            assertThatThrownBy(tx::commit).isInstanceOf(IllegalStateException.class);
        }
        assertThat(tables.hosts()).isEqualTo(SampleData.HOSTS);
    }

    @Test
    void update_insideAUnit_ofAMissingHost_leavesTheUnitUsable() {
        try (HostTransaction tx = repositories.hosts().begin()) {
            // No SQL failed (the SELECT found nothing): Hibernate did not mark the transaction.
            assertThatThrownBy(() -> tx.update(99, HostChanges.none().withPort(1))).isInstanceOf(NotFoundException.class);
            tx.add(NewHost.of("after", "10.0.0.3"));
            tx.commit();
        }
        assertThat(tables.hosts()).extracting(Host::hostname).endsWith("after");
    }

    @Test
    void hostEntity_withoutAPort_isStoredWithTheDefault22NotNull() {
        try (Session session = repositories.sessionFactory().openSession()) {
            session.beginTransaction();
            session.persist(new HostEntity("noport", "10.0.0.9"));
            session.getTransaction().commit();
        }
        assertThat(tables.hosts()).last().extracting(Host::port).isEqualTo(22);
    }

    @Test
    void findParent_fetchJoin_isOneSelectJoiningChildOrderedByChildId() {
        List<String> sql = sqlOf(() -> repositories.families().findParent(1));
        assertThat(sql).singleElement().satisfies(select -> {
            assertThat(select).contains("left join child").contains("order by");
        });
    }

    @Test
    void listParents_fetchJoin_isOneSelectOrderedByParentThenChild() {
        List<String> sql = sqlOf(() -> repositories.families().listParents());
        assertThat(sql).singleElement().satisfies(select ->
                assertThat(select).containsPattern("order by \\w+\\.id(?: asc)?, ?\\w+\\.id"));
    }

    @Test
    void findChild_fetchJoin_isOneSelectJoiningParent() {
        List<String> sql = sqlOf(() -> repositories.families().findChild(1));
        assertThat(sql).singleElement().satisfies(select -> assertThat(select).contains("left join parent"));
    }

    @Test
    void deleteParent_isOneDeleteAndTheDatabaseOrphansTheChildren() {
        List<String> sql = sqlOf(() -> assertThat(repositories.families().deleteParent(2)).isTrue());
        assertThat(sql).singleElement().satisfies(delete -> assertThat(delete).startsWith("delete").contains("from parent"));
        assertThat(tables.children()).contains(new Tables.ChildRow(3, "Jack", null));
    }

    /** The SQL statements {@code call} sends, lower-cased, in order. */
    private List<String> sqlOf(Runnable call) {
        List<String> sql = new ArrayList<>();
        AutoCloseable listening = database.statements().listen(e -> sql.add(lower(e)));
        try {
            call.run();
        } finally {
            try {
                listening.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return sql;
    }

    private static String lower(Executed executed) {
        return executed.sql().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
