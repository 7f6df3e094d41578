package dev.sqlstudy.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlstudy.contract.TestDatabase;
import dev.sqlstudy.db.Database;
import dev.sqlstudy.db.Vendor;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.dialect.MySQLDialect;
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
            Class<? extends Dialect> expected = database.vendor() == Vendor.H2 ? H2Dialect.class
                    : database.serverVersion().contains("MariaDB") ? MariaDBDialect.class : MySQLDialect.class;
            assertThat(dialect).isInstanceOf(expected);
            if (dialect instanceof MariaDBDialect) {
                // Not the "5.5.5" MariaDB shows MySQL clients: the real version, 10.x or later.
                assertThat(dialect.getVersion().getDatabaseMajorVersion()).isGreaterThanOrEqualTo(10);
            }
            assertThat(repositories.name()).isEqualTo("hibernate");
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
