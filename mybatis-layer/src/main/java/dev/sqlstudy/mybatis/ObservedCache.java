package dev.sqlstudy.mybatis;

import dev.sqlstudy.domain.NativeCache.Outcome;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.function.BiConsumer;
import org.apache.ibatis.cache.Cache;

/**
 * A MyBatis {@link Cache} decorator — the shape of MyBatis's own {@code LoggingCache}, which counts
 * the same hit ratio but only logs it — that counts hits, misses, puts and clears and reports each
 * to a listener, for {@code --explain} and the statistics. It changes nothing it forwards.
 */
final class ObservedCache implements Cache {

    private final Cache delegate;
    private final BiConsumer<Outcome, String> listener;
    final LongAdder hits = new LongAdder();
    final LongAdder misses = new LongAdder();
    final LongAdder puts = new LongAdder();

    ObservedCache(Cache delegate, BiConsumer<Outcome, String> listener) {
        this.delegate = delegate;
        this.listener = listener;
    }

    @Override
    public String getId() {
        return delegate.getId();
    }

    @Override
    public void putObject(Object key, Object value) {
        delegate.putObject(key, value);
        puts.increment();
        listener.accept(Outcome.PUT, describe(key));
    }

    @Override
    public Object getObject(Object key) {
        Object value = delegate.getObject(key);
        (value == null ? misses : hits).increment();
        listener.accept(value == null ? Outcome.MISS : Outcome.HIT, describe(key));
        return value;
    }

    @Override
    public Object removeObject(Object key) {
        return delegate.removeObject(key);
    }

    @Override
    public void clear() {
        delegate.clear();
        listener.accept(Outcome.CLEAR, shortName(getId()) + ":*");
    }

    @Override
    public int getSize() {
        return delegate.getSize();
    }

    @Override
    public ReadWriteLock getReadWriteLock() {
        return delegate.getReadWriteLock();
    }

    /**
     * {@code HostMapper.findById [2]}: a {@code CacheKey} prints as hash, checksum, statement id,
     * offset, limit, SQL, the parameter values and the environment, separated by colons.
     */
    private static String describe(Object key) {
        String[] parts = key.toString().split(":");
        if (parts.length < 7) {
            return key.toString();
        }
        StringBuilder parameters = new StringBuilder();
        for (int i = 6; i < parts.length - 1; i++) {
            parameters.append(parameters.isEmpty() ? "" : ", ").append(parts[i]);
        }
        return shortName(parts[2]) + " [" + parameters + "]";
    }

    private static String shortName(String id) {
        return id.startsWith("dev.sqlstudy.mybatis.") ? id.substring("dev.sqlstudy.mybatis.".length()) : id;
    }
}
