package dev.sqlstudy.cache;

import java.util.Locale;

/**
 * One thing a cache did, as {@code --explain} prints it: {@code hit hosts:id:2}.
 *
 * @param type what happened
 * @param key  the logical key (or {@code namespace:*} for a generation bump, or a server
 *             address for an error not tied to a key)
 */
public record CacheEvent(Type type, String key) {

    /** The kinds of event. */
    public enum Type {
        /** Found in the cache: no database work. */
        HIT,
        /** Not in the cache (or stale): the database answers. */
        MISS,
        /** The database was read to fill a key. */
        LOAD,
        /** A key removed, or a namespace bumped, after a committed write. */
        INVALIDATE,
        /** The cache failed or was skipped; the call went on with the database. */
        ERROR;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Override
    public String toString() {
        return type + " " + key;
    }
}
