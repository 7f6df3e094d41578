package dev.sqlstudy.jdbc;

import dev.sqlstudy.db.errors.SqlErrors;
import dev.sqlstudy.domain.Host;
import dev.sqlstudy.domain.HostChanges;
import dev.sqlstudy.domain.HostColumn;
import dev.sqlstudy.domain.HostOperations;
import dev.sqlstudy.domain.HostPage;
import dev.sqlstudy.domain.NewHost;
import dev.sqlstudy.domain.NotFoundException;
import dev.sqlstudy.domain.Rules;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every host operation in plain JDBC, over whichever {@link Connections} it is given: the
 * repository's (a pooled connection per call) or a unit of work's.
 */
class JdbcHosts implements HostOperations {

    private static final String COLUMNS = "id, hostname, ip_addr, port";

    private static final String INSERT = """
            INSERT INTO hosts (hostname, ip_addr, port) VALUES (?, ?, ?)""";
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM hosts WHERE id = ?";
    private static final String BY_HOSTNAME = "SELECT " + COLUMNS + " FROM hosts WHERE hostname = ?";
    private static final String BY_IP_ADDR = "SELECT " + COLUMNS + " FROM hosts WHERE ip_addr = ?";
    private static final String HOSTNAMES = """
            SELECT hostname AS name FROM hosts ORDER BY id""";
    private static final String UPDATE = """
            UPDATE hosts
               SET hostname = COALESCE(?, hostname),
                   ip_addr  = COALESCE(?, ip_addr),
                   port     = COALESCE(?, port)
             WHERE id = ?""";
    private static final String UPDATE_PORT_ID_GT = "UPDATE hosts SET port = ? WHERE id > ?";
    private static final String DELETE = "DELETE FROM hosts WHERE id = ?";
    private static final String DELETE_ID_GT = "DELETE FROM hosts WHERE id > ?";
    private static final String COUNT = "SELECT COUNT(*) FROM hosts";

    /**
     * One fixed statement per order-by column and direction: the ORDER BY clause comes from this
     * table, keyed by the enum, and never from user text. Ties are broken by id, ascending.
     */
    private static final Map<HostColumn, String> PAGE_ASC = new EnumMap<>(HostColumn.class);
    private static final Map<HostColumn, String> PAGE_DESC = new EnumMap<>(HostColumn.class);

    static {
        for (HostColumn column : HostColumn.values()) {
            String tieBreak = column == HostColumn.ID ? "" : ", id ASC";
            PAGE_ASC.put(column, "SELECT " + COLUMNS + " FROM hosts ORDER BY " + column.column() + " ASC" + tieBreak
                    + " LIMIT ? OFFSET ?");
            PAGE_DESC.put(column, "SELECT " + COLUMNS + " FROM hosts ORDER BY " + column.column() + " DESC" + tieBreak
                    + " LIMIT ? OFFSET ?");
        }
    }

    private final Connections connections;

    JdbcHosts(Connections connections) {
        this.connections = connections;
    }

    @Override
    public Host add(NewHost host) {
        return connections.call("add host", SqlErrors.hostValues(host), false, c -> {
            try (PreparedStatement insert = c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
                bind(insert, host);
                insert.executeUpdate();
                return host.withId(generatedKeys(insert, 1).get(0));
            }
        });
    }

    @Override
    public List<Host> addAll(List<NewHost> hosts) {
        if (hosts.isEmpty()) {
            return List.of();
        }
        // One JDBC batch in one transaction. MySQL's driver rewrites it into a single multi-row
        // INSERT (rewriteBatchedStatements), so the batch is one round trip and atomic by itself;
        // the transaction makes it all-or-nothing on H2 too.
        return connections.call("add hosts", SqlErrors.hostValues(hosts), true, c -> {
            try (PreparedStatement insert = c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
                for (NewHost host : hosts) {
                    bind(insert, host);
                    insert.addBatch();
                }
                insert.executeBatch();
                List<Integer> ids = generatedKeys(insert, hosts.size());
                List<Host> added = new ArrayList<>(hosts.size());
                for (int i = 0; i < hosts.size(); i++) {
                    added.add(hosts.get(i).withId(ids.get(i)));
                }
                return List.copyOf(added);
            }
        });
    }

    @Override
    public Optional<Host> findById(int id) {
        return connections.call("find host", Map.of(), false, c -> queryOne(c, BY_ID, id));
    }

    @Override
    public Optional<Host> findByHostname(String hostname) {
        String normalized = Rules.hostname(hostname);
        return connections.call("find host", Map.of(), false, c -> queryOne(c, BY_HOSTNAME, normalized));
    }

