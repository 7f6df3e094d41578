package dev.sqlstudy.domain;

import java.io.Serializable;

/** A row of {@code GROUP BY parent}: how many children each parent has (0 included). */
public record ChildrenCount(int parentId, String parent, long children) implements Serializable {
}
