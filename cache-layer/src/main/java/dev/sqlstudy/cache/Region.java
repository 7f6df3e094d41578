package dev.sqlstudy.cache;

import dev.sqlstudy.domain.ChildWithParent;
import dev.sqlstudy.domain.ChildrenCount;
import dev.sqlstudy.domain.Host;
import dev.sqlstudy.domain.JoinRow;
import dev.sqlstudy.domain.Parent;

/**
 * What a cache key names, and the one type its value may decode to: the codec reads a value into
 * this type and no other, so a value in the cache can never choose its own class.
 */
public enum Region {
    HOST_BY_ID(Namespace.HOSTS, "id", Shape.OPTIONAL, Host.class),
    HOST_BY_HOSTNAME(Namespace.HOST_INDEX, "hostname", Shape.OPTIONAL, Host.class),
    HOST_BY_IP(Namespace.HOST_INDEX, "ip", Shape.OPTIONAL, Host.class),
    HOST_PAGE(Namespace.HOST_LISTS, "page", Shape.LIST, Host.class),
    HOSTNAMES(Namespace.HOST_LISTS, "hostnames", Shape.LIST, String.class),
    HOST_COUNT(Namespace.HOST_LISTS, "count", Shape.SCALAR, Long.class),
    PARENT(Namespace.FAMILIES, "parent", Shape.OPTIONAL, Parent.class),
    CHILD(Namespace.FAMILIES, "child", Shape.OPTIONAL, ChildWithParent.class),
    PARENTS(Namespace.FAMILY_LISTS, "parents", Shape.LIST, Parent.class),
    JOIN(Namespace.FAMILY_LISTS, "join", Shape.LIST, JoinRow.class),
    CHILDREN_COUNTS(Namespace.FAMILY_LISTS, "counts", Shape.LIST, ChildrenCount.class);

    /** How a value is held: {@code Optional<T>} (an absent row is cached too), {@code List<T>} or {@code T}. */
    public enum Shape { OPTIONAL, LIST, SCALAR }

    /** Slots of {@link #key(int)}'s table: ids in a run of this many share none. A power of two. */
    static final int RECENT_ID_KEYS = 1024;

    private final Namespace namespace;
    private final String label;
    private final Shape shape;
    private final Class<?> type;
    /** The last key made for each slot ({@code id & (RECENT_ID_KEYS − 1)}), see {@link #key(int)}. */
    private final IdKey[] recentIdKeys = new IdKey[RECENT_ID_KEYS];

    /** A key and the id it was made for: read and written as one reference, so a slot is never torn. */
    private record IdKey(int id, CacheKey key) {
    }

    Region(Namespace namespace, String label, Shape shape, Class<?> type) {
        this.namespace = namespace;
        this.label = label;
        this.shape = shape;
        this.type = type;
    }

    public Namespace namespace() {
        return namespace;
    }

    public Shape shape() {
        return shape;
    }

    /** The element type: the record inside the {@code Optional} or the {@code List}. */
    public Class<?> type() {
        return type;
    }

    /** The key of {@code id} in this region. */
    public CacheKey key(Object id) {
        return new CacheKey(this, String.valueOf(id));
    }

    /**
     * The key of a numeric id, equal to {@code key((Object) id)} — and, for an id whose key was made
     * recently, the same instance, so a cache hit on it allocates nothing (no {@code String}, no
     * key; Caffeine then also finds it by identity). A direct-mapped table of {@value
     * #RECENT_ID_KEYS} slots per region: ids that share a slot replace each other's key (the next
     * call makes a new one), which costs an allocation, never a wrong key. Threads may race on a
     * slot; each slot holds an immutable record, so a reader sees a whole entry or an older one.
     */
    public CacheKey key(int id) {
        int slot = id & (RECENT_ID_KEYS - 1);
        IdKey recent = recentIdKeys[slot];
        if (recent != null && recent.id() == id) {
            return recent.key();
        }
        CacheKey key = new CacheKey(this, Integer.toString(id));
        recentIdKeys[slot] = new IdKey(id, key);
        return key;
    }

    @Override
    public String toString() {
        return label;
    }
}