    @Override
    public Optional<Host> findByIpAddr(String ipAddr) {
        String canonical = Rules.ipAddr(ipAddr);
        return connections.call("find host", Map.of(), false, c -> queryOne(c, BY_IP_ADDR, canonical));
    }

    @Override
    public List<Host> findByHostnameIn(Collection<String> hostnames) {
        List<String> names = Rules.hostnames(hostnames);
        if (names.isEmpty()) {
            return List.of();
        }
        // One placeholder per name: the statement's shape depends on the list's size only.
        String sql = "SELECT " + COLUMNS + " FROM hosts WHERE hostname IN ("
                + String.join(", ", Collections.nCopies(names.size(), "?")) + ") ORDER BY id";
        return connections.call("find hosts", Map.of(), false, c -> query(c, sql, names.toArray()));
    }

    @Override
    public List<Host> list(HostPage page) {
        String sql = (page.descending() ? PAGE_DESC : PAGE_ASC).get(page.orderBy());
        return connections.call("list hosts", Map.of(), false, c -> query(c, sql, page.limit(), page.offset()));
    }

    @Override
    public List<String> hostnames() {
        return connections.call("list host names", Map.of(), false, c -> {
            try (PreparedStatement select = c.prepareStatement(HOSTNAMES); ResultSet rs = select.executeQuery()) {
                List<String> names = new ArrayList<>();
                while (rs.next()) {
                    names.add(rs.getString("name"));
                }
                return names;
            }
        });
    }

    @Override
    public Host update(int id, HostChanges changes) {
        if (changes.isEmpty()) {
            return findById(id).orElseThrow(() -> new NotFoundException("host", id));
        }
        Map<String, Object> known = new java.util.HashMap<>();
        if (changes.hostname() != null) {
            known.put("hostname", changes.hostname());
        }
        if (changes.ipAddr() != null) {
            known.put("ip_addr", changes.ipAddr());
        }
        // UPDATE, then read the row back, in one transaction: what we return is what committed.
        return connections.call("update host", known, true, c -> {
            try (PreparedStatement update = c.prepareStatement(UPDATE)) {
                update.setString(1, changes.hostname());
                update.setString(2, changes.ipAddr());
                update.setObject(3, changes.port(), java.sql.Types.INTEGER);
                update.setInt(4, id);
                // Connector/J reports rows matched, not rows changed (useAffectedRows=false), so an
                // update to the same values still counts as found.
                if (update.executeUpdate() == 0) {
                    throw new NotFoundException("host", id);
                }
            }
            return queryOne(c, BY_ID, id).orElseThrow(() -> new NotFoundException("host", id));
        });
    }

    @Override
    public int updatePortWhereIdGreaterThan(int id, int port) {
        int validPort = Rules.port(port);
        return connections.call("update ports", Map.of(), false, c -> executeUpdate(c, UPDATE_PORT_ID_GT, validPort, id));
    }

    @Override
    public boolean delete(int id) {
        return connections.call("delete host", Map.of(), false, c -> executeUpdate(c, DELETE, id)) > 0;
    }

    @Override
    public int deleteWhereIdGreaterThan(int id) {
        return connections.call("delete hosts", Map.of(), false, c -> executeUpdate(c, DELETE_ID_GT, id));
    }

    @Override
    public long count() {
        return connections.call("count hosts", Map.of(), false, c -> {
            try (PreparedStatement select = c.prepareStatement(COUNT); ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static void bind(PreparedStatement insert, NewHost host) throws SQLException {
        insert.setString(1, host.hostname());
        insert.setString(2, host.ipAddr());
        insert.setInt(3, host.port());
    }

    private static List<Integer> generatedKeys(Statement statement, int expected) throws SQLException {
        List<Integer> ids = new ArrayList<>(expected);
        try (ResultSet keys = statement.getGeneratedKeys()) {
            while (keys.next()) {
                ids.add(keys.getInt(1));
            }
        }
        if (ids.size() != expected) {
            throw new SQLException("expected " + expected + " generated keys, the driver returned " + ids.size());
        }
        return ids;
    }

    private static Optional<Host> queryOne(Connection c, String sql, Object parameter) throws SQLException {
        List<Host> found = query(c, sql, parameter);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<Host> query(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                List<Host> hosts = new ArrayList<>();
                while (rs.next()) {
                    hosts.add(new Host(rs.getInt("id"), rs.getString("hostname"), rs.getString("ip_addr"), rs.getInt("port")));
                }
                return hosts;
            }
        }
    }

    private static int executeUpdate(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}
