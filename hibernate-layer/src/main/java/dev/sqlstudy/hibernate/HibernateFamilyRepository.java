package dev.sqlstudy.hibernate;

import dev.sqlstudy.domain.ChildWithParent;
import dev.sqlstudy.domain.ChildrenCount;
import dev.sqlstudy.domain.FamilyRepository;
import dev.sqlstudy.domain.JoinKind;
import dev.sqlstudy.domain.JoinRow;
import dev.sqlstudy.domain.NotFoundException;
import dev.sqlstudy.domain.Parent;
import dev.sqlstudy.domain.Rules;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.SessionFactory;

/**
 * {@link FamilyRepository} with Hibernate: the one-to-many as mapped entities, read with fetch
 * joins so that a parent and its children, or a child and its parent, are one SELECT; the joins and
 * the GROUP BY as HQL projections straight into the domain records.
 */
public final class HibernateFamilyRepository implements FamilyRepository {

    /**
     * {@code left join fetch}: the children come in the same SELECT as their parent instead of one
     * more SELECT when the lazy list is first read. LEFT so that a childless parent is found too.
     * Hibernate returns the parent once even though the SQL has one row per child.
     */
    private static final String PARENT_WITH_CHILDREN =
            "select p from ParentEntity p left join fetch p.children where p.id = :id";

    /**
     * The same fetch join over every parent: one SELECT in all, never 1 + N (one per parent's
     * list). Hibernate de-duplicates the parents (no DISTINCT needed since Hibernate 6) and appends
     * the list's {@code @OrderBy}, so the SQL ends in {@code ORDER BY p.id, c.id}. No pagination
     * here: with a collection fetch it would page in memory.
     */
    private static final String ALL_PARENTS_WITH_CHILDREN =
            "select p from ParentEntity p left join fetch p.children order by p.id";

    /**
     * {@code left join fetch} on the lazy many-to-one: the parent's name in the same SELECT,
     * instead of a proxy that loads it with a second one. LEFT so that an orphan is found too.
     */
    private static final String CHILD_WITH_PARENT =
            "select c from ChildEntity c left join fetch c.parent where c.id = :id";

    private static final String DELETE_PARENT = "delete from ParentEntity p where p.id = :id";

    /** {@code count(c.id)} counts no row for a childless parent, whose one joined row has no child. */
    private static final String CHILDREN_COUNTS = """
            select new dev.sqlstudy.domain.ChildrenCount(p.id, p.name, count(c.id))
              from ParentEntity p left join p.children c
             group by p.id, p.name
             order by p.id""";

    /**
     * Plain joins (no fetch): rows, not entities, projected into the record. The three differ only
     * in their keyword. {@code nulls last} puts a RIGHT join's orphans after every parent's rows;
     * Hibernate writes it as a CASE on MySQL, which sorts NULLs first and has no NULLS LAST.
     */
    private static final Map<JoinKind, String> JOINS = new EnumMap<>(Map.of(
            JoinKind.INNER, join("inner"),
            JoinKind.LEFT, join("left"),
            JoinKind.RIGHT, join("right")));

    private static String join(String keyword) {
        return """
                select new dev.sqlstudy.domain.JoinRow(p.id, p.name, c.id, c.name)
                  from ParentEntity p %s join p.children c
                 order by p.id asc nulls last, c.id asc""".formatted(keyword);
    }

    /*
     * The reads' queries are marked cacheable (a no-op unless the query cache is on, see
     * HibernateCache); the query inside moveChild is a write's and is not.
     */
    private final Sessions sessions;

    public HibernateFamilyRepository(SessionFactory sessionFactory) {
        this.sessions = Sessions.perCall(sessionFactory);
    }

    @Override
    public Parent addParent(String name, List<String> childNames) {
        String parentName = Rules.name("parent.name", name);
        List<String> names = childNames.stream().map(n -> Rules.name("child.name", n)).toList();
        // persist cascades to the new children (CascadeType.PERSIST): the parent's INSERT, then one
        // INSERT per child in list order — IDENTITY ids cannot be batched (see README).
        return sessions.write("add parent", Map.of(), session -> {
            ParentEntity parent = new ParentEntity(parentName);
            names.forEach(childName -> parent.addChild(new ChildEntity(childName)));
            session.persist(parent);
            session.flush();
            return parent.toRecord();
        });
    }

