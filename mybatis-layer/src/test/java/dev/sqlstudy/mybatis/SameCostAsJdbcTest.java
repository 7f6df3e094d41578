package dev.sqlstudy.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlstudy.contract.Tables;
import dev.sqlstudy.contract.TestDatabase;
import dev.sqlstudy.db.Database;
import dev.sqlstudy.db.StatementCounter;
import dev.sqlstudy.domain.DuplicateException;
import dev.sqlstudy.domain.HostChanges;
import dev.sqlstudy.domain.HostColumn;
import dev.sqlstudy.domain.HostPage;
import dev.sqlstudy.domain.HostTransaction;
import dev.sqlstudy.domain.JoinKind;
import dev.sqlstudy.domain.NewHost;
import dev.sqlstudy.domain.Repositories;
import dev.sqlstudy.domain.StudyException;
import dev.sqlstudy.jdbc.JdbcRepositories;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * MyBatis against the baseline. Every operation runs from the same sample data once through raw
 * JDBC and once through MyBatis: both must return the same thing (or fail the same way), leave the
 * same tables, and cost the same statements, commits and rollbacks — the cost written beside each
 * operation below, which is what the README's table quotes.
 */
@ParameterizedClass(name = "impl=MyBatis vs JDBC, {0}")
@EnumSource(TestDatabase.class)
class SameCostAsJdbcTest {

    /** What an operation sends, as the statement counter sees it. A JDBC batch is one statement. */
    record Cost(long statements, long commits, long rollbacks) {

        static Cost of(StatementCounter counter) {
            return new Cost(counter.statements(), counter.commits(), counter.rollbacks());
        }

        @Override
        public String toString() {
            return statements + " statement(s), " + commits + " commit(s), " + rollbacks + " rollback(s)";
        }
    }

    /** An operation's result (or its error), the tables it left, and what it cost. */
    record Outcome(Object result, List<?> tables, Cost cost) {
    }

