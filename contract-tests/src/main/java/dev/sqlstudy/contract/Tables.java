package dev.sqlstudy.contract;

import dev.sqlstudy.db.Database;
import dev.sqlstudy.domain.Host;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What is really in the tables, read with plain JDBC below the statement counter: write tests check
 * the table, not the implementation's own account of what it wrote.
 */
public final class Tables {

    /** A {@code child} row as stored: {@code parentId} is null for an orphan. */
    public record ChildRow(int id, String name, Integer parentId) {
    }

    /** A {@code parent} row as stored. */
    public record ParentRow(int id, String name) {
    }

    private final Database database;

    public Tables(Database database) {
        this.database = database;
    }

    public List<Host> hosts() {
        return query("SELECT id, hostname, ip_addr, port FROM hosts ORDER BY id",
                rs -> new Host(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
    }

    public List<ParentRow> parents() {
        return query("SELECT id, name FROM parent ORDER BY id", rs -> new ParentRow(rs.getInt(1), rs.getString(2)));
    }

    public List<ChildRow> children() {
        return query("SELECT id, name, parent_id FROM child ORDER BY id",
                rs -> new ChildRow(rs.getInt(1), rs.getString(2), (Integer) rs.getObject(3, Integer.class)));
    }

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, RowMapper<T> mapper) {
        try (Connection connection = database.uncountedDataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rs = statement.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the tables failed: " + e.getMessage(), e);
        }
    }
}
