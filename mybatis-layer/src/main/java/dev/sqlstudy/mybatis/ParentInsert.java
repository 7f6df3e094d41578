package dev.sqlstudy.mybatis;

/** The parameter of {@code FamilyMapper.insertParent}, which receives the generated key. */
final class ParentInsert {

    private final String name;
    private Integer id;

    ParentInsert(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    int id() {
        return GeneratedKeys.require(id, "parent " + name);
    }
}
