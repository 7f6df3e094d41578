package dev.sqlstudy.cache;

import dev.sqlstudy.domain.FamilyRepository;
import dev.sqlstudy.domain.HostRepository;
import dev.sqlstudy.domain.Repositories;
import java.util.function.Consumer;

/**
 * Any implementation's repositories with one cache in front — what {@code --cache} selects:
 * <pre>{@code
 * Repositories cached = new CachedRepositories(new JdbcRepositories(dataSource), CaffeineBackend.create());
 * Repositories shared = new CachedRepositories(impl, MemcachedBackend.connect("127.0.0.1:11211", MemcachedOptions.defaults()));
 * cached.stats();                       // hits, misses, loads, invalidations, evictions, errors
 * cached.onEvent(e -> System.err.println(e));   // "hit hosts:id:2", "invalidate host-lists:*", …
 * }</pre>
 * Closing it closes the backend and the delegate's own resources — never the database's pool.
 */
public final class CachedRepositories implements Repositories {

    private final Repositories delegate;
    private final CacheBackend backend;
    private final HostRepository hosts;
    private final FamilyRepository families;

    public CachedRepositories(Repositories delegate, CacheBackend backend) {
        this.delegate = delegate;
        this.backend = backend;
        this.hosts = new CachingHostRepository(delegate.hosts(), backend);
        this.families = new CachingFamilyRepository(delegate.families(), backend);
    }

    /** {@code jdbc+caffeine}, {@code hibernate+memcached}, … */
    @Override
    public String name() {
        return delegate.name() + "+" + backend.name();
    }

    @Override
    public HostRepository hosts() {
        return hosts;
    }

    @Override
    public FamilyRepository families() {
        return families;
    }

    /** The cache's counters since it was created. */
    public CacheStats stats() {
        return backend.metrics().snapshot();
    }

    /** Calls {@code listener} for every cache event (hit, miss, load, invalidate, error) until the handle is closed. */
    public AutoCloseable onEvent(Consumer<CacheEvent> listener) {
        return backend.metrics().listen(listener);
    }

    public CacheBackend backend() {
        return backend;
    }

    @Override
    public void close() {
        try {
            backend.close();
        } finally {
            delegate.close();
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
