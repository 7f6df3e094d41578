package dev.sqlstudy.jdbc;

import dev.sqlstudy.domain.Child;
import dev.sqlstudy.domain.ChildWithParent;
import dev.sqlstudy.domain.ChildrenCount;
import dev.sqlstudy.domain.FamilyRepository;
import dev.sqlstudy.domain.JoinKind;
import dev.sqlstudy.domain.JoinRow;
import dev.sqlstudy.domain.NotFoundException;
import dev.sqlstudy.domain.Parent;
import dev.sqlstudy.domain.ParentRef;
import dev.sqlstudy.domain.Rules;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link FamilyRepository} in plain JDBC. A parent with its children is one LEFT JOIN, folded into
 * records by walking the rows in parent order: the SQL an ORM's fetch join generates, by hand.
 */
public final class JdbcFamilyRepository implements FamilyRepository {

    private static final String INSERT_PARENT = "INSERT INTO parent (name) VALUES (?)";
    private static final String INSERT_CHILD = "INSERT INTO child (name, parent_id) VALUES (?, ?)";

    /** LEFT JOIN so that a childless parent still comes back, with no child columns. */
    private static final String PARENTS_WITH_CHILDREN = """
            SELECT p.id AS parent_id, p.name AS parent_name, c.id AS child_id, c.name AS child_name
              FROM parent p
              LEFT JOIN child c ON c.parent_id = p.id
            """;
    private static final String PARENT_WITH_CHILDREN = PARENTS_WITH_CHILDREN + " WHERE p.id = ? ORDER BY c.id";
    private static final String ALL_PARENTS_WITH_CHILDREN = PARENTS_WITH_CHILDREN + " ORDER BY p.id, c.id";

    /** LEFT JOIN again: an orphan has no parent row. */
    private static final String CHILD_WITH_PARENT = """
            SELECT c.id AS child_id, c.name AS child_name, p.id AS parent_id, p.name AS parent_name
              FROM child c
              LEFT JOIN parent p ON p.id = c.parent_id
             WHERE c.id = ?""";
    private static final String MOVE_CHILD = "UPDATE child SET parent_id = ? WHERE id = ?";
    private static final String DELETE_PARENT = "DELETE FROM parent WHERE id = ?";

    private static final String CHILDREN_COUNTS = """
            SELECT p.id AS parent_id, p.name AS parent_name, COUNT(c.id) AS children
              FROM parent p
              LEFT JOIN child c ON c.parent_id = p.id
             GROUP BY p.id, p.name
             ORDER BY p.id""";

    /**
     * The three joins differ only in their keyword. Rows with no parent (a RIGHT join's orphans)
     * sort last: MySQL puts NULLs first in ascending order, so the CASE makes the order explicit.
     */
    private static final Map<JoinKind, String> JOINS = new EnumMap<>(Map.of(
            JoinKind.INNER, join("INNER"),
            JoinKind.LEFT, join("LEFT"),
            JoinKind.RIGHT, join("RIGHT")));

    private static String join(String keyword) {
        return """
                SELECT p.id AS parent_id, p.name AS parent_name, c.id AS child_id, c.name AS child_name
                  FROM parent p
                  %s JOIN child c ON c.parent_id = p.id
                 ORDER BY CASE WHEN p.id IS NULL THEN 1 ELSE 0 END, p.id, c.id""".formatted(keyword);
    }

    private final Connections connections;

    public JdbcFamilyRepository(DataSource dataSource) {
        this.connections = Connections.pooled(dataSource);
    }

    @Override
    public Parent addParent(String name, List<String> childNames) {
        String parentName = Rules.name("parent.name", name);
        List<String> names = childNames.stream().map(n -> Rules.name("child.name", n)).toList();
        return connections.call("add parent", Map.of(), true, c -> {
            int parentId;
            try (PreparedStatement insert = c.prepareStatement(INSERT_PARENT, Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, parentName);
                insert.executeUpdate();
                parentId = generatedKeys(insert).get(0);
            }
            if (names.isEmpty()) {
                return new Parent(parentId, parentName, List.of());
            }
            try (PreparedStatement insert = c.prepareStatement(INSERT_CHILD, Statement.RETURN_GENERATED_KEYS)) {
                for (String childName : names) {
                    insert.setString(1, childName);
                    insert.setInt(2, parentId);
                    insert.addBatch();
                }
                insert.executeBatch();
                List<Integer> ids = generatedKeys(insert);
                List<Child> children = new ArrayList<>();
                for (int i = 0; i < names.size(); i++) {
                    children.add(new Child(ids.get(i), names.get(i)));
                }
                return new Parent(parentId, parentName, children);
            }
        });
    }

