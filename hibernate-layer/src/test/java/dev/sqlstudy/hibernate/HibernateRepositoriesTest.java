package dev.sqlstudy.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlstudy.contract.TestDatabase;
import dev.sqlstudy.db.Database;
import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.engine.jdbc.dialect.internal.StandardDialectResolver;
import org.hibernate.engine.jdbc.dialect.spi.DatabaseMetaDataDialectResolutionInfoAdapter;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Start-up and shut-down: what the CLI relies on when it picks {@code --impl hibernate}. */
@ParameterizedClass(name = "impl=Hibernate, {0}")
@EnumSource(TestDatabase.class)
class HibernateRepositoriesTest {

    private final TestDatabase target;

    HibernateRepositoriesTest(TestDatabase target) {
        this.target = target;
    }

    @Test
    void constructor_validatesTheFlywaySchemaAndDetectsTheDialectFromTheConnection() {
        Database database = target.open();
        try (HibernateRepositories repositories = new HibernateRepositories(database.dataSource())) {
            Dialect dialect = repositories.sessionFactory().unwrap(SessionFactoryImplementor.class)
                    .getJdbcServices().getDialect();
            switch (target) {
                case H2 -> assertThat(dialect).isInstanceOf(H2Dialect.class);
                // Not the "5.5.5" MariaDB shows MySQL clients: the real version, 10.x or later.
                case MARIADB -> assertThat(dialect).isInstanceOf(MariaDBDialect.class)
                        .satisfies(d -> assertThat(d.getVersion().getDatabaseMajorVersion()).isGreaterThanOrEqualTo(10));
                // MariaDBDialect extends MySQLDialect: MySQL must get the MySQL dialect itself.
                case MYSQL -> assertThat(dialect).isExactlyInstanceOf(MySQLDialect.class)
                        .satisfies(d -> assertThat(d.getVersion().getDatabaseMajorVersion()).isEqualTo(9));
            }
            assertThat(repositories.name()).isEqualTo("hibernate");
        }
    }

    /**
     * Why {@link MariaDbDialectResolver} stays: Hibernate's own resolution, from what Connector/J
     * reports, gets MySQL right and MariaDB wrong — it would treat MariaDB 10.11 as a MySQL 5.5.
     */
    @Test
    void hibernatesOwnResolution_withoutOurResolver_mistakesOnlyMariaDbForAnOldMySql() throws SQLException {
        Database database = target.open();
        Dialect dialect;
        try (Connection connection = database.uncountedDataSource().getConnection()) {
            dialect = new StandardDialectResolver()
                    .resolveDialect(new DatabaseMetaDataDialectResolutionInfoAdapter(connection.getMetaData()));
        }
        switch (target) {
            case H2 -> assertThat(dialect).isInstanceOf(H2Dialect.class);
            case MARIADB -> assertThat(dialect)
                    .as("MariaDB through Connector/J says product MySQL, version 5.5.5-10.11…")
                    .isNotInstanceOf(MariaDBDialect.class)
                    .satisfies(d -> assertThat(d.getVersion().getDatabaseMajorVersion()).isEqualTo(5));
            case MYSQL -> assertThat(dialect).isExactlyInstanceOf(MySQLDialect.class)
                    .satisfies(d -> assertThat(d.getVersion().getDatabaseMajorVersion()).isEqualTo(9));
        }
    }

    @Test
    void close_closesTheSessionFactoryButNotThePool() {
        Database database = target.open();
        database.reset();
        HibernateRepositories repositories = new HibernateRepositories(database.dataSource());
        repositories.close();
        assertThat(repositories.sessionFactory().isClosed()).isTrue();
        assertThat(SharedRepositories.on(database).hosts().findById(1)).as("the pool still serves").isPresent();
    }

    @Test
    void secondLevelAndQueryCaches_areOff() {
        var options = SharedRepositories.on(target.open()).sessionFactory()
                .unwrap(SessionFactoryImplementor.class).getSessionFactoryOptions();
        assertThat(options.isSecondLevelCacheEnabled()).isFalse();
        assertThat(options.isQueryCacheEnabled()).isFalse();
    }
}
