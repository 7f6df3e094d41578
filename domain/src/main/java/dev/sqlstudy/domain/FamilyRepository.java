package dev.sqlstudy.domain;

import java.util.List;
import java.util.Optional;

/**
 * The tutorial's one-to-many: a {@code parent} has many {@code child} rows, a child knows its
 * parent, and {@code child.parent_id} is nullable ({@code on delete set null}), so orphans and
 * childless parents exist and the three joins differ.
 *
 * <p>Every write is one transaction. Names are validated by {@link Rules#name} (fields
 * {@code parent.name} and {@code child.name}) before any SQL is sent. Lists are ordered by parent
 * id, then child id (see {@link #join} for rows with a missing side). "Statements" are SQL statements sent, without a cache in front.
 */
public interface FamilyRepository {

    /** Adds a parent with the named children (possibly none), atomically. Returns it as stored. */
    Parent addParent(String name, List<String> childNames);

    /**
     * Adds a child to a parent, or an orphan when {@code parentId} is null.
     *
     * @throws NotFoundException (entity {@code parent}) if the parent does not exist — translated
     *                           from the foreign-key violation, not checked beforehand
     */
    ChildWithParent addChild(String name, Integer parentId);

    /** A parent with its children, in <b>one</b> statement (a left join, never N+1). */
    Optional<Parent> findParent(int id);

    /** Every parent with its children, ordered by id, in <b>one</b> statement. */
    List<Parent> listParents();

    /** A child with its parent (the back reference), in one statement. */
    Optional<ChildWithParent> findChild(int id);

    /**
     * Moves a child to another parent, or makes it an orphan when {@code newParentId} is null.
     * Returns the child as stored.
     *
     * @throws NotFoundException {@code child} if the child does not exist, {@code parent} if the
     *                           new parent does not
     */
    ChildWithParent moveChild(int childId, Integer newParentId);

    /**
     * Deletes a parent; its children stay, as orphans (the schema's {@code on delete set null}).
     * Returns false when there was none.
     */
    boolean deleteParent(int id);

    /**
     * The rows of {@code parent JOIN child}: INNER, LEFT or RIGHT. Ordered by parent id, then child
     * id, a missing side last: a RIGHT join's orphans come after every parent's rows, by child id.
     * One statement.
     */
    List<JoinRow> join(JoinKind kind);

    /** {@code GROUP BY parent}: every parent with its number of children (0 included), by id. */
    List<ChildrenCount> childrenCounts();
}
