package dev.sqlstudy.mybatis;

import dev.sqlstudy.domain.ChildWithParent;
import dev.sqlstudy.domain.ChildrenCount;
import dev.sqlstudy.domain.FamilyRepository;
import dev.sqlstudy.domain.JoinKind;
import dev.sqlstudy.domain.JoinRow;
import dev.sqlstudy.domain.NotFoundException;
import dev.sqlstudy.domain.Parent;
import dev.sqlstudy.domain.Rules;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * {@link FamilyRepository} as a MyBatis mapper. A parent with its children, and all parents with
 * theirs, are each one LEFT JOIN folded by a nested resultMap ({@code FamilyMapper.xml}), never a
 * select per parent. Costs are statements / commits / rollbacks, the same as raw JDBC's.
 */
public final class MyBatisFamilyRepository implements FamilyRepository {

    private final Sessions sessions;

    /** A repository with a session factory of its own over {@code dataSource}. */
    public MyBatisFamilyRepository(DataSource dataSource) {
        this(SessionFactories.create(dataSource));
    }

    MyBatisFamilyRepository(SqlSessionFactory factory) {
        this.sessions = Sessions.perCall(factory);
    }

    private static FamilyMapper mapper(SqlSession session) {
        return session.getMapper(FamilyMapper.class);
    }

    /**
     * 2 / 1 / 0 with children, 1 / 1 / 0 without: one BATCH session, one transaction. The parent's
     * INSERT is flushed alone because the children need its generated id; the children follow as
     * one batch.
     */
    @Override
    public Parent addParent(String name, List<String> childNames) {
        String parentName = Rules.name("parent.name", name);
        List<String> names = childNames.stream().map(n -> Rules.name("child.name", n)).toList();
        return sessions.batch("add parent", Map.of(), s -> {
            FamilyMapper mapper = mapper(s);
            ParentInsert parent = new ParentInsert(parentName);
            mapper.insertParent(parent);
            s.flushStatements();
            List<ChildInsert> children = names.stream().map(n -> new ChildInsert(n, parent.id())).toList();
            children.forEach(mapper::insertChild);
            s.flushStatements();
            return new Parent(parent.id(), parent.name(), children.stream().map(ChildInsert::stored).toList());
        });
    }

    /**
     * 2 / 1 / 0: the INSERT, then the child read back with its parent's name, in one transaction.
     * A missing parent is the foreign key's violation, translated; there is no look-up beforehand.
     */
    @Override
    public ChildWithParent addChild(String name, Integer parentId) {
        String childName = Rules.name("child.name", name);
        return sessions.atomic("add child", parentKnown(parentId), s -> {
            FamilyMapper mapper = mapper(s);
            ChildInsert child = new ChildInsert(childName, parentId);
            mapper.insertChild(child);
            return mapper.findChild(child.id()).orElseThrow();
        });
    }

    /** 1 / 0 / 0, in an auto-commit session. */
    @Override
    public Optional<Parent> findParent(int id) {
        return sessions.single("find parent", Map.of(), s -> mapper(s).findParent(id).map(ParentRow::toParent));
    }

    /** 1 / 0 / 0 for any number of parents. */
    @Override
    public List<Parent> listParents() {
        return sessions.single("list parents", Map.of(),
                s -> mapper(s).listParents().stream().map(ParentRow::toParent).toList());
    }

    /** 1 / 0 / 0. */
    @Override
    public Optional<ChildWithParent> findChild(int id) {
        return sessions.single("find child", Map.of(), s -> mapper(s).findChild(id));
    }

    /** 2 / 1 / 0: the UPDATE and the read-back in one transaction. */
    @Override
    public ChildWithParent moveChild(int childId, Integer newParentId) {
        return sessions.atomic("move child", parentKnown(newParentId), s -> {
            FamilyMapper mapper = mapper(s);
            if (mapper.moveChild(childId, newParentId) == 0) {
                throw new NotFoundException("child", childId);
            }
            return mapper.findChild(childId).orElseThrow(() -> new NotFoundException("child", childId));
        });
    }

    /** 1 / 0 / 0: the schema's ON DELETE SET NULL orphans the children in the same statement. */
    @Override
    public boolean deleteParent(int id) {
        return sessions.single("delete parent", Map.of(), s -> mapper(s).deleteParent(id)) > 0;
    }

    /** 1 / 0 / 0. */
    @Override
    public List<JoinRow> join(JoinKind kind) {
        return sessions.single(kind + " join", Map.of(), s -> mapper(s).join(kind));
    }

    /** 1 / 0 / 0. */
    @Override
    public List<ChildrenCount> childrenCounts() {
        return sessions.single("count children", Map.of(), s -> mapper(s).childrenCounts());
    }

    /** What a foreign-key violation refers to: the parent id the caller asked for (possibly null). */
    private static Map<String, Object> parentKnown(Integer parentId) {
        Map<String, Object> known = new HashMap<>();
        known.put("parent", parentId);
        return known;
    }
}
