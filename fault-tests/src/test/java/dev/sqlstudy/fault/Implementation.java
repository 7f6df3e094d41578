package dev.sqlstudy.fault;

import dev.sqlstudy.domain.Repositories;
import dev.sqlstudy.hibernate.HibernateRepositories;
import dev.sqlstudy.jdbc.JdbcRepositories;
import dev.sqlstudy.mybatis.MyBatisRepositories;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The implementation axis of the fault suite. Each persistence technology joins with one line here
 * (and its module as a test dependency in this module's pom):
 * {@code MYBATIS("mybatis", MyBatisRepositories::new)}, {@code HIBERNATE("hibernate", HibernateRepositories::new)}.
 */
enum Implementation {

    JDBC("jdbc", JdbcRepositories::new),
    MYBATIS("mybatis", MyBatisRepositories::new),
    HIBERNATE("hibernate", HibernateRepositories::new);

    private final String label;
    private final Function<DataSource, Repositories> factory;

    Implementation(String label, Function<DataSource, Repositories> factory) {
        this.label = label;
        this.factory = factory;
    }

    /** This implementation's repositories over the given pool; closing them leaves the pool open. */
    Repositories open(DataSource dataSource) {
        return factory.apply(dataSource);
    }

    @Override
    public String toString() {
        return "impl=" + label;
    }
}
