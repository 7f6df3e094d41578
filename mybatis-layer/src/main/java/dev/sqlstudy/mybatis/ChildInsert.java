package dev.sqlstudy.mybatis;

import dev.sqlstudy.domain.Child;

/** The parameter of {@code FamilyMapper.insertChild}; {@code parentId} is null for an orphan. */
final class ChildInsert {

    private final String name;
    private final Integer parentId;
    private Integer id;

    ChildInsert(String name, Integer parentId) {
        this.name = name;
        this.parentId = parentId;
    }

    int id() {
        return GeneratedKeys.require(id, "child " + name);
    }

    Child stored() {
        return new Child(id(), name);
    }
}
