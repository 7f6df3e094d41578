package dev.sqlstudy.cache;

import dev.sqlstudy.cache.memcached.MemcachedOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the remote caches are and how their keys are told apart: what a {@link CacheKind} needs to
 * open its backend. The default addresses are written here and nowhere else.
 *
 * @param memcachedServers {@code host:port[,host:port…]} for {@link CacheKind#MEMCACHED}
 * @param redisServers     {@code host:port} of a Redis server, or several seed nodes of a Redis
 *                         Cluster, for {@link CacheKind#REDIS}
 * @param keyPrefix        the prefix of every remote key: separate caches on the same servers
 * @param operationTimeout the bound on one remote cache call, after which it fails open
 */
public record CacheSettings(String memcachedServers, String redisServers, String keyPrefix, Duration operationTimeout) {

    public static final String DEFAULT_MEMCACHED = "127.0.0.1:11211";
    public static final String DEFAULT_REDIS = "127.0.0.1:6379";

    public CacheSettings {
        Objects.requireNonNull(memcachedServers, "memcachedServers");
        Objects.requireNonNull(redisServers, "redisServers");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        Objects.requireNonNull(operationTimeout, "operationTimeout");
    }

    /** memcached on {@value #DEFAULT_MEMCACHED}, Redis on {@value #DEFAULT_REDIS}, prefix {@code sqlstudy}, the backends' default timeout. */
    public static CacheSettings defaults() {
        return new CacheSettings(DEFAULT_MEMCACHED, DEFAULT_REDIS, MemcachedOptions.DEFAULT_KEY_PREFIX,
                MemcachedOptions.DEFAULT_OPERATION_TIMEOUT);
    }

    public CacheSettings withMemcachedServers(String value) {
        return new CacheSettings(value == null || value.isBlank() ? DEFAULT_MEMCACHED : value.strip(), redisServers,
                keyPrefix, operationTimeout);
    }

    public CacheSettings withRedisServers(String value) {
        return new CacheSettings(memcachedServers, value == null || value.isBlank() ? DEFAULT_REDIS : value.strip(),
                keyPrefix, operationTimeout);
    }

    public CacheSettings withKeyPrefix(String value) {
        return new CacheSettings(memcachedServers, redisServers, value, operationTimeout);
    }

    public CacheSettings withOperationTimeout(Duration value) {
        return new CacheSettings(memcachedServers, redisServers, keyPrefix, value);
    }
}
