package dev.sqlstudy.hibernate;

import dev.sqlstudy.domain.Parent;
import dev.sqlstudy.domain.ParentRef;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Hibernate;

/** A row of {@code parent} with its children: the inverse side of the one-to-many. */
@Entity
@Table(name = "parent")
public class ParentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Integer id;

    @Column(name = "name", nullable = false, length = 64)
    private String name;

    /**
     * {@code mappedBy}: the child's {@code parent} owns {@code child.parent_id}; this list only
     * reads it. Lazy (the JPA default for to-many) so that a query that wants the children says so
     * with a fetch join. {@code @OrderBy} makes Hibernate add {@code ORDER BY child.id} whenever
     * the list is fetched, so children come in id order like the other implementations.
     * PERSIST cascades (a new parent saves its new children) but never REMOVE: deleting a parent
     * must orphan its children, as the schema's {@code ON DELETE SET NULL} does, not delete them.
     */
    @OneToMany(mappedBy = "parent", cascade = CascadeType.PERSIST)
    @OrderBy("id ASC")
    private List<ChildEntity> children = new ArrayList<>();

    /** For Hibernate. */
    protected ParentEntity() {
    }

    ParentEntity(String name) {
        this.name = name;
    }

    /** Adds a new child to this parent, setting both sides of the association. */
    void addChild(ChildEntity child) {
        child.moveTo(this);
    }

    Integer id() {
        return id;
    }

    String name() {
        return name;
    }

    List<ChildEntity> children() {
        return children;
    }

    /**
     * Keeps the inverse side in step with a child's move — only when this list is in memory:
     * loading it just to edit it would cost a SELECT that changes nothing in the database, since
     * only the owning side ({@code child.parent}) is written.
     */
    void childLeft(ChildEntity child) {
        if (Hibernate.isInitialized(children)) {
            children.remove(child);
        }
    }

    void childArrived(ChildEntity child) {
        if (Hibernate.isInitialized(children) && !children.contains(child)) {
            children.add(child);
        }
    }

    /** Requires the children to be loaded (a fetch join), or this would run one more SELECT. */
    Parent toRecord() {
        return new Parent(id, name, children.stream().map(ChildEntity::toChild).toList());
    }

    ParentRef toRef() {
        return new ParentRef(id, name);
    }
}
