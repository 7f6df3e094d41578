package dev.sqlstudy.fault;

import dev.sqlstudy.cache.CacheBackend;
import dev.sqlstudy.cache.CacheKey;
import dev.sqlstudy.cache.CacheMetrics;
import dev.sqlstudy.cache.Lease;
import dev.sqlstudy.cache.Namespace;
import java.util.Collection;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The real backend, with a stopwatch around each of its calls: how long the calling thread has
 * waited for the cache since it last asked. Lets a test tell what a repository call spent waiting
 * for memcached from what it spent in the database or the scheduler. It changes nothing else.
 */
final class TimedBackend implements CacheBackend {

    private final CacheBackend real;
    private final ThreadLocal<long[]> waited = ThreadLocal.withInitial(() -> new long[1]);

    TimedBackend(CacheBackend real) {
        this.real = real;
    }

    /** Nanoseconds this thread spent in the backend since the last call of this method. */
    long takeWaitedNanos() {
        long[] total = waited.get();
        long nanos = total[0];
        total[0] = 0;
        return nanos;
    }

    private <T> T timed(Supplier<T> call) {
        long start = System.nanoTime();
        try {
            return call.get();
        } finally {
            waited.get()[0] += System.nanoTime() - start;
        }
    }

    @Override
    public String name() {
        return real.name();
    }

    @Override
    public CacheMetrics metrics() {
        return real.metrics();
    }

    @Override
    public Map<CacheKey, Object> getAll(Collection<CacheKey> keys) {
        return timed(() -> real.getAll(keys));
    }

    @Override
    public Lease lease(CacheKey key) {
        return timed(() -> real.lease(key));
    }

    @Override
    public void fill(CacheKey key, Lease lease, Object value) {
        timed(() -> {
            real.fill(key, lease, value);
            return null;
        });
    }

    @Override
    public void invalidate(Collection<CacheKey> keys) {
        timed(() -> {
            real.invalidate(keys);
            return null;
        });
    }

    @Override
    public void invalidate(Namespace namespace) {
        timed(() -> {
            real.invalidate(namespace);
            return null;
        });
    }

    @Override
    public void close() {
        real.close();
    }
}