    @Override
    public ChildWithParent addChild(String name, Integer parentId) {
        String childName = Rules.name("child.name", name);
        Map<String, Object> known = new HashMap<>();
        known.put("parent", parentId);
        return sessions.write("add child", known, session -> {
            ChildEntity child = new ChildEntity(childName);
            // getReference: a proxy holding only the id, no SELECT. A missing parent is the foreign
            // key's violation at INSERT, translated; there is no look-up beforehand.
            child.moveTo(parentId == null ? null : session.getReference(ParentEntity.class, parentId));
            session.persist(child);
            // Reading the parent's name loads the proxy: INSERT + SELECT, like raw JDBC.
            return child.toRecord();
        });
    }

    @Override
    public Optional<Parent> findParent(int id) {
        return sessions.read("find parent", session -> session.createSelectionQuery(PARENT_WITH_CHILDREN, ParentEntity.class).setCacheable(true)
                .setParameter("id", id)
                .uniqueResultOptional()
                .map(ParentEntity::toRecord));
    }

    @Override
    public List<Parent> listParents() {
        return sessions.read("list parents", session -> session.createSelectionQuery(ALL_PARENTS_WITH_CHILDREN, ParentEntity.class).setCacheable(true)
                .getResultList().stream()
                .map(ParentEntity::toRecord)
                .toList());
    }

    @Override
    public Optional<ChildWithParent> findChild(int id) {
        return sessions.read("find child", session -> session.createSelectionQuery(CHILD_WITH_PARENT, ChildEntity.class).setCacheable(true)
                .setParameter("id", id)
                .uniqueResultOptional()
                .map(ChildEntity::toRecord));
    }

    @Override
    public ChildWithParent moveChild(int childId, Integer newParentId) {
        Map<String, Object> known = new HashMap<>();
        known.put("parent", newParentId);
        // Load the child with its current parent (one SELECT), point it at the new one (a proxy,
        // no SELECT), flush: one UPDATE of child.parent_id — the owning side is all that is
        // written. A missing parent is the foreign key's violation, translated. Then the new
        // parent's name: one more SELECT. Three statements where raw JDBC's UPDATE + SELECT is two.
        return sessions.write("move child", known, session -> {
            ChildEntity child = session.createSelectionQuery(CHILD_WITH_PARENT, ChildEntity.class)
                    .setParameter("id", childId)
                    .uniqueResultOptional()
                    .orElseThrow(() -> new NotFoundException("child", childId));
            child.moveTo(newParentId == null ? null : session.getReference(ParentEntity.class, newParentId));
            session.flush();
            return child.toRecord();
        });
    }

    @Override
    public boolean deleteParent(int id) {
        // One DELETE; the schema's ON DELETE SET NULL orphans the children in the same statement.
        // Not session.remove(parent): that loads the parent first, and with a cascade of REMOVE (or
        // orphanRemoval) on the list would delete the children instead of orphaning them. The
        // database changes child rows behind Hibernate's back, so no child may be in this
        // persistence context: the session is fresh, and Sessions.mutate clears it afterwards.
        return sessions.write("delete parent", Map.of(),
                session -> Sessions.mutate(session, DELETE_PARENT, Map.of("id", id))) > 0;
    }

    @Override
    public List<JoinRow> join(JoinKind kind) {
        return sessions.read(kind + " join", session -> session.createSelectionQuery(JOINS.get(kind), JoinRow.class).setCacheable(true)
                .getResultList());
    }

    @Override
    public List<ChildrenCount> childrenCounts() {
        return sessions.read("count children", session -> session.createSelectionQuery(CHILDREN_COUNTS, ChildrenCount.class).setCacheable(true)
                .getResultList());
    }
}
