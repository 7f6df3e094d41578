package dev.sqlstudy.stack;

import dev.sqlstudy.domain.Repositories;
import dev.sqlstudy.hibernate.HibernateRepositories;
import dev.sqlstudy.jdbc.JdbcRepositories;
import dev.sqlstudy.mybatis.MyBatisRepositories;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import javax.sql.DataSource;

/** The implementations of the repository API, one per persistence technology. */
public enum Impl {
    JDBC("jdbc", JdbcRepositories::new),
    MYBATIS("mybatis", MyBatisRepositories::new),
    HIBERNATE("hibernate", HibernateRepositories::new);

    private final String label;
    private final Function<DataSource, Repositories> factory;

    Impl(String label, Function<DataSource, Repositories> factory) {
        this.label = label;
        this.factory = factory;
    }

    /** The implementation's repositories over {@code dataSource}. */
    public Repositories open(DataSource dataSource) {
        return factory.apply(dataSource);
    }

    public static Impl parse(String name) {
        for (Impl impl : values()) {
            if (impl.label.equals(name.toLowerCase(Locale.ROOT))) {
                return impl;
            }
        }
        throw new IllegalArgumentException("unknown implementation '" + name + "' (one of "
                + String.join(", ", Arrays.stream(values()).map(Impl::toString).toList()) + ")");
    }

    @Override
    public String toString() {
        return label;
    }
}
