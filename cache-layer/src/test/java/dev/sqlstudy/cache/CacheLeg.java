package dev.sqlstudy.cache;

import dev.sqlstudy.cache.caffeine.CaffeineBackend;

/** The cache axis of the matrix: each leg opens a fresh, empty cache for one test. */
enum CacheLeg {
    CAFFEINE {
        @Override
        CacheBackend open() {
            return CaffeineBackend.create();
        }
    },
    /** A new key prefix on the JVM's one memcached connection: empty, and shared with no other test. */
    MEMCACHED {
        @Override
        CacheBackend open() {
            return TestMemcached.fresh();
        }
    };

    abstract CacheBackend open();

    @Override
    public String toString() {
        return "cache=" + name();
    }
}
