package dev.sqlstudy.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlstudy.contract.TestDatabase;
import dev.sqlstudy.db.Database;
import dev.sqlstudy.domain.NewHost;
import dev.sqlstudy.hibernate.RoundTrips.Cost;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.hibernate.Session;
import org.hibernate.cfg.JdbcSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What Hibernate sends around the SQL: commits and auto-commit switches (each a round trip on
 * MySQL), measured for the choice this module makes and for the alternatives — and what IDENTITY
 * keys do to insert batching. The numbers here are the ones the README quotes.
 *
 * <p>The choice: the shared pool (auto-commit on), reads without a Hibernate transaction, writes in
 * one. A read is 1 round trip; a write is its statements + commit + 2 switches.
 */
@ParameterizedClass(name = "impl=Hibernate, {0}")
@EnumSource(TestDatabase.class)
class AutoCommitAndBatchingIT {

    /** Both set-ups over one test database, built once per JVM (a session factory each). */
    private record SetUps(RoundTrips shared, HibernateRepositories onSharedPool,
                          RoundTrips off, HibernateRepositories onAutoCommitOffPool) {

        private static final Map<TestDatabase, SetUps> BUILT = new ConcurrentHashMap<>();

        static SetUps on(TestDatabase target, Database database) {
            return BUILT.computeIfAbsent(target, t -> {
                // The shared pool as db-support makes it: auto-commit on.
                RoundTrips shared = new RoundTrips(database.dataSource());
                // A second pool on the same database with auto-commit off. It promises Hibernate
                // that its connections arrive that way, so Hibernate may skip checking and
                // switching auto-commit at every transaction's begin and end.
                Database autoCommitOff = Database.open(database.config().withAutoCommit(false).withMaximumPoolSize(2));
                Runtime.getRuntime().addShutdownHook(new Thread(autoCommitOff::close));
                RoundTrips off = new RoundTrips(autoCommitOff.dataSource());
                return new SetUps(shared, new HibernateRepositories(shared.dataSource()), off,
                        new HibernateRepositories(off.dataSource(),
                                Map.of(JdbcSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, true)));
            });
        }
    }

    private final TestDatabase target;
    private RoundTrips shared;
    private HibernateRepositories onSharedPool;
    private RoundTrips off;
    private HibernateRepositories onAutoCommitOffPool;

    AutoCommitAndBatchingIT(TestDatabase target) {
        this.target = target;
    }

    @BeforeEach
    void freshSampleData() {
        Database database = target.open();
        database.reset();
        SetUps setUps = SetUps.on(target, database);
        shared = setUps.shared();
        onSharedPool = setUps.onSharedPool();
        off = setUps.off();
        onAutoCommitOffPool = setUps.onAutoCommitOffPool();
    }

    @Test
    void read_chosen_withoutATransactionOnTheSharedPool_isOneRoundTrip() {
        Cost cost = shared.of(() -> onSharedPool.hosts().findById(1));
        assertThat(cost).isEqualTo(Cost.of(1, 0, 0, 0));
        assertThat(cost.roundTrips()).isEqualTo(1);
    }

    @Test
    void read_inAHibernateTransactionOnTheSharedPool_addsACommitAndTwoAutoCommitSwitches() {
        // beginTransaction(): SET autocommit=0; the SELECT; COMMIT; then SET autocommit=1 on release.
        Cost cost = shared.of(() -> {
            try (Session session = onSharedPool.sessionFactory().openSession()) {
                session.beginTransaction();
                session.find(HostEntity.class, 1);
                session.getTransaction().commit();
            }
        });
        assertThat(cost).isEqualTo(Cost.of(1, 1, 0, 2));
        assertThat(cost.roundTrips()).isEqualTo(4);
    }

    @Test
    void read_inATransactionOnAnAutoCommitOffPool_addsOnlyTheCommit() {
        Cost cost = off.of(() -> {
            try (Session session = onAutoCommitOffPool.sessionFactory().openSession()) {
                session.beginTransaction();
                session.find(HostEntity.class, 1);
                session.getTransaction().commit();
            }
        });
        assertThat(cost).isEqualTo(Cost.of(1, 1, 0, 0));
        assertThat(cost.roundTrips()).isEqualTo(2);
    }

    @Test
    void add_chosen_onTheSharedPool_isTheInsertACommitAndTwoSwitches() {
        Cost cost = shared.of(() -> onSharedPool.hosts().add(NewHost.of("web1", "10.0.0.1")));
        assertThat(cost).isEqualTo(Cost.of(1, 1, 0, 2));
        assertThat(cost.roundTrips()).isEqualTo(4);
    }

    @Test
    void add_onAnAutoCommitOffPool_isTheInsertAndACommit() {
        Cost cost = off.of(() -> onAutoCommitOffPool.hosts().add(NewHost.of("web1", "10.0.0.1")));
        assertThat(cost).isEqualTo(Cost.of(1, 1, 0, 0));
        assertThat(cost.roundTrips()).isEqualTo(2);
    }

    @Test
    void addAll_ofThree_isThreeInserts_becauseIdentityKeysAreNeverBatched() {
        List<NewHost> three = List.of(NewHost.of("a1", "10.0.0.1"), NewHost.of("a2", "10.0.0.2"),
                NewHost.of("a3", "10.0.0.3"));
        assertThat(shared.of(() -> onSharedPool.hosts().addAll(three))).isEqualTo(Cost.of(3, 1, 0, 2));
    }

    @Test
    void addAll_ofAThousand_isAThousandInserts_despiteTheConfiguredBatchSize() {
        List<NewHost> thousand = IntStream.range(0, 1000)
                .mapToObj(i -> NewHost.of("bulk" + i, "10.1." + (i / 256) + "." + (i % 256)))
                .toList();
        assertThat(shared.of(() -> onSharedPool.hosts().addAll(thousand))).isEqualTo(Cost.of(1000, 1, 0, 2));
    }

    @Test
    void addParent_withTwoChildren_isThreeInserts() {
        assertThat(shared.of(() -> onSharedPool.families().addParent("Anna", List.of("Ben", "Cleo"))).statements())
                .isEqualTo(3);
    }
}
