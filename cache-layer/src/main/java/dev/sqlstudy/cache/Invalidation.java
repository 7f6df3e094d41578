package dev.sqlstudy.cache;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What one committed write makes stale: exact keys, and whole namespaces where the keys cannot be
 * known without a race. A unit of work adds up the invalidations of its writes and applies them
 * after its commit; a rollback drops them.
 */
final class Invalidation {

    private final Set<CacheKey> keys = new LinkedHashSet<>();
    private final Set<Namespace> namespaces = EnumSet.noneOf(Namespace.class);

    Invalidation key(CacheKey key) {
        keys.add(key);
        return this;
    }

    Invalidation namespace(Namespace namespace) {
        namespaces.add(namespace);
        return this;
    }

    Invalidation namespaces(Collection<Namespace> all) {
        namespaces.addAll(all);
        return this;
    }

    Invalidation add(Invalidation other) {
        keys.addAll(other.keys);
        namespaces.addAll(other.namespaces);
        return this;
    }

    Set<CacheKey> keys() {
        return keys;
    }

    Set<Namespace> namespaces() {
        return namespaces;
    }

    boolean isEmpty() {
        return keys.isEmpty() && namespaces.isEmpty();
    }

    void clear() {
        keys.clear();
        namespaces.clear();
    }
}
