package dev.sqlstudy.cache;

import dev.sqlstudy.cache.CacheEvent.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The read-through and invalidation logic both decorators share, on any {@link CacheBackend}.
 *
 * <p>A miss takes the key's lease, reads the database, and fills under the lease. Concurrent misses
 * on one key in this process wait for the one load in flight (stampede protection: one database
 * load per key per process). An invalidation detaches the load in flight, so a caller that starts
 * after a committed write never joins a load that began before it.
 *
 * <p>A hit is one {@link CacheBackend#get(CacheKey)} and one counter increment: no collection, and
 * — with a key from {@link Region#key(int)} and a loader bound once — nothing allocated, so a
 * Caffeine-cached point read costs little more than a bare Caffeine read. Everything else (the
 * leadership, the lease, the fill) is on the miss path.
 */
final class ReadThrough {

    private final CacheBackend backend;
    private final CacheMetrics metrics;
    private final Map<CacheKey, CompletableFuture<Object>> inFlight = new ConcurrentHashMap<>();

    ReadThrough(CacheBackend backend) {
        this.backend = backend;
        this.metrics = backend.metrics();
    }

    /** The value of {@code key}, from the cache or from {@code loader} (which then fills the cache). */
    @SuppressWarnings("unchecked")
    <T> T get(CacheKey key, Supplier<T> loader) {
        Object cached = hit(key);
        return cached != null ? (T) cached : load(key, loader);
    }

    /**
     * {@link #get(CacheKey, Supplier)} for a read by a numeric id: {@code loader.apply(id)} on a miss.
     * With {@code loader} bound once (a field, not a lambda per call) and the key from
     * {@link Region#key(int)}, a hit allocates nothing — the lambda below is made on a miss only.
     */
    @SuppressWarnings("unchecked")
    <T> T get(CacheKey key, int id, IntFunction<T> loader) {
        Object cached = hit(key);
        return cached != null ? (T) cached : load(key, () -> loader.apply(id));
    }

    /** {@link #get(CacheKey, Supplier)} for a read by one argument: {@code loader.apply(argument)} on a miss. */
    @SuppressWarnings("unchecked")
    <A, T> T get(CacheKey key, A argument, Function<A, T> loader) {
        Object cached = hit(key);
        return cached != null ? (T) cached : load(key, () -> loader.apply(argument));
    }

    /** The cached value of {@code key}, counted as a hit, or null (counted by the miss path). */
    private Object hit(CacheKey key) {
        Object cached = backend.get(key);
        if (cached != null) {
            metrics.record(Type.HIT, key);
        }
        return cached;
    }

    /**
     * The miss path: waits for a load of {@code key} in flight in this process, or leads one —
     * under a lease taken before {@code loader} reads the database.
     */
    @SuppressWarnings("unchecked")
    private <T> T load(CacheKey key, Supplier<T> loader) {
        metrics.record(Type.MISS, key);
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return (T) join(running);
        }
        Lease lease = Lease.NONE;
        try {
            // Between our miss and our leadership another leader may have filled the key.
            Object filled = backend.get(key);
            if (filled != null) {
                mine.complete(filled);
                return (T) filled;
            }
            lease = backend.lease(key);
            T value = loader.get();
            metrics.record(Type.LOAD, key);
            backend.fill(key, lease, value);
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            if (!lease.isNone()) {
                // Give the lease back rather than leave other readers unable to fill until it expires.
                backend.invalidate(List.of(key));
            }
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /**
     * The values of {@code keys} (in their order): the cached ones in one multi-get, the others with
     * one call of {@code loader}, which gets the missing keys and returns a value for each.
     */
    @SuppressWarnings("unchecked")
    <T> Map<CacheKey, T> getAll(Collection<CacheKey> keys, Function<List<CacheKey>, Map<CacheKey, T>> loader) {
        Map<CacheKey, Object> cached = backend.getAll(keys);
        Map<CacheKey, T> values = new LinkedHashMap<>();
        List<CacheKey> missing = new ArrayList<>();
        for (CacheKey key : keys) {
            Object value = cached.get(key);
            if (value != null) {
                metrics.record(Type.HIT, key);
                values.put(key, (T) value);
            } else {
                metrics.record(Type.MISS, key);
                missing.add(key);
            }
        }
        if (missing.isEmpty()) {
            return values;
        }
        Map<CacheKey, Lease> leases = new LinkedHashMap<>();
        missing.forEach(key -> leases.put(key, backend.lease(key)));
        Map<CacheKey, T> loaded = loader.apply(missing);
        for (CacheKey key : missing) {
            T value = loaded.get(key);
            metrics.record(Type.LOAD, key);
            backend.fill(key, leases.get(key), value);
            values.put(key, value);
        }
        return values;
    }

    /** Removes {@code keys} and bumps {@code namespaces}, after a write has committed. */
    void invalidate(Invalidation invalidation) {
        if (invalidation.isEmpty()) {
            return;
        }
        invalidation.keys().forEach(inFlight::remove);
        for (Namespace namespace : invalidation.namespaces()) {
            inFlight.keySet().removeIf(key -> key.namespace() == namespace);
        }
        if (!invalidation.keys().isEmpty()) {
            backend.invalidate(invalidation.keys());
            invalidation.keys().forEach(key -> metrics.record(Type.INVALIDATE, key));
        }
        for (Namespace namespace : invalidation.namespaces()) {
            backend.invalidate(namespace);
            metrics.record(Type.INVALIDATE, namespace + ":*");
        }
    }

    private static Object join(CompletableFuture<Object> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
