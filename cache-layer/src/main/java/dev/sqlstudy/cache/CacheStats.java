package dev.sqlstudy.cache;

/**
 * A snapshot of one cache's counters.
 *
 * @param hits          look-ups answered by the cache
 * @param misses        look-ups the database answered
 * @param loads         keys read from the database to fill the cache
 * @param invalidations keys removed and namespaces bumped after committed writes
 * @param evictions     entries the cache dropped on its own (size bound or expiry; Caffeine only —
 *                      memcached evicts server-side, for every client at once)
 * @param errors        cache operations that failed or were skipped (the call still succeeded)
 */
public record CacheStats(long hits, long misses, long loads, long invalidations, long evictions, long errors) {

    /** All zero: no cache, or nothing happened yet. */
    public static final CacheStats ZERO = new CacheStats(0, 0, 0, 0, 0, 0);

    /** Hits over look-ups, 0 when there were none. */
    public double hitRatio() {
        long lookups = hits + misses;
        return lookups == 0 ? 0 : (double) hits / lookups;
    }

    /** The counts of this snapshot and {@code other} together (two iterations of one trial). */
    public CacheStats plus(CacheStats other) {
        return new CacheStats(hits + other.hits, misses + other.misses, loads + other.loads,
                invalidations + other.invalidations, evictions + other.evictions, errors + other.errors);
    }

    /** What happened between {@code earlier} and this snapshot. */
    public CacheStats minus(CacheStats earlier) {
        return new CacheStats(hits - earlier.hits, misses - earlier.misses, loads - earlier.loads,
                invalidations - earlier.invalidations, evictions - earlier.evictions, errors - earlier.errors);
    }
}
