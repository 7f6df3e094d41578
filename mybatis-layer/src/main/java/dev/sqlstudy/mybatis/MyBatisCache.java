package dev.sqlstudy.mybatis;

/**
 * Which second-level cache the mapper statements use. {@link #NONE} is the study's default: the
 * cache decorators are then the only cache. The other two are what a mapper's {@code <cache/>}
 * element declares — one cache per mapper namespace, filled when a session commits, flushed whole by
 * any insert, update or delete of the same namespace — built by {@link SessionFactories} rather than
 * written into the XML, so that the default factory stays without one.
 */
public enum MyBatisCache {
    /** {@code cacheEnabled=false}: no caching executor, the statements' cache is never read. */
    NONE("none"),
    /**
     * {@code <cache eviction="LRU" size="10000" flushInterval="300000" readOnly="true"/>}: in this
     * process, bounded like the Caffeine decorator; the flush interval empties the whole namespace
     * every 5 minutes (MyBatis has no per-entry time to live).
     */
    LOCAL("local"),
    /**
     * {@code <cache type="org.mybatis.caches.memcached.MemcachedCache"/>}: the MyBatis project's
     * memcached adapter, shared by every process on the same server. It is configured JVM-wide from
     * {@code memcached.properties} on the class path (servers, key prefix, timeout), stores values with
     * Java serialisation, and — as a custom cache type — gets none of MyBatis's decorators (no LRU,
     * no flush interval, no blocking) but the logging one.
     */
    MEMCACHED("memcached");

    private final String label;

    MyBatisCache(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
