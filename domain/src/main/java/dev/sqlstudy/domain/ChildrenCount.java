package dev.sqlstudy.domain;

/** A row of {@code GROUP BY parent}: how many children each parent has (0 included). */
public record ChildrenCount(int parentId, String parent, long children) {
}
