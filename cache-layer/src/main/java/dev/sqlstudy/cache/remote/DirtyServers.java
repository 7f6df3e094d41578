package dev.sqlstudy.cache.remote;

import dev.sqlstudy.cache.CacheEvent.Type;
import dev.sqlstudy.cache.CacheMetrics;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Missed invalidations are not forgotten: a delete or a namespace bump that could not reach a
 * server {@linkplain #markDirty marks it dirty} for this backend (this key prefix); before the
 * server is used again, {@link Recovery} makes it safe — every generation on it is bumped, so
 * nothing it kept from before the outage is ever read — or the server is not used.
 *
 * <p>One per backend, not per connection: two key prefixes on one connection are two caches, and
 * each must repair its own generations.
 *
 * @param <S> how the backend names a server (the same as its {@link Circuits})
 */
public final class DirtyServers<S> {

    /** Makes a dirty server safe (bumps every generation on it); throws when it cannot. */
    @FunctionalInterface
    public interface Recovery<S> {
        void apply(S server) throws Exception;
    }

    private final Circuits<S> circuits;
    private final CacheMetrics metrics;
    private final Recovery<S> recovery;
    private final Set<S> dirty = ConcurrentHashMap.newKeySet();

    public DirtyServers(Circuits<S> circuits, CacheMetrics metrics, Recovery<S> recovery) {
        this.circuits = circuits;
        this.metrics = metrics;
        this.recovery = recovery;
    }

    /**
     * May this call use {@code server}? Not while its circuit is open (apart from the probe); a
     * server this backend failed to invalidate on is made safe first, or not used.
     */
    public boolean usable(S server) {
        if (!circuits.allows(server)) {
            return false;
        }
        return !dirty.contains(server) || recover(server);
    }

    /** An invalidation could not reach {@code server}: counted as an error, repaired before reuse. */
    public void markDirty(S server) {
        dirty.add(server);
        metrics.record(Type.ERROR, server);
    }

    public boolean isDirty(S server) {
        return dirty.contains(server);
    }

    private boolean recover(S server) {
        try {
            recovery.apply(server);
            dirty.remove(server);
            circuits.succeeded(server);
            circuits.log().info("{} {}: invalidations missed while it was unreachable are applied (every generation bumped)",
                    circuits.system(), server);
            return true;
        } catch (Exception e) {
            circuits.failed(server, e);
            return false;
        }
    }
}
