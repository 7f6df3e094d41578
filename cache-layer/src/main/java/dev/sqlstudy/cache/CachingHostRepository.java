package dev.sqlstudy.cache;

import dev.sqlstudy.domain.Host;
import dev.sqlstudy.domain.HostChanges;
import dev.sqlstudy.domain.HostPage;
import dev.sqlstudy.domain.HostRepository;
import dev.sqlstudy.domain.HostTransaction;
import dev.sqlstudy.domain.NewHost;
import dev.sqlstudy.domain.Rules;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A {@link HostRepository} with a cache in front: read-through on every read, invalidation after
 * every committed write (see {@link HostKeys} for which keys each write makes stale). Results are
 * identical to the delegate's, element for element; only the number of statements differs.
 *
 * <p>Input is validated and normalised with the domain's {@link Rules} before a key is built, so
 * {@code UBUNTU} and {@code ubuntu}, {@code 0:0::1} and {@code ::1} share one entry, and invalid
 * input fails exactly as the delegate's does, without touching the cache.
 */
public final class CachingHostRepository implements HostRepository {

    private final HostRepository delegate;
    private final ReadThrough cache;

    public CachingHostRepository(HostRepository delegate, CacheBackend backend) {
        this(delegate, new ReadThrough(backend));
    }

    CachingHostRepository(HostRepository delegate, ReadThrough cache) {
        this.delegate = delegate;
        this.cache = cache;
    }

    @Override
    public Optional<Host> findById(int id) {
        return cache.get(HostKeys.byId(id), () -> delegate.findById(id));
    }

    @Override
    public Optional<Host> findByHostname(String hostname) {
        String stored = Rules.hostname(hostname);
        return cache.get(HostKeys.byHostname(stored), () -> delegate.findByHostname(stored));
    }

    @Override
    public Optional<Host> findByIpAddr(String ipAddr) {
        String stored = Rules.ipAddr(ipAddr);
        return cache.get(HostKeys.byIp(stored), () -> delegate.findByIpAddr(stored));
    }

    /**
     * One multi-get for every name; the names not cached are read with <b>one</b> {@code IN} query
     * and each cached (as a host or as absent). The hosts come back by id, each once.
     */
    @Override
    public List<Host> findByHostnameIn(Collection<String> hostnames) {
        List<String> names = Rules.hostnames(hostnames);
        if (names.isEmpty()) {
            return List.of();
        }
        Map<CacheKey, String> keys = new LinkedHashMap<>();
        names.forEach(name -> keys.put(HostKeys.byHostname(name), name));
        Map<CacheKey, Optional<Host>> found = cache.getAll(keys.keySet(), missing -> {
            List<Host> loaded = delegate.findByHostnameIn(missing.stream().map(keys::get).toList());
            Map<CacheKey, Optional<Host>> byKey = new LinkedHashMap<>();
            missing.forEach(key -> byKey.put(key, Optional.empty()));
            loaded.forEach(host -> byKey.put(HostKeys.byHostname(host.hostname()), Optional.of(host)));
            return byKey;
        });
        return found.values().stream()
                .flatMap(Optional::stream)
                .distinct()
                .sorted(Comparator.comparingInt(Host::id))
                .toList();
    }

    @Override
    public List<Host> list(HostPage page) {
        return cache.get(HostKeys.page(page), () -> delegate.list(page));
    }

    @Override
    public List<String> hostnames() {
        return cache.get(Region.HOSTNAMES.key("all"), delegate::hostnames);
    }

    @Override
    public long count() {
        return cache.<Long>get(Region.HOST_COUNT.key("all"), delegate::count);
    }

    @Override
    public Host add(NewHost host) {
        return write(() -> delegate.add(host), added -> HostKeys.added(List.of(added)));
    }

    @Override
    public List<Host> addAll(List<NewHost> hosts) {
        return write(() -> delegate.addAll(hosts), HostKeys::added);
    }

    @Override
    public Host update(int id, HostChanges changes) {
        return write(() -> delegate.update(id, changes), stored -> HostKeys.updated(stored, changes));
    }

    @Override
    public int updatePortWhereIdGreaterThan(int id, int port) {
        return write(() -> delegate.updatePortWhereIdGreaterThan(id, port), HostKeys::bulk);
    }

    @Override
    public boolean delete(int id) {
        return write(() -> delegate.delete(id), deleted -> HostKeys.deleted(id, deleted));
    }

    @Override
    public int deleteWhereIdGreaterThan(int id) {
        return write(() -> delegate.deleteWhereIdGreaterThan(id), HostKeys::bulk);
    }

    /**
     * A unit of work whose reads go to the database (they may see its own uncommitted writes, which
     * must never reach the cache) and whose invalidations wait for its commit.
     */
    @Override
    public HostTransaction begin() {
        return new CachingHostTransaction(delegate.begin(), cache);
    }

    /**
     * Runs one write (its own transaction, committed when the delegate returns), then invalidates —
     * after the commit, never before. A write that failed with a domain error wrote nothing; one
     * that failed in the database may have committed, so everything about hosts is invalidated.
     */
    private <T> T write(Supplier<T> write, Function<T, Invalidation> stale) {
        T result;
        try {
            result = write.get();
        } catch (RuntimeException e) {
            if (HostKeys.outcomeUnknown(e)) {
                cache.invalidate(HostKeys.everything());
            }
            throw e;
        }
        cache.invalidate(stale.apply(result));
        return result;
    }

    @Override
    public String toString() {
        return "Caching" + delegate;
    }
}
