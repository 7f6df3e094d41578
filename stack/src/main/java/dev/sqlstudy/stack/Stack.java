package dev.sqlstudy.stack;

import dev.sqlstudy.db.Database;
import dev.sqlstudy.domain.FamilyRepository;
import dev.sqlstudy.domain.HostRepository;
import dev.sqlstudy.domain.Repositories;
import java.util.function.Consumer;

/**
 * One open stack: a migrated database, an implementation over it and, optionally, a cache in
 * front. Closing it closes what it opened, cache and implementation first.
 */
public final class Stack implements AutoCloseable {

    private final Database database;
    private final Impl impl;
    private final CacheKind cache;
    private final Repositories repositories;
    private final boolean ownsDatabase;

    private Stack(Database database, Impl impl, CacheKind cache, Repositories repositories, boolean ownsDatabase) {
        this.database = database;
        this.impl = impl;
        this.cache = cache;
        this.repositories = repositories;
        this.ownsDatabase = ownsDatabase;
    }

    /**
     * Opens the database (pool + Flyway; sample data on a fresh one) and the implementation on it.
     *
     * @throws dev.sqlstudy.domain.DatabaseUnavailableException if the database cannot be reached
     */
    public static Stack open(DbTarget target, Impl impl) {
        return open(target, impl, CacheKind.NONE, null);
    }

    /**
     * Opens the database and the implementation, with {@code cache} in front.
     *
     * @param memcachedServers {@code host:port[,host:port…]} for {@link CacheKind#MEMCACHED}
     */
    public static Stack open(DbTarget target, Impl impl, CacheKind cache, String memcachedServers) {
        Database database = Database.open(target.config());
        try {
            return new Stack(database, impl, cache, decorate(impl.open(database.dataSource()), cache, memcachedServers), true);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * An implementation over a database someone else owns and closes (the benchmark shares one
     * database across the stacks it measures).
     */
    public static Stack over(Database database, Impl impl, CacheKind cache, String memcachedServers) {
        return new Stack(database, impl, cache, decorate(impl.open(database.dataSource()), cache, memcachedServers), false);
    }

    private static Repositories decorate(Repositories repositories, CacheKind cache, String memcachedServers) {
        if (cache == CacheKind.NONE) {
            return repositories;
        }
        // TODO(integration, this session): wire the cache-layer decorators here when they land.
        repositories.close();
        throw new IllegalStateException("cache '" + cache + "' is not wired into the stack yet");
    }

    public Database database() {
        return database;
    }

    public Impl impl() {
        return impl;
    }

    public CacheKind cache() {
        return cache;
    }

    /** The cache's counters; all zero without a cache. */
    public CacheStatistics cacheStatistics() {
        return CacheStatistics.NONE;
    }

    /** Calls {@code listener} for every cache event until the handle is closed; nothing without a cache. */
    public AutoCloseable onCacheEvent(Consumer<CacheEvent> listener) {
        return () -> {
        };
    }

    public HostRepository hosts() {
        return repositories.hosts();
    }

    public FamilyRepository families() {
        return repositories.families();
    }

    @Override
    public void close() {
        try {
            repositories.close();
        } finally {
            if (ownsDatabase) {
                database.close();
            }
        }
    }

    @Override
    public String toString() {
        return "impl=" + impl + ", cache=" + cache + ", db=" + database.vendor();
    }
}
