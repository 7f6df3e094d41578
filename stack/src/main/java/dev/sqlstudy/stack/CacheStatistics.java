package dev.sqlstudy.stack;

/** A cache's counters since the stack opened. */
public record CacheStatistics(long hits, long misses, long loads, long invalidations, long evictions, long errors) {

    public static final CacheStatistics NONE = new CacheStatistics(0, 0, 0, 0, 0, 0);

    /** Hits over look-ups, 0 when there were none. */
    public double hitRatio() {
        long lookups = hits + misses;
        return lookups == 0 ? 0 : (double) hits / lookups;
    }
}
