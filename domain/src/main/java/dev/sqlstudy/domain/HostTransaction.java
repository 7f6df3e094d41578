package dev.sqlstudy.domain;

/**
 * A unit of work over hosts, the tutorial's {@code session}: {@code add}, change, then
 * {@link #commit()} or {@link #rollback()}. After either, it may not be used again.
 * {@link #close()} without a commit rolls back, so a failure inside a try-with-resources block
 * leaves nothing behind.
 */
public interface HostTransaction extends HostOperations, AutoCloseable {

    /** Makes every write of this unit visible at once. */
    void commit();

    /** Undoes every write of this unit, as {@code session.rollback()} does. */
    void rollback();

    /** Rolls back unless committed or rolled back already. Never throws for a finished unit. */
    @Override
    void close();
}
