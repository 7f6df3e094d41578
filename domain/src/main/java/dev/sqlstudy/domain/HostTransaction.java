package dev.sqlstudy.domain;

/**
 * A unit of work over hosts, the tutorial's {@code session}: {@code add}, change, then
 * {@link #commit()} or {@link #rollback()}. After either, it may not be used again.
 * {@link #close()} without a commit rolls back, so a failure inside a try-with-resources block
 * leaves nothing behind.
 *
 * <p><b>After a failed statement the unit is rollback-only</b>, in every implementation and behind
 * every cache, as a SQLAlchemy session after a failed flush and a JPA transaction marked
 * rollback-only are:
 * <ul>
 *   <li>A statement fails when the database refuses it or cannot be reached: a
 *       {@link DuplicateException}, a {@link DatabaseUnavailableException}, a
 *       {@link PersistenceException}. From then on every operation and {@link #commit()} throw
 *       {@link IllegalStateException} naming that first failure (and carrying it as the cause);
 *       only {@link #rollback()} or {@link #close()} is left, and either leaves the database
 *       exactly as it was before the unit began. Whatever the caller does with the error, the
 *       unit's earlier writes can never be committed without the one that failed.</li>
 *   <li>A failed {@link #addAll} is such a statement: it poisons the unit like any other, as a
 *       failed flush does in JPA. The rule "a batch with one bad row writes none of them" holds
 *       inside a unit too: raw JDBC and MyBatis still roll back to a savepoint around the batch,
 *       so none of its rows stays in the unit even until the rollback; Hibernate's go with the
 *       unit's rollback. Either way no row of it can be read in the unit or committed.</li>
 *   <li>Errors the domain finds <em>without</em> a statement failing leave the unit usable, as in
 *       JPA, where only a failure of the flushed SQL marks the transaction: an
 *       {@link InvalidInputException} is raised before any SQL is sent, and a
 *       {@link NotFoundException} from {@link #update} means the statement ran and matched no row.
 *       The unit goes on, and may still commit.</li>
 * </ul>
 */
public interface HostTransaction extends HostOperations, AutoCloseable {

    /**
     * Makes every write of this unit visible at once.
     *
     * @throws IllegalStateException if a statement of this unit failed (roll it back instead), or
     *                               the unit is already committed or rolled back
     */
    void commit();

    /** Undoes every write of this unit, as {@code session.rollback()} does; the one way out of a failed unit. */
    void rollback();

    /** Rolls back unless committed or rolled back already. Never throws for a finished unit. */
    @Override
    void close();
}
