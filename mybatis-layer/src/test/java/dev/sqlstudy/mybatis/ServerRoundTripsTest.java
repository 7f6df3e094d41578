package dev.sqlstudy.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlstudy.contract.TestDatabase;
import dev.sqlstudy.db.Database;
import dev.sqlstudy.domain.HostChanges;
import dev.sqlstudy.domain.NewHost;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Round trips as the server counts them, which the statement counter cannot see: a
 * {@code SET autocommit}, a {@code COMMIT} and a {@code ROLLBACK} are each a message to the server
 * too. The {@code Questions} status of MariaDB and MySQL counts every statement a client session
 * sends; with a pool of one connection, every operation below runs on the session it is read from.
 * The counts are the same on both servers: they are the driver's and MyBatis's doing.
 */
@ParameterizedClass(name = "impl=MyBatis, {0}")
@EnumSource(value = TestDatabase.class, names = {"MARIADB", "MYSQL"})
class ServerRoundTripsTest {

    private final TestDatabase target;
    private Database shared;
    private Database single;
    private MyBatisRepositories mybatis;

    ServerRoundTripsTest(TestDatabase target) {
        this.target = target;
    }

    @BeforeEach
    void openAOneConnectionPool() {
        shared = target.open();
        shared.reset();
        single = Database.open(shared.config().withMaximumPoolSize(1));
        mybatis = new MyBatisRepositories(single.dataSource());
    }

    @AfterEach
    void closeIt() {
        // null when the leg was skipped (no server on this machine) before the pool opened
        if (single != null) {
            single.close();
        }
    }

    @Test
    void findById_inAnAutoCommitSession_isOneRoundTrip() {
        assertThat(roundTripsOf(() -> mybatis.hosts().findById(1))).isEqualTo(1);
    }

    @Test
    void findById_inASessionOpenedWithoutAutoCommit_wouldBeThreeRoundTrips() {
        // What openSession() does for a read: SET autocommit=0, the SELECT, and on close
        // SET autocommit=1. The reason every single read here runs in openSession(true).
        var factory = SessionFactories.create(single.dataSource());
        long roundTrips = roundTripsOf(() -> {
            try (SqlSession session = factory.openSession()) {
                session.getMapper(HostMapper.class).findById(1);
            }
        });
        assertThat(roundTrips).isEqualTo(3);
    }

    @Test
    void update_isFiveRoundTrips_autoCommitOffAndOnAroundUpdateReadAndCommit() {
        assertThat(roundTripsOf(() -> mybatis.hosts().update(2, HostChanges.none().withPort(2200)))).isEqualTo(5);
    }

    @Test
    void addAll_isFourRoundTrips_forAHundredRowsAsForOne() {
        List<NewHost> hundred = IntStream.range(0, 100).mapToObj(i -> NewHost.of("rt" + i, "10.9.0." + i)).toList();
        assertThat(roundTripsOf(() -> mybatis.hosts().addAll(hundred))).isEqualTo(4);
        assertThat(roundTripsOf(() -> mybatis.hosts().addAll(List.of(NewHost.of("one", "10.9.1.1"))))).isEqualTo(4);
    }

    @Test
    void listParents_isOneRoundTrip() {
        assertThat(roundTripsOf(() -> mybatis.families().listParents())).isEqualTo(1);
    }

    /** The statements the pool's one session sent during {@code operation}, less the reading itself. */
    private long roundTripsOf(Runnable operation) {
        long first = questions();
        long costOfReading = questions() - first;
        long before = questions();
        operation.run();
        return questions() - before - costOfReading;
    }

    private long questions() {
        try (Connection connection = single.uncountedDataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW SESSION STATUS LIKE 'Questions'")) {
            rs.next();
            return rs.getLong(2);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
