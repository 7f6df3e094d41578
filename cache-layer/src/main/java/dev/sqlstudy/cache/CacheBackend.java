package dev.sqlstudy.cache;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The port every cache implements: look-up, lease, fill and invalidate. Its rules are what make
 * the decorators correct on any backend:
 * <ul>
 *   <li>A value is filled only with a {@link Lease} taken before the database read; an
 *       {@link #invalidate(Collection) invalidation} of the key after that breaks the lease, and an
 *       {@link #invalidate(Namespace) namespace bump} makes the filled value unreadable.</li>
 *   <li>No method throws because the cache failed: a failing cache answers "miss", takes no lease,
 *       counts an error and logs a warning — the database answers instead (fail-open).</li>
 *   <li>An invalidation that could not reach the cache is never forgotten: the backend keeps the
 *       affected part of the cache out of use until it has made it safe again.</li>
 * </ul>
 */
public interface CacheBackend extends AutoCloseable {

    /** A short name for {@link dev.sqlstudy.domain.Repositories#name()}: {@code caffeine}, {@code memcached}. */
    String name();

    /** The counters and listeners of this cache. */
    CacheMetrics metrics();

    /** The values found for {@code keys}; a key missing from the map is a miss. One round trip. */
    Map<CacheKey, Object> getAll(Collection<CacheKey> keys);

    /**
     * The value cached under {@code key}, or {@code null} on a miss (a value is never null: an
     * absent row is cached as an empty {@code Optional}). The same rules as {@link #getAll}; the
     * decorators' hit path for point reads. The default goes through {@code getAll} and builds a
     * list and a map per call; a backend that can answer one key without them should override it
     * (the Caffeine backend allocates nothing on a hit).
     */
    default Object get(CacheKey key) {
        return getAll(List.of(key)).get(key);
    }

    /** Takes the lease to fill {@code key}; call it before reading the database. */
    Lease lease(CacheKey key);

    /** Stores {@code value} under {@code key} if {@code lease} still holds; otherwise does nothing. */
    void fill(CacheKey key, Lease lease, Object value);

    /** Removes {@code keys} and breaks their leases. */
    void invalidate(Collection<CacheKey> keys);

    /** Makes every entry of {@code namespace} unreadable (a generation bump). */
    void invalidate(Namespace namespace);

    /** Releases the backend's resources (a connection); never the database. */
    @Override
    void close();
}
