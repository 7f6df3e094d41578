package dev.sqlstudy.mybatis;

import dev.sqlstudy.domain.Child;
import dev.sqlstudy.domain.Parent;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What the {@code parentWithChildren} resultMap fills. MyBatis 3.5 cannot pass a nested collection
 * to a constructor, so a one-to-many lands in this mutable holder — MyBatis adds each child as it
 * walks the joined rows — and becomes the immutable {@link Parent} afterwards. It is what a mapper
 * cache holds for these statements, hence {@link Serializable}: the memcached adapter stores with
 * Java serialisation (see {@link MyBatisCache#MEMCACHED}).
 */
final class ParentRow implements Serializable {

    private int id;
    private String name;
    private final List<Child> children = new ArrayList<>();

    Parent toParent() {
        return new Parent(id, name, children);
    }
}
