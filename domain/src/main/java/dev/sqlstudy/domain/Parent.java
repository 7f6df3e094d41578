package dev.sqlstudy.domain;

import java.io.Serializable;
import java.util.List;

/**
 * A parent with all its children, children ordered by id; a childless parent has an empty list.
 */
public record Parent(int id, String name, List<Child> children) implements Serializable {

    public Parent {
        children = List.copyOf(children);
    }
}
