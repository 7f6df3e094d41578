package dev.sqlstudy.hibernate;

import dev.sqlstudy.domain.Child;
import dev.sqlstudy.domain.ChildWithParent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.Hibernate;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/** A row of {@code child}: the owning side of the one-to-many, with the back reference. */
@Entity
@Table(name = "child")
public class ChildEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Integer id;

    @Column(name = "name", nullable = false, length = 64)
    private String name;

    /**
     * Lazy, against the JPA default of eager for to-one: an eager {@code @ManyToOne} is loaded on
     * every child read, by a join or, after a query, by one more SELECT per distinct parent (N+1).
     * Queries that need the parent fetch it explicitly. Nullable: orphans exist. {@code @OnDelete}
     * records that the database, not Hibernate, orphans children when their parent is deleted.
     */
    @ManyToOne(fetch = FetchType.LAZY, optional = true)
    @JoinColumn(name = "parent_id", nullable = true, foreignKey = @ForeignKey(name = "fk_child_parent"))
    @OnDelete(action = OnDeleteAction.SET_NULL)
    private ParentEntity parent;

    /** For Hibernate. */
    protected ChildEntity() {
    }

    ChildEntity(String name) {
        this.name = name;
    }

    Integer id() {
        return id;
    }

    ParentEntity parent() {
        return parent;
    }

    /**
     * Moves this child to {@code newParent} ({@code null} for an orphan). Writing this side is what
     * changes {@code parent_id}; the parents' lists follow when they are in memory.
     */
    void moveTo(ParentEntity newParent) {
        // A lazy parent may be an uninitialized proxy: any call on it but getId would load it.
        // Only a parent already in memory has a list to keep in step.
        if (parent != null && Hibernate.isInitialized(parent)) {
            Hibernate.unproxy(parent, ParentEntity.class).childLeft(this);
        }
        parent = newParent;
        if (newParent != null && Hibernate.isInitialized(newParent)) {
            Hibernate.unproxy(newParent, ParentEntity.class).childArrived(this);
        }
    }

    Child toChild() {
        return new Child(id, name);
    }

    /**
     * Needs the parent's name: free after a fetch join, one SELECT if the parent is still a proxy
     * ({@code unproxy} loads it and returns the real object, whose fields can then be read).
     */
    ChildWithParent toRecord() {
        return new ChildWithParent(id, name, parent == null ? null : Hibernate.unproxy(parent, ParentEntity.class).toRef());
    }
}
