package dev.sqlstudy.domain;

import java.io.Serializable;

/** A parent as a child refers to it: the back reference of the one-to-many. */
public record ParentRef(int id, String name) implements Serializable {
}
