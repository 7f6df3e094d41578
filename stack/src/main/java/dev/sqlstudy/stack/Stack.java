package dev.sqlstudy.stack;

import dev.sqlstudy.cache.CacheEvent;
import dev.sqlstudy.cache.CacheKind;
import dev.sqlstudy.cache.CacheSettings;
import dev.sqlstudy.cache.CacheStats;
import dev.sqlstudy.cache.CachedRepositories;
import dev.sqlstudy.cache.Namespace;
import dev.sqlstudy.container.DatabaseContainer;
import dev.sqlstudy.db.Database;
import dev.sqlstudy.db.DatabaseConfig;
import dev.sqlstudy.domain.DatabaseUnavailableException;
import dev.sqlstudy.domain.FamilyRepository;
import dev.sqlstudy.domain.HostRepository;
import dev.sqlstudy.domain.NativeCache;
import dev.sqlstudy.domain.Repositories;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One open stack: a migrated database, an implementation over it and, optionally, a cache in
 * front. Closing it closes what it opened, cache and implementation first, then the database and
 * the container it may run in.
 */
public final class Stack implements AutoCloseable {

    private final Database database;
    private final Impl impl;
    private final CacheKind cache;
    private final Repositories repositories;
    private final CachedRepositories cached;
    private final NativeCache nativeCache;
    private final boolean ownsDatabase;
    private final AutoCloseable container;

    private Stack(Database database, Impl impl, CacheKind cache, Repositories repositories, boolean ownsDatabase,
                  AutoCloseable container) {
        this(database, impl, cache, repositories, repositories, ownsDatabase, container);
    }

    /** {@code unwrapped}: the repositories under a caller's wrapper, whose cache this stack reports. */
    private Stack(Database database, Impl impl, CacheKind cache, Repositories repositories, Repositories unwrapped,
                  boolean ownsDatabase, AutoCloseable container) {
        this.database = database;
        this.impl = impl;
        this.cache = cache;
        this.repositories = repositories;
        this.cached = unwrapped instanceof CachedRepositories c ? c : null;
        this.nativeCache = unwrapped.nativeCache().orElse(null);
        this.ownsDatabase = ownsDatabase;
        this.container = container;
    }

    /** The bare implementation over {@code target}: no cache. */
    public static Stack open(DbTarget target, Impl impl) {
        return open(target, impl, CacheKind.NONE, CacheSettings.defaults());
    }

    /**
     * Opens the database (pool + Flyway; sample data on a fresh one) and the implementation on it,
     * with {@code cache} in front.
     *
     * @param settings where the remote caches are ({@link StudyEnvironment#cacheSettings()})
     * @throws DatabaseUnavailableException if the database (or Docker, for a container) is unavailable
     * @throws IllegalArgumentException if {@code impl} has no cache of its own and {@code cache} is
     *                                  {@link CacheKind#NATIVE} (checked before anything is opened)
     */
    public static Stack open(DbTarget target, Impl impl, CacheKind cache, CacheSettings settings) {
        requireSupported(impl, cache);
        DatabaseContainer container = target.isContainer() ? startContainer(target.container()) : null;
        DatabaseConfig config = container != null ? container.config() : target.config();
        Database database;
        try {
            database = Database.open(config);
        } catch (RuntimeException e) {
            closeQuietly(container);
            throw e;
        }
        try {
            return new Stack(database, impl, cache, decorate(impl, database, cache, settings), true, container);
        } catch (RuntimeException e) {
            database.close();
            closeQuietly(container);
            throw e;
        }
    }

    /**
     * An implementation over a database someone else owns and closes (the benchmark shares one
     * database across the stacks it measures; the test matrix shares one per leg). Closing the
     * stack closes the implementation and the cache clients it opened, never the database.
     */
    public static Stack over(Database database, Impl impl, CacheKind cache, CacheSettings settings) {
        requireSupported(impl, cache);
        return new Stack(database, impl, cache, decorate(impl, database, cache, settings), false, null);
    }

