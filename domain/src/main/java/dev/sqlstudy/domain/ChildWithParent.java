package dev.sqlstudy.domain;

import java.io.Serializable;

/**
 * A child with its parent, the tutorial's {@code child.parent}; {@code parent} is {@code null}
 * for an orphan.
 */
public record ChildWithParent(int id, String name, ParentRef parent) implements Serializable {

    public boolean isOrphan() {
        return parent == null;
    }
}
