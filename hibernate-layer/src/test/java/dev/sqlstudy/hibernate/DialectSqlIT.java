package dev.sqlstudy.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlstudy.contract.TestDatabase;
import dev.sqlstudy.db.Database;
import dev.sqlstudy.domain.HostColumn;
import dev.sqlstudy.domain.HostPage;
import dev.sqlstudy.domain.NewHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The SQL MariaDBDialect and MySQLDialect write for the same operations. */
@ParameterizedClass(name = "impl=Hibernate, {0}")
@EnumSource(value = TestDatabase.class, names = {"MARIADB", "MYSQL"})
class DialectSqlIT {

    private final TestDatabase target;
    private Database database;
    private HibernateRepositories repositories;

    DialectSqlIT(TestDatabase target) {
        this.target = target;
    }

    @BeforeEach
    void freshSampleData() {
        database = target.open();
        database.reset();
        repositories = SharedRepositories.on(database);
    }

    /**
     * MariaDBDialect extends MySQLDialect and differs where this schema does not go (sequences,
     * {@code RETURNING}, JSON functions): for every kind of statement the study sends, both write
     * the same SQL, so the Hibernate figures of the two servers compare statement for statement.
     */
    @Test
    void everyKindOfStatement_isTheSameSqlUnderMariaDbDialectAndMySqlDialect() {
        assertThat(sqlOf(() -> repositories.hosts().add(NewHost.of("probe", "10.0.0.9"))))
                .containsExactly("insert into hosts (hostname,ip_addr,port) values (?,?,?)");
        assertThat(sqlOf(() -> repositories.hosts().list(HostPage.of(HostColumn.PORT, true, 1, 2))))
                .containsExactly("select he1_0.id,he1_0.hostname,he1_0.ip_addr,he1_0.port from hosts he1_0"
                        + " order by he1_0.port desc,he1_0.id limit ?,?");
        assertThat(sqlOf(() -> repositories.hosts().updatePortWhereIdGreaterThan(1, 2222)))
                .containsExactly("update hosts he1_0 set port=? where he1_0.id>?");
        assertThat(sqlOf(() -> repositories.families().listParents()))
                .containsExactly("select pe1_0.id,c1_0.parent_id,c1_0.id,c1_0.name,pe1_0.name from parent pe1_0"
                        + " left join child c1_0 on pe1_0.id=c1_0.parent_id order by pe1_0.id,c1_0.id");
        assertThat(sqlOf(() -> repositories.hosts().deleteWhereIdGreaterThan(2)))
                .containsExactly("delete he1_0 from hosts he1_0 where he1_0.id>?");
    }

    private List<String> sqlOf(Runnable call) {
        List<String> sql = new ArrayList<>();
        try (AutoCloseable listening = database.statements().listen(e -> sql.add(e.sql().toLowerCase(Locale.ROOT)))) {
            call.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return sql;
    }
}
