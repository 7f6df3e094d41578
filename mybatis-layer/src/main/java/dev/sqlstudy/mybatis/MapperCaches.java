package dev.sqlstudy.mybatis;

import dev.sqlstudy.domain.NativeCache;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.apache.ibatis.cache.Cache;
import org.apache.ibatis.cache.decorators.LruCache;
import org.apache.ibatis.cache.impl.PerpetualCache;
import org.apache.ibatis.mapping.CacheBuilder;
import org.mybatis.caches.memcached.MemcachedCache;

/**
 * The mapper namespaces' caches of one session factory — built with MyBatis's {@link CacheBuilder},
 * exactly what a {@code <cache/>} element would build — and the {@link NativeCache} window on them.
 */
final class MapperCaches implements NativeCache {

    /** Like the Caffeine decorator: 10,000 entries, 5 minutes. */
    static final int SIZE = 10_000;
    static final Duration FLUSH_INTERVAL = Duration.ofMinutes(5);

    private final MyBatisCache kind;
    private final List<ObservedCache> caches = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<Outcome, String>> listeners = new CopyOnWriteArrayList<>();

    MapperCaches(MyBatisCache kind) {
        this.kind = kind;
    }

    /** The cache of {@code namespace}, which its mapper's statements use through {@code <cache-ref>}. */
    Cache forNamespace(String namespace) {
        Cache cache = switch (kind) {
            // Never read: the factory has cacheEnabled=false, so no executor consults it. It exists
            // because the mappers' <cache-ref> must resolve.
            case NONE -> new PerpetualCache(namespace);
            // readOnly="true" (readWrite false): hits return the cached objects themselves. Safe here
            // because the results are immutable records; MyBatis's default (readOnly="false") would
            // copy each hit through Java serialisation (SerializedCache).
            case LOCAL -> new CacheBuilder(namespace)
                    .implementation(PerpetualCache.class)
                    .addDecorator(LruCache.class)
                    .size(SIZE)
                    .clearInterval(FLUSH_INTERVAL.toMillis())
                    .readWrite(false)
                    .blocking(false)
                    .build();
            // A custom type: CacheBuilder adds only its LoggingCache, no LRU, interval or locks.
            case MEMCACHED -> new CacheBuilder(namespace).implementation(MemcachedCache.class).build();
        };
        if (kind == MyBatisCache.NONE) {
            return cache;
        }
        ObservedCache observed = new ObservedCache(cache, this::report);
        caches.add(observed);
        return observed;
    }

    boolean isOff() {
        return kind == MyBatisCache.NONE;
    }

    @Override
    public String name() {
        return "mybatis-cache " + kind;
    }

    @Override
    public Counters counters() {
        long hits = 0;
        long misses = 0;
        long puts = 0;
        for (ObservedCache cache : caches) {
            hits += cache.hits.sum();
            misses += cache.misses.sum();
            puts += cache.puts.sum();
        }
        return new Counters(hits, misses, puts);
    }

    @Override
    public AutoCloseable onEvent(BiConsumer<Outcome, String> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void clear() {
        caches.forEach(ObservedCache::clear);
    }

    private void report(Outcome outcome, String what) {
        for (BiConsumer<Outcome, String> listener : listeners) {
            listener.accept(outcome, what);
        }
    }
}
