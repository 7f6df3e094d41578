package dev.sqlstudy.cache;

import java.util.Objects;

/**
 * A logical cache key: a region and an id within it, e.g. {@code hosts:id:2} or
 * {@code host-index:hostname:ubuntu}. Backends turn it into their own key ({@link CacheKeys}
 * makes it valid for memcached); events and statistics show this form.
 */
public record CacheKey(Region region, String id) {

    public CacheKey {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(id, "id");
    }

    public Namespace namespace() {
        return region.namespace();
    }

    @Override
    public String toString() {
        return region.namespace() + ":" + region + ":" + id;
    }
}