    /**
     * As {@link #over(Database, Impl, CacheKind, CacheSettings)}, with {@code wrapper} put around the
     * outermost repositories (the cache's, when there is one) — for a tool or a test that watches or
     * alters the calls, such as a test double that makes one stack answer differently. The cache's
     * statistics and events stay those of the cache underneath; closing the stack closes what
     * {@code wrapper} returned, which must close what it wraps.
     */
    public static Stack over(Database database, Impl impl, CacheKind cache, CacheSettings settings,
                             UnaryOperator<Repositories> wrapper) {
        requireSupported(impl, cache);
        Repositories repositories = decorate(impl, database, cache, settings);
        Repositories wrapped;
        try {
            wrapped = wrapper.apply(repositories);
        } catch (RuntimeException e) {
            repositories.close();
            throw e;
        }
        return new Stack(database, impl, cache, wrapped, repositories, false, null);
    }

    private static void requireSupported(Impl impl, CacheKind cache) {
        if (!impl.supports(cache)) {
            throw new IllegalArgumentException(Impl.NO_NATIVE_CACHE);
        }
    }

    private static DatabaseContainer startContainer(DbTarget.Container container) {
        try {
            return container.start();
        } catch (IllegalStateException e) {
            // Docker missing or the image unavailable: the database is unavailable (CLI exit 4).
            throw new DatabaseUnavailableException("cannot start a database container: " + e.getMessage(), e);
        }
    }

    private static Repositories decorate(Impl impl, Database database, CacheKind cache, CacheSettings settings) {
        Repositories repositories = impl.open(database.dataSource(), cache);
        try {
            // Entries are domain records, the same whichever implementation read them, so
            // implementations share them; databases must not: the key prefix names the database.
            CacheSettings forThisDatabase = settings.withKeyPrefix(settings.keyPrefix() + "-" + databaseTag(database.config()));
            return cache.open(forThisDatabase)
                    .<Repositories>map(backend -> new CachedRepositories(repositories, backend))
                    .orElse(repositories);
        } catch (RuntimeException e) {
            repositories.close();
            throw e;
        }
    }

    /** Eight hex digits naming the database (its URL and user), short enough for any memcached key. */
    static String databaseTag(DatabaseConfig config) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((config.jdbcUrl() + "|" + config.user()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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

    /**
     * Restores the sample data and makes everything the cache holds unreadable: ids restart at 1,
     * so a cached entry of a deleted row would otherwise come back under its old id.
     */
    public void reset() {
        database.reset();
        clearCache();
    }

    /**
     * Makes every entry of this stack's cache unreadable (a generation bump per namespace; the
     * framework's own cache emptied, region by region).
     */
    public void clearCache() {
        if (cached != null) {
            for (Namespace namespace : Namespace.values()) {
                cached.backend().invalidate(namespace);
            }
        }
        if (nativeCache != null) {
            nativeCache.clear();
        }
    }

    /**
     * The cache's counters since the stack opened; {@link CacheStats#ZERO} without a cache. For
     * {@link CacheKind#NATIVE} they are the framework's own (Hibernate's statistics, the MyBatis
     * caches' hit counts): hits, misses, and its puts as loads; it reports no invalidations,
     * evictions or errors.
     */
    public CacheStats cacheStats() {
        if (nativeCache != null) {
            NativeCache.Counters counters = nativeCache.counters();
            return new CacheStats(counters.hits(), counters.misses(), counters.puts(), 0, 0, 0);
        }
        return cached == null ? CacheStats.ZERO : cached.stats();
    }

    /**
     * Calls {@code listener} for every cache event until the handle is closed; nothing without a
     * cache. The framework's own cache reports its hits, misses, puts (as loads) and flushes (as
     * invalidations) by region or mapper statement.
     */
    public AutoCloseable onCacheEvent(Consumer<CacheEvent> listener) {
        if (nativeCache != null) {
            return nativeCache.onEvent((outcome, what) -> listener.accept(new CacheEvent(switch (outcome) {
                case HIT -> CacheEvent.Type.HIT;
                case MISS -> CacheEvent.Type.MISS;
                case PUT -> CacheEvent.Type.LOAD;
                case CLEAR -> CacheEvent.Type.INVALIDATE;
            }, what)));
        }
        if (cached == null) {
            return () -> {
            };
        }
        return cached.onEvent(listener);
    }

    /** The implementation's repositories, with the cache in front when there is one. */
    public Repositories repositories() {
        return repositories;
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
                try {
                    database.close();
                } finally {
                    closeQuietly(container);
                }
            }
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            // Closing a container that is already gone changes nothing for the caller.
        }
    }

    @Override
    public String toString() {
        return "impl=" + impl + ", cache=" + cache + ", db=" + database.vendor();
    }
}