    enum Operation {
        FIND_BY_ID("findById", 1, 0, 0, r -> r.hosts().findById(2)),
        FIND_BY_HOSTNAME("findByHostname", 1, 0, 0, r -> r.hosts().findByHostname("UBUNTU")),
        FIND_BY_IP_ADDR("findByIpAddr", 1, 0, 0, r -> r.hosts().findByIpAddr("127.0.0.1")),
        FIND_BY_HOSTNAME_IN("findByHostnameIn", 1, 0, 0,
                r -> r.hosts().findByHostnameIn(List.of("ubuntu2", "localhost", "absent"))),
        LIST_PAGE("list, hostname desc [1:3]", 1, 0, 0,
                r -> r.hosts().list(HostPage.of(HostColumn.HOSTNAME, true, 1, 2))),
        HOSTNAMES("hostnames", 1, 0, 0, r -> r.hosts().hostnames()),
        COUNT("count", 1, 0, 0, r -> r.hosts().count()),
        ADD("add", 1, 0, 0, r -> r.hosts().add(NewHost.of("web1", "10.0.0.1"))),
        ADD_DUPLICATE("add, duplicate ip_addr", 1, 0, 0, r -> r.hosts().add(NewHost.of("web1", "127.0.0.1"))),
        ADD_ALL("addAll of 3", 1, 1, 0, r -> r.hosts().addAll(List.of(
                NewHost.of("web1", "10.0.0.1"), NewHost.of("web2", "10.0.0.2"), NewHost.of("web3", "::3")))),
        ADD_ALL_DUPLICATE("addAll of 3, one duplicate", 1, 0, 1, r -> r.hosts().addAll(List.of(
                NewHost.of("web1", "10.0.0.1"), NewHost.of("web2", "127.0.0.1"), NewHost.of("web3", "10.0.0.3")))),
        UPDATE("update", 2, 1, 0, r -> r.hosts().update(2, HostChanges.none().withHostname("Ubuntu-Test").withPort(2200))),
        UPDATE_DUPLICATE("update, duplicate hostname", 1, 0, 1,
                r -> r.hosts().update(3, HostChanges.none().withHostname("ubuntu"))),
        UPDATE_MISSING("update, missing host", 1, 0, 1, r -> r.hosts().update(99, HostChanges.none().withPort(80))),
        UPDATE_PORTS("updatePortWhereIdGreaterThan", 1, 0, 0, r -> r.hosts().updatePortWhereIdGreaterThan(1, 2222)),
        DELETE("delete", 1, 0, 0, r -> r.hosts().delete(2)),
        DELETE_ID_GT("deleteWhereIdGreaterThan", 1, 0, 0, r -> r.hosts().deleteWhereIdGreaterThan(1)),
        UNIT_ROLLED_BACK("unit of work: add, update, count, rollback", 4, 0, 1, r -> {
            try (HostTransaction tx = r.hosts().begin()) {
                tx.add(NewHost.of("ubuntu3", "192.168.2.245"));
                tx.update(2, HostChanges.none().withHostname("ubuntu-test"));
                long seen = tx.count();
                tx.rollback();
                return seen;
            }
        }),
        UNIT_ADD_ALL("unit of work: addAll of 2, commit", 1, 1, 0,
                r -> r.hosts().inTransaction(tx -> tx.addAll(List.of(
                        NewHost.of("a1", "10.0.0.1"), NewHost.of("a2", "10.0.0.2"))))),
        UNIT_FAILED_BATCH("unit of work: add, failing addAll, refused count, rollback", 2, 0, 1,
                r -> {
                    try (HostTransaction tx = r.hosts().begin()) {
                        tx.add(NewHost.of("kept-until-rollback", "10.0.0.9"));
                        String error;
                        try {
                            tx.addAll(List.of(NewHost.of("lost", "10.0.0.1"), NewHost.of("localhost", "10.0.0.2")));
                            error = "none";
                        } catch (DuplicateException e) {
                            error = e.getMessage();
                        }
                        // The failed batch left the unit rollback-only: the count is refused, sends nothing.
                        String refused;
                        try {
                            refused = "count: " + tx.count();
                        } catch (IllegalStateException e) {
                            refused = e.getMessage();
                        }
                        tx.rollback();
                        return error + "; then " + refused;
                    }
                }),
        ADD_PARENT("addParent with 2 children", 2, 1, 0, r -> r.families().addParent("Anna", List.of("Ben", "Cleo"))),
        ADD_PARENT_CHILDLESS("addParent without children", 1, 1, 0, r -> r.families().addParent("Solo", List.of())),
        ADD_CHILD("addChild", 2, 1, 0, r -> r.families().addChild("Ella", 3)),
        ADD_CHILD_ORPHAN("addChild without parent", 2, 1, 0, r -> r.families().addChild("Nobody's", null)),
        ADD_CHILD_MISSING_PARENT("addChild, missing parent", 1, 0, 1, r -> r.families().addChild("Lost", 99)),
        FIND_PARENT("findParent", 1, 0, 0, r -> r.families().findParent(1)),
        FIND_PARENT_CHILDLESS("findParent, childless", 1, 0, 0, r -> r.families().findParent(3)),
        LIST_PARENTS("listParents", 1, 0, 0, r -> r.families().listParents()),
        FIND_CHILD("findChild", 1, 0, 0, r -> r.families().findChild(2)),
        FIND_CHILD_ORPHAN("findChild, orphan", 1, 0, 0, r -> r.families().findChild(4)),
        MOVE_CHILD("moveChild", 2, 1, 0, r -> r.families().moveChild(2, 2)),
        MOVE_CHILD_MISSING_PARENT("moveChild, missing parent", 1, 0, 1, r -> r.families().moveChild(1, 99)),
        DELETE_PARENT("deleteParent", 1, 0, 0, r -> r.families().deleteParent(1)),
        INNER_JOIN("inner join", 1, 0, 0, r -> r.families().join(JoinKind.INNER)),
        LEFT_JOIN("left join", 1, 0, 0, r -> r.families().join(JoinKind.LEFT)),
        RIGHT_JOIN("right join", 1, 0, 0, r -> r.families().join(JoinKind.RIGHT)),
        CHILDREN_COUNTS("childrenCounts", 1, 0, 0, r -> r.families().childrenCounts());

        private final String description;
        private final Cost cost;
        private final Function<Repositories, Object> call;

        Operation(String description, long statements, long commits, long rollbacks,
                  Function<Repositories, Object> call) {
            this.description = description;
            this.cost = new Cost(statements, commits, rollbacks);
            this.call = call;
        }

        @Override
        public String toString() {
            return description + " costs " + cost;
        }
    }

    private final TestDatabase target;
    private Database database;

    SameCostAsJdbcTest(TestDatabase target) {
        this.target = target;
    }

    @BeforeEach
    void openDatabase() {
        database = target.open();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Operation.class)
    void operation_returnsWhatJdbcReturns_atTheSameCost(Operation operation) {
        Outcome jdbc = run(new JdbcRepositories(database.dataSource()), operation);
        Outcome mybatis = run(new MyBatisRepositories(database.dataSource()), operation);

        assertThat(mybatis.result()).as("result").isEqualTo(jdbc.result());
        assertThat(mybatis.tables()).as("tables afterwards").isEqualTo(jdbc.tables());
        assertThat(mybatis.cost()).as("MyBatis's cost").isEqualTo(operation.cost);
        assertThat(jdbc.cost()).as("raw JDBC's cost").isEqualTo(operation.cost);
    }

    private Outcome run(Repositories repositories, Operation operation) {
        database.reset();
        database.statements().reset();
        Object result;
        try {
            result = operation.call.apply(repositories);
        } catch (StudyException e) {
            result = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        Cost cost = Cost.of(database.statements());
        Tables tables = new Tables(database);
        return new Outcome(result, List.of(tables.hosts(), tables.parents(), tables.children()), cost);
    }
}
