package dev.sqlstudy.cache;

/**
 * The right to fill one key, taken <em>before</em> the database is read. Any invalidation of the
 * key breaks it, and a generation bump makes what it fills unreadable, so a fill whose database
 * read raced with a committed write never lands. {@link #NONE} means "do not fill" (the cache is
 * unavailable, or another reader holds the lease).
 *
 * @param token      the backend's proof of ownership (an object, or the bytes stored in memcached)
 * @param generation the namespace's generation when the lease was taken; the value is tagged with it
 */
public record Lease(Object token, long generation) {

    public static final Lease NONE = new Lease(null, -1);

    public boolean isNone() {
        return token == null;
    }
}