    @Override
    public ChildWithParent addChild(String name, Integer parentId) {
        String childName = Rules.name("child.name", name);
        Map<String, Object> known = new HashMap<>();
        known.put("parent", parentId);
        // INSERT, then read the child with its parent's name back, in one transaction. A missing
        // parent is the foreign key's violation, translated; there is no look-up beforehand.
        return connections.call("add child", known, true, c -> {
            int childId;
            try (PreparedStatement insert = c.prepareStatement(INSERT_CHILD, Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, childName);
                insert.setObject(2, parentId, java.sql.Types.INTEGER);
                insert.executeUpdate();
                childId = generatedKeys(insert).get(0);
            }
            return childWithParent(c, childId).orElseThrow();
        });
    }

    @Override
    public Optional<Parent> findParent(int id) {
        return connections.call("find parent", Map.of(), false, c -> {
            List<Parent> found = parents(c, PARENT_WITH_CHILDREN, id);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        });
    }

    @Override
    public List<Parent> listParents() {
        return connections.call("list parents", Map.of(), false, c -> parents(c, ALL_PARENTS_WITH_CHILDREN));
    }

    @Override
    public Optional<ChildWithParent> findChild(int id) {
        return connections.call("find child", Map.of(), false, c -> childWithParent(c, id));
    }

    @Override
    public ChildWithParent moveChild(int childId, Integer newParentId) {
        Map<String, Object> known = new HashMap<>();
        known.put("parent", newParentId);
        return connections.call("move child", known, true, c -> {
            try (PreparedStatement update = c.prepareStatement(MOVE_CHILD)) {
                update.setObject(1, newParentId, java.sql.Types.INTEGER);
                update.setInt(2, childId);
                if (update.executeUpdate() == 0) {
                    throw new NotFoundException("child", childId);
                }
            }
            return childWithParent(c, childId).orElseThrow(() -> new NotFoundException("child", childId));
        });
    }

    @Override
    public boolean deleteParent(int id) {
        // The schema's ON DELETE SET NULL turns the children into orphans in the same statement.
        return connections.call("delete parent", Map.of(), false, c -> {
            try (PreparedStatement delete = c.prepareStatement(DELETE_PARENT)) {
                delete.setInt(1, id);
                return delete.executeUpdate() > 0;
            }
        });
    }

    @Override
    public List<JoinRow> join(JoinKind kind) {
        return connections.call(kind + " join", Map.of(), false, c -> {
            try (PreparedStatement select = c.prepareStatement(JOINS.get(kind)); ResultSet rs = select.executeQuery()) {
                List<JoinRow> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new JoinRow(rs.getObject("parent_id", Integer.class), rs.getString("parent_name"),
                            rs.getObject("child_id", Integer.class), rs.getString("child_name")));
                }
                return rows;
            }
        });
    }

    @Override
    public List<ChildrenCount> childrenCounts() {
        return connections.call("count children", Map.of(), false, c -> {
            try (PreparedStatement select = c.prepareStatement(CHILDREN_COUNTS); ResultSet rs = select.executeQuery()) {
                List<ChildrenCount> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new ChildrenCount(rs.getInt("parent_id"), rs.getString("parent_name"), rs.getLong("children")));
                }
                return rows;
            }
        });
    }

    /** Folds the rows of the parent/child left join, ordered by parent, into parents with children. */
    private static List<Parent> parents(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                List<Parent> parents = new ArrayList<>();
                int currentId = 0;
                String currentName = null;
                List<Child> children = new ArrayList<>();
                while (rs.next()) {
                    int parentId = rs.getInt("parent_id");
                    if (parentId != currentId) {
                        if (currentName != null) {
                            parents.add(new Parent(currentId, currentName, children));
                        }
                        currentId = parentId;
                        currentName = rs.getString("parent_name");
                        children = new ArrayList<>();
                    }
                    Integer childId = rs.getObject("child_id", Integer.class);
                    if (childId != null) {
                        children.add(new Child(childId, rs.getString("child_name")));
                    }
                }
                if (currentName != null) {
                    parents.add(new Parent(currentId, currentName, children));
                }
                return parents;
            }
        }
    }

    private static Optional<ChildWithParent> childWithParent(Connection c, int id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(CHILD_WITH_PARENT)) {
            select.setInt(1, id);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Integer parentId = rs.getObject("parent_id", Integer.class);
                ParentRef parent = parentId == null ? null : new ParentRef(parentId, rs.getString("parent_name"));
                return Optional.of(new ChildWithParent(rs.getInt("child_id"), rs.getString("child_name"), parent));
            }
        }
    }

    private static List<Integer> generatedKeys(Statement statement) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (ResultSet keys = statement.getGeneratedKeys()) {
            while (keys.next()) {
                ids.add(keys.getInt(1));
            }
        }
        return ids;
    }
}
