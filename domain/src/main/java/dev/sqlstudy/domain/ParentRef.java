package dev.sqlstudy.domain;

/** A parent as a child refers to it: the back reference of the one-to-many. */
public record ParentRef(int id, String name) {
}
