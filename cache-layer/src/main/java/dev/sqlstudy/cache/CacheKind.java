package dev.sqlstudy.cache;

import dev.sqlstudy.cache.caffeine.CaffeineBackend;
import dev.sqlstudy.cache.memcached.MemcachedBackend;
import dev.sqlstudy.cache.memcached.MemcachedOptions;
import dev.sqlstudy.cache.redis.RedisBackend;
import dev.sqlstudy.cache.redis.RedisOptions;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The cache axis of the study — what {@code --cache} selects, what the benchmark takes as a
 * {@code @Param} and what the test matrix iterates. Adding a cache is one constant here with its
 * factory; the CLI, the benchmark and every matrix pick it up.
 */
public enum CacheKind {
    /** No cache: the implementation alone. */
    NONE("none", false) {
        @Override
        public Optional<CacheBackend> open(CacheSettings settings) {
            return Optional.empty();
        }
    },
    /** Caffeine in this process: bounded, with a time to live, per-key atomic loading. */
    CAFFEINE("caffeine", false) {
        @Override
        public Optional<CacheBackend> open(CacheSettings settings) {
            return Optional.of(CaffeineBackend.create());
        }
    },
    /** memcached through spymemcached: shared by every process on the same servers. */
    MEMCACHED("memcached", true) {
        @Override
        public Optional<CacheBackend> open(CacheSettings settings) {
            // connect(…) with the prefix in the options returns the backend that owns the client,
            // so closing it shuts the client down (a prefixed view of another backend would not).
            return Optional.of(MemcachedBackend.connect(settings.memcachedServers(), MemcachedOptions.defaults()
                    .withKeyPrefix(settings.keyPrefix())
                    .withOperationTimeout(settings.operationTimeout())));
        }

        @Override
        public Optional<String> servers(CacheSettings settings) {
            return Optional.of(settings.memcachedServers());
        }
    },
    /** Redis through Lettuce, one server or a Redis Cluster: shared by every process on the same servers. */
    REDIS("redis", true) {
        @Override
        public Optional<CacheBackend> open(CacheSettings settings) {
            // connect(servers, options, prefix) returns the backend that owns the Lettuce client and its
            // threads; closing it shuts them down (a withKeyPrefix view would own nothing).
            return Optional.of(RedisBackend.connect(settings.redisServers(), RedisOptions.defaults()
                    .withOperationTimeout(settings.operationTimeout()), settings.keyPrefix()));
        }

        @Override
        public Optional<String> servers(CacheSettings settings) {
            return Optional.of(settings.redisServers());
        }
    },
    /**
     * The implementation's own cache, configured where its framework expects it and with no
     * decorator in front: Hibernate's second-level cache (READ_WRITE, JCache on Caffeine), a MyBatis
     * mapper's {@code <cache/>}. The implementation opens it ({@code Impl.open}); raw JDBC has none.
     */
    NATIVE("native", false) {
        @Override
        public Optional<CacheBackend> open(CacheSettings settings) {
            return Optional.empty();
        }
    };

    private final String label;
    private final boolean remote;

    CacheKind(String label, boolean remote) {
        this.label = label;
        this.remote = remote;
    }

    /**
     * A new, owned backend for this cache (closing it releases every client it opened), or empty
     * for {@link #NONE} and {@link #NATIVE} (the implementation's own cache is no backend of ours).
     * A remote server that is down is not an error: its keys miss.
     */
    public abstract Optional<CacheBackend> open(CacheSettings settings);

    /** The servers this cache talks to, empty for an in-process cache. */
    public Optional<String> servers(CacheSettings settings) {
        return Optional.empty();
    }

    /** True when the cache lives outside the process (shared across processes, can be down). */
    public boolean remote() {
        return remote;
    }

    /** Every cache that puts a decorator in front of the implementation ({@link #NONE} and {@link #NATIVE} aside). */
    public static List<CacheKind> decorators() {
        return Arrays.stream(values()).filter(kind -> kind != NONE && kind != NATIVE).toList();
    }

    /** The kind named {@code name} ({@code caffeine}, case-insensitive). */
    public static CacheKind parse(String name) {
        for (CacheKind kind : values()) {
            if (kind.label.equals(name.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown cache '" + name + "' (one of "
                + String.join(", ", Arrays.stream(values()).map(CacheKind::toString).toList()) + ")");
    }

    @Override
    public String toString() {
        return label;
    }
}
