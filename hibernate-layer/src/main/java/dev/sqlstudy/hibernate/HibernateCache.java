package dev.sqlstudy.hibernate;

import org.hibernate.cache.spi.access.AccessType;

/**
 * Which second-level cache the session factory runs with. {@link #NONE} is the study's default:
 * the cache decorators are then the only cache. The others are Hibernate's own cache (JCache regions
 * on Caffeine, see {@code second-level-cache.conf}) on the three entities, the {@code children}
 * collection and the repository's queries, with one concurrency strategy for all of them.
 */
public enum HibernateCache {
    /** No second-level or query cache. */
    NONE(null),
    /**
     * Soft locks: a write locks the entry before its transaction commits and replaces it after; a
     * reader that loaded before the write's commit cannot put its older row over the lock.
     */
    READ_WRITE(AccessType.READ_WRITE),
    /**
     * No locks: a write evicts the entry after commit, and a reader's load is put if the entry is
     * absent — so a load that started before the write may put the old row back after the eviction.
     */
    NONSTRICT_READ_WRITE(AccessType.NONSTRICT_READ_WRITE);

    private final AccessType accessType;

    HibernateCache(AccessType accessType) {
        this.accessType = accessType;
    }

    AccessType accessType() {
        return accessType;
    }

    /** {@code read-write}, {@code nonstrict-read-write}, {@code none}. */
    @Override
    public String toString() {
        return accessType == null ? "none" : accessType.getExternalName();
    }
}
