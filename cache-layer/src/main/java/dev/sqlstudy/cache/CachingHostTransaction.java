package dev.sqlstudy.cache;

import dev.sqlstudy.domain.ForwardingHostOperations;
import dev.sqlstudy.domain.Host;
import dev.sqlstudy.domain.HostChanges;
import dev.sqlstudy.domain.HostTransaction;
import dev.sqlstudy.domain.NewHost;
import java.util.List;
import java.util.function.Function;

/**
 * A unit of work seen through the cache: reads bypass it (they may see this unit's uncommitted
 * writes, which no other reader may get from the cache), writes collect what they make stale, and
 * {@link #commit()} invalidates it all once the delegate has committed. A rollback leaves the cache
 * exactly as it was. The delegate's unit decides what may still run: after a failed statement it
 * refuses work and commit, and a write it refused collects nothing here.
 */
final class CachingHostTransaction extends ForwardingHostOperations implements HostTransaction {

    private final HostTransaction delegate;
    private final ReadThrough cache;
    private final Invalidation pending = new Invalidation();

    CachingHostTransaction(HostTransaction delegate, ReadThrough cache) {
        this.delegate = delegate;
        this.cache = cache;
    }

    /** Reads are not overridden: they go straight to the unit, never to the cache (neither read nor filled). */
    @Override
    protected HostTransaction delegate() {
        return delegate;
    }

    @Override
    public Host add(NewHost host) {
        return collect(delegate.add(host), added -> HostKeys.added(List.of(added)));
    }

    @Override
    public List<Host> addAll(List<NewHost> hosts) {
        return collect(delegate.addAll(hosts), HostKeys::added);
    }

    @Override
    public Host update(int id, HostChanges changes) {
        return collect(delegate.update(id, changes), stored -> HostKeys.updated(stored, changes));
    }

    @Override
    public int updatePortWhereIdGreaterThan(int id, int port) {
        return collect(delegate.updatePortWhereIdGreaterThan(id, port), HostKeys::bulk);
    }

    @Override
    public boolean delete(int id) {
        return collect(delegate.delete(id), deleted -> HostKeys.deleted(id, deleted));
    }

    @Override
    public int deleteWhereIdGreaterThan(int id) {
        return collect(delegate.deleteWhereIdGreaterThan(id), HostKeys::bulk);
    }

    /**
     * Commits, then invalidates what the unit's writes made stale. If the commit itself fails the
     * outcome is unknown (the server may have committed before the connection broke), so the
     * collected keys are invalidated anyway: an extra miss is harmless, a stale hit is not. A
     * commit the unit refuses (a statement of it failed: it is rollback-only) reached no database,
     * so it invalidates nothing, and neither does the rollback that must follow.
     */
    @Override
    public void commit() {
        try {
            delegate.commit();
        } catch (RuntimeException e) {
            if (HostKeys.outcomeUnknown(e)) {
                cache.invalidate(pending.add(HostKeys.everything()));
            }
            pending.clear();
            throw e;
        }
        cache.invalidate(pending);
        pending.clear();
    }

    @Override
    public void rollback() {
        pending.clear();
        delegate.rollback();
    }

    @Override
    public void close() {
        pending.clear();
        delegate.close();
    }

    private <T> T collect(T result, Function<T, Invalidation> stale) {
        pending.add(stale.apply(result));
        return result;
    }
}
