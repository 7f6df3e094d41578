package dev.sqlstudy.db.errors;

import dev.sqlstudy.domain.DatabaseUnavailableException;
import dev.sqlstudy.domain.DuplicateException;
import dev.sqlstudy.domain.NewHost;
import dev.sqlstudy.domain.NotFoundException;
import dev.sqlstudy.domain.PersistenceException;
import dev.sqlstudy.domain.StudyException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a driver's {@link SQLException} into the domain's exception. The kind of failure is read
 * from the vendor error code and SQLState, never from message text; the one thing no JDBC API
 * reports — which unique constraint was hit — is found by looking for our own constraint names
 * in the driver's message, as Hibernate's {@code ViolatedConstraintNameExtractor} does. Constraint
 * names contain underscores, which no valid hostname or IP literal can, so user data in the
 * message can never be mistaken for one. MySQL 8+ qualifies the key with its table ({@code for key
 * 'hosts.uk_hosts_hostname'}), MariaDB does not ({@code for key 'uk_hosts_hostname'}): looking for
 * the name inside the message reads both.
 */
public final class SqlErrors {

    // H2 ErrorCode constants and MySQL/MariaDB server error numbers.
    private static final int H2_DUPLICATE_KEY = 23505;
    private static final int H2_PARENT_MISSING = 23506;
    private static final int MYSQL_DUP_ENTRY = 1062;
    private static final int MYSQL_DUP_ENTRY_WITH_KEY_NAME = 1586;
    private static final int MYSQL_NO_REFERENCED_ROW = 1216;
    private static final int MYSQL_NO_REFERENCED_ROW_2 = 1452;
    private static final int H2_CONNECTION_BROKEN = 90067;
    private static final int H2_DATABASE_CLOSED = 90098;
    private static final int H2_DATABASE_IN_USE = 90020;
    private static final int H2_CALLED_AT_SHUTDOWN = 90121;
    /** MySQL's "Server shutdown in progress". */
    private static final int MYSQL_SERVER_SHUTDOWN = 1053;
    /**
     * "Query execution was interrupted": MySQL stopping ({@code docker stop}, a shutdown) cuts the
     * statements in flight with it, where MariaDB just closes the connection (a state 08 error).
     * The caller sees the same outage either way; {@code DatabaseOutageIT} shows it on both servers.
     */
    private static final int MYSQL_QUERY_INTERRUPTED = 1317;

    /**
     * The unique constraints on {@code hosts}, by the field a duplicate error names; kept in step
     * with the migrations ({@code db-support/src/main/resources/db/migration}).
     */
    static final Map<String, String> HOSTS_UNIQUE_CONSTRAINTS = Map.of(
            "uk_hosts_hostname", "hostname",
            "uk_hosts_ip_addr", "ip_addr");

    private SqlErrors() {
    }

    /**
     * @param action what was being done, for the message ("add host")
     * @param e      the driver's exception (a batch's chain is followed)
     * @param known  what the caller knows that the error may refer to: the values of
     *               {@code hostname} and {@code ip_addr} for a duplicate ({@link #hostValues});
     *               {@code parent} for a missing parent's id
     */
    public static StudyException translate(String action, SQLException e, Map<String, ?> known) {
        for (SQLException sql : chain(e)) {
            int code = sql.getErrorCode();
            String state = sql.getSQLState();
            if (code == H2_DUPLICATE_KEY || code == MYSQL_DUP_ENTRY || code == MYSQL_DUP_ENTRY_WITH_KEY_NAME) {
                String field = violatedField(sql);
                return new DuplicateException(field, duplicateValue(sql, known.get(field)), e);
            }
            if (code == H2_PARENT_MISSING || code == MYSQL_NO_REFERENCED_ROW || code == MYSQL_NO_REFERENCED_ROW_2) {
                return new NotFoundException("parent", known.get("parent"), e);
            }
            if (isUnavailable(sql, code, state)) {
                return new DatabaseUnavailableException("database unavailable (" + action + "): " + oneLine(rootMessage(e)), e);
            }
        }
        return new PersistenceException(action + " failed: " + oneLine(e.getMessage()), e);
    }

    public static StudyException translate(String action, SQLException e) {
        return translate(action, e, Map.of());
    }

    /** What {@link #translate} may name when the insert or update of {@code host} clashes. */
    public static Map<String, ?> hostValues(NewHost host) {
        return Map.of("hostname", host.hostname(), "ip_addr", host.ipAddr());
    }

    /**
     * What {@link #translate} may name when a batch of {@code hosts} clashes: every row's hostname
     * and ip_addr, of which the driver's message says which one it was (see {@link #duplicateValue}).
     */
    public static Map<String, ?> hostValues(List<NewHost> hosts) {
        return Map.of("hostname", hosts.stream().map(NewHost::hostname).toList(),
                "ip_addr", hosts.stream().map(NewHost::ipAddr).toList());
    }

    /**
     * The value that clashed. For one row the caller knows it. For a batch the caller knows one
     * candidate per row and no JDBC API says which row failed (MySQL's rewritten multi-row INSERT
     * fails as a whole), but MySQL, MariaDB and H2 all quote the value in the message
     * (MySQL's {@code Duplicate entry 'ubuntu' for key …}, H2's {@code … VALUES (… 'ubuntu' )}): so,
     * as with the constraint name, we look for the values we know, quoted, and take the one found
     * only when it is the only one. Null when that is not certain.
     */
    private static String duplicateValue(SQLException sql, Object known) {
        if (!(known instanceof Collection<?> candidates)) {
            return known == null ? null : known.toString();
        }
        String message = String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT);
        List<String> quoted = candidates.stream()
                .map(String::valueOf)
                .distinct()
                .filter(value -> message.contains("'" + value.toLowerCase(Locale.ROOT) + "'"))
                .toList();
        return quoted.size() == 1 ? quoted.get(0) : null;
    }

    /** True when the failure is the connection's, not the statement's. */
    static boolean isUnavailable(SQLException sql, int code, String state) {
        return (state != null && state.startsWith("08"))
                || sql instanceof SQLTransientConnectionException
                || sql instanceof SQLNonTransientConnectionException
                || sql instanceof SQLRecoverableException
                || sql instanceof SQLTimeoutException
                || code == H2_CONNECTION_BROKEN || code == H2_DATABASE_CLOSED
                || code == H2_DATABASE_IN_USE || code == H2_CALLED_AT_SHUTDOWN
                || code == MYSQL_SERVER_SHUTDOWN || code == MYSQL_QUERY_INTERRUPTED;
    }

    private static String violatedField(SQLException sql) {
        String message = String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> constraint : HOSTS_UNIQUE_CONSTRAINTS.entrySet()) {
            if (message.contains(constraint.getKey())) {
                return constraint.getValue();
            }
        }
        return "key";
    }

    /** The exception, its causes, and a batch's next exceptions, in that order. */
    private static Iterable<SQLException> chain(SQLException first) {
        java.util.List<SQLException> all = new java.util.ArrayList<>();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>();
        todo.add(first);
        while (!todo.isEmpty() && all.size() < 32) {
            Throwable t = todo.poll();
            if (t == null || !seen.add(t)) {
                continue;
            }
            if (t instanceof SQLException sql) {
                all.add(sql);
                if (sql.getNextException() != null) {
                    todo.add(sql.getNextException());
                }
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
        }
        return all;
    }

    /** The deepest cause's message, with the outer one in brackets when they differ. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return root == e ? message : message + " (" + e.getMessage() + ")";
    }

    /** {@code message} on one line: what a one-line {@code error:} may show. */
    public static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
