package dev.sqlstudy.cache;

import dev.sqlstudy.cache.CacheEvent.Type;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The counters and the event listeners of one cache. The backend owns it; the decorators record
 * hits, misses, loads and invalidations, the backend records errors and evictions.
 */
public final class CacheMetrics {

    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder loads = new LongAdder();
    private final LongAdder invalidations = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final List<Consumer<CacheEvent>> listeners = new CopyOnWriteArrayList<>();

    public CacheStats snapshot() {
        return new CacheStats(hits.sum(), misses.sum(), loads.sum(), invalidations.sum(), evictions.sum(), errors.sum());
    }

    /** Calls {@code listener} for every event until the returned handle is closed. */
    public AutoCloseable listen(Consumer<CacheEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void record(Type type, Object key) {
        switch (type) {
            case HIT -> hits.increment();
            case MISS -> misses.increment();
            case LOAD -> loads.increment();
            case INVALIDATE -> invalidations.increment();
            case ERROR -> errors.increment();
        }
        if (!listeners.isEmpty()) {
            CacheEvent event = new CacheEvent(type, String.valueOf(key));
            listeners.forEach(l -> l.accept(event));
        }
    }

    /** An entry the cache dropped by itself; counted, not an event (it happens off the caller's path). */
    public void evicted() {
        evictions.increment();
    }
}
