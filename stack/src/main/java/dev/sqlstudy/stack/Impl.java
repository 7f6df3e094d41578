package dev.sqlstudy.stack;

import dev.sqlstudy.cache.CacheKind;
import dev.sqlstudy.domain.Repositories;
import dev.sqlstudy.hibernate.HibernateCache;
import dev.sqlstudy.hibernate.HibernateRepositories;
import dev.sqlstudy.jdbc.JdbcRepositories;
import dev.sqlstudy.mybatis.MyBatisCache;
import dev.sqlstudy.mybatis.MyBatisRepositories;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The implementations of the repository API, one per persistence technology, each with its own
 * cache for {@link CacheKind#NATIVE} when it has one.
 */
public enum Impl {
    JDBC("jdbc", JdbcRepositories::new, null),
    /** Native: every mapper namespace's {@code <cache/>} in this process ({@link MyBatisCache#LOCAL}). */
    MYBATIS("mybatis", MyBatisRepositories::new, dataSource -> new MyBatisRepositories(dataSource, MyBatisCache.LOCAL)),
    /** Native: the second-level and query cache, READ_WRITE, on Caffeine's JCache ({@link HibernateCache#READ_WRITE}). */
    HIBERNATE("hibernate", HibernateRepositories::new,
            dataSource -> new HibernateRepositories(dataSource, HibernateCache.READ_WRITE));

    private final String label;
    private final Function<DataSource, Repositories> factory;
    private final Function<DataSource, Repositories> nativeFactory;

    Impl(String label, Function<DataSource, Repositories> factory, Function<DataSource, Repositories> nativeFactory) {
        this.label = label;
        this.factory = factory;
        this.nativeFactory = nativeFactory;
    }

    /** The implementation's repositories over {@code dataSource}, without a cache of its own. */
    public Repositories open(DataSource dataSource) {
        return factory.apply(dataSource);
    }

    /**
     * The implementation's repositories as {@code cache} needs them: with the framework's own cache
     * for {@link CacheKind#NATIVE}, bare for every other kind (a decorator, if any, goes in front).
     *
     * @throws IllegalArgumentException if the implementation has no cache of its own
     */
    public Repositories open(DataSource dataSource, CacheKind cache) {
        if (cache != CacheKind.NATIVE) {
            return open(dataSource);
        }
        if (nativeFactory == null) {
            throw new IllegalArgumentException(NO_NATIVE_CACHE);
        }
        return nativeFactory.apply(dataSource);
    }

    /** False for the one impossible combination: raw JDBC has no cache of its own. */
    public boolean supports(CacheKind cache) {
        return cache != CacheKind.NATIVE || nativeFactory != null;
    }

    static final String NO_NATIVE_CACHE = "raw JDBC has no cache of its own: use --cache caffeine or memcached";

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
