package dev.sqlstudy.cache.caffeine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sqlstudy.cache.CacheBackend;
import dev.sqlstudy.cache.CacheKey;
import dev.sqlstudy.cache.CacheMetrics;
import dev.sqlstudy.cache.Lease;
import dev.sqlstudy.cache.Namespace;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-process backend: a bounded Caffeine cache with a time to live. Values are the immutable
 * domain records themselves (no codec: nothing leaves the JVM).
 *
 * <p>Per-key atomic loading: a lease is a token in a map, taken before the database read; the fill
 * checks and consumes it inside {@code asMap().compute(key, …)}, atomically with the put, and an
 * invalidation removes the lease <em>before</em> the entry. Whatever the interleaving, a fill
 * whose read began before a committed write either lands before that write's invalidation (and is
 * removed by it) or finds its lease gone. A namespace bump increments the namespace's generation;
 * entries carry the generation they were filled under and older ones are never returned.
 */
public final class CaffeineBackend implements CacheBackend {

    /** A cached value and the generation of its namespace when its lease was taken. */
    private record Entry(long generation, Object value) {
    }

    private final Cache<CacheKey, Entry> cache;
    private final Map<CacheKey, Lease> leases = new ConcurrentHashMap<>();
    private final Map<Namespace, AtomicLong> generations = new EnumMap<>(Namespace.class);
    private final CacheMetrics metrics = new CacheMetrics();

    private CaffeineBackend(CaffeineOptions options) {
        for (Namespace namespace : Namespace.values()) {
            generations.put(namespace, new AtomicLong());
        }
        this.cache = Caffeine.newBuilder()
                .maximumSize(options.maximumSize())
                .expireAfterWrite(options.timeToLive())
                // Counted where it happens: size and expiry evictions, not our own removals.
                .evictionListener((CacheKey key, Entry entry, com.github.benmanes.caffeine.cache.RemovalCause cause) -> metrics.evicted())
                .build();
    }

    public static CaffeineBackend create(CaffeineOptions options) {
        return new CaffeineBackend(options);
    }

    /** {@link CaffeineOptions#defaults()}: 10 000 entries, five minutes. */
    public static CaffeineBackend create() {
        return create(CaffeineOptions.defaults());
    }

    @Override
    public String name() {
        return "caffeine";
    }

    @Override
    public CacheMetrics metrics() {
        return metrics;
    }

    @Override
    public Map<CacheKey, Object> getAll(Collection<CacheKey> keys) {
        Map<CacheKey, Object> found = new HashMap<>();
        for (CacheKey key : keys) {
            Object value = get(key);
            if (value != null) {
                found.put(key, value);
            }
        }
        return found;
    }

    /** One look-up and one generation read; allocates nothing. */
    @Override
    public Object get(CacheKey key) {
        Entry entry = cache.getIfPresent(key);
        return entry != null && entry.generation() == generation(key.namespace()) ? entry.value() : null;
    }

    @Override
    public Lease lease(CacheKey key) {
        Lease lease = new Lease(new Object(), generation(key.namespace()));
        leases.put(key, lease);
        return lease;
    }

    @Override
    public void fill(CacheKey key, Lease lease, Object value) {
        if (lease.isNone()) {
            return;
        }
        cache.asMap().compute(key, (k, current) ->
                leases.remove(k, lease) ? new Entry(lease.generation(), value) : current);
    }

    @Override
    public void invalidate(Collection<CacheKey> keys) {
        for (CacheKey key : keys) {
            // Lease first, entry second: see the class comment.
            leases.remove(key);
            cache.invalidate(key);
        }
    }

    @Override
    public void invalidate(Namespace namespace) {
        long current = generations.get(namespace).incrementAndGet();
        // The bump alone is enough for correctness; this frees the memory the old generation held.
        cache.asMap().entrySet().removeIf(e -> e.getKey().namespace() == namespace && e.getValue().generation() < current);
    }

    private long generation(Namespace namespace) {
        return generations.get(namespace).get();
    }

    /** Entries held now (stale generations included until they are cleaned up). */
    public long size() {
        return cache.estimatedSize();
    }

    @Override
    public void close() {
        cache.invalidateAll();
        leases.clear();
    }

    @Override
    public String toString() {
        return "CaffeineBackend[" + cache.estimatedSize() + " entries]";
    }
}
