package dev.sqlstudy.mybatis;

import dev.sqlstudy.domain.ChildWithParent;
import dev.sqlstudy.domain.ChildrenCount;
import dev.sqlstudy.domain.JoinKind;
import dev.sqlstudy.domain.JoinRow;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Param;

/** The SQL on {@code parent} and {@code child}, in {@code FamilyMapper.xml} beside this interface. */
interface FamilyMapper {

    void insertParent(ParentInsert row);

    void insertChild(ChildInsert row);

    Optional<ParentRow> findParent(int id);

    List<ParentRow> listParents();

    Optional<ChildWithParent> findChild(int id);

    int moveChild(@Param("childId") int childId, @Param("parentId") Integer parentId);

    int deleteParent(int id);

    List<JoinRow> join(@Param("kind") JoinKind kind);

    List<ChildrenCount> childrenCounts();
}
