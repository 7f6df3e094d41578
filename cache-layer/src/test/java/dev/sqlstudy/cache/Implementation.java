package dev.sqlstudy.cache;

import dev.sqlstudy.domain.Repositories;
import dev.sqlstudy.hibernate.HibernateRepositories;
import dev.sqlstudy.jdbc.JdbcRepositories;
import dev.sqlstudy.mybatis.MyBatisRepositories;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The implementation axis of the cache matrix: every implementation the decorators must wrap.
 * Adding one is one constant here and a test-scoped dependency in this module's pom, e.g.
 * {@code MYBATIS("MyBatis", dev.sqlstudy.mybatis.MyBatisRepositories::new)}.
 */
enum Implementation {
    JDBC("JDBC", JdbcRepositories::new),
    MYBATIS("MyBatis", MyBatisRepositories::new),
    HIBERNATE("Hibernate", HibernateRepositories::new);

    private final String label;
    private final Function<DataSource, Repositories> factory;

    Implementation(String label, Function<DataSource, Repositories> factory) {
        this.label = label;
        this.factory = factory;
    }

    Repositories open(DataSource dataSource) {
        return factory.apply(dataSource);
    }

    @Override
    public String toString() {
        return "impl=" + label;
    }
}
