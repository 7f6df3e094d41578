package dev.sqlstudy.bench;

import dev.sqlstudy.db.Database;
import dev.sqlstudy.domain.Child;
import dev.sqlstudy.domain.NewHost;
import dev.sqlstudy.domain.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The data every benchmark trial starts from: the sample data, 1,000 more hosts (the first 100 are
 * the hot set the look-ups cycle through), one parent with 100 children and 46 parents with three
 * each (50 parents in all). A sized workload shapes the families to its size: the parent-with-
 * children workloads get a big family of that many children; the all-parents workloads get that
 * many parents in all (the sample's three and small families of three, no big family). Loaded
 * below the statement counter, so it never shows in a count.
 */
final class BenchData {

    static final int BENCH_HOSTS = 1_000;
    static final int HOT_SET = 100;
    static final int IN_LIST = 16;
    static final int PAGE = 20;
    static final int BIG_FAMILY = 100;
    static final int SMALL_FAMILY = 3;
    /** Parents in all in the standard shape: the sample's three, the big family and 46 small ones. */
    static final int STANDARD_PARENTS = 50;
    /** Parents of the sample data (Mary, John, Eve). */
    static final int SAMPLE_PARENTS = 3;

    private final int[] hotIds;
    private final String[] hotHostnames;
    private final int lastSeededHostId;
    private final int bigParentId;
    private final List<Child> bigChildren;
    private final int maxPageOffset;
    private final String[] benchHostnames;

    private BenchData(int[] hotIds, String[] hotHostnames, int lastSeededHostId, int bigParentId,
                      List<Child> bigChildren, int hostCount) {
        this.benchHostnames = new String[BENCH_HOSTS];
        for (int i = 0; i < BENCH_HOSTS; i++) {
            benchHostnames[i] = hostname(i);
        }
        this.hotIds = hotIds;
        this.hotHostnames = hotHostnames;
        this.lastSeededHostId = lastSeededHostId;
        this.bigParentId = bigParentId;
        this.bigChildren = List.copyOf(bigChildren);
        this.maxPageOffset = Math.max(0, hostCount - PAGE);
    }

    /** Resets the database to the sample data and adds the benchmark's rows, standard shape. */
    static BenchData load(Database database) {
        return load(database, BIG_FAMILY, STANDARD_PARENTS);
    }

    /** The data for one workload at one size (null: a workload without a size). */
    static BenchData load(Database database, Workload workload, Integer size) {
        return switch (workload) {
            case PARENT_WITH_100_CHILDREN, PARENT_NAIVE -> load(database, size, STANDARD_PARENTS);
            case ALL_PARENTS, ALL_PARENTS_NAIVE -> load(database, 0, size);
            default -> load(database);
        };
    }

    /**
     * @param bigFamily    children of the big family; 0 for none
     * @param totalParents parents in all, the sample's three included
     */
    private static BenchData load(Database database, int bigFamily, int totalParents) {
        database.reset();
        DataSource raw = database.uncountedDataSource();
        try (Connection connection = raw.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO hosts (hostname, ip_addr, port) VALUES (?, ?, ?)")) {
                for (int i = 0; i < BENCH_HOSTS; i++) {
                    insert.setString(1, hostname(i));
                    insert.setString(2, "10.0." + (i / 256) + "." + (i % 256));
                    insert.setInt(3, 22);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement parent = connection.prepareStatement(
                    "INSERT INTO parent (name) VALUES (?)", Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement child = connection.prepareStatement(
                         "INSERT INTO child (name, parent_id) VALUES (?, ?)")) {
                int smallFamilies = totalParents - SAMPLE_PARENTS - (bigFamily > 0 ? 1 : 0);
                for (int p = bigFamily > 0 ? 0 : 1; p <= smallFamilies; p++) {
                    boolean big = p == 0;
                    parent.setString(1, big ? "Big family" : "Family " + p);
                    parent.executeUpdate();
                    int parentId;
                    try (ResultSet keys = parent.getGeneratedKeys()) {
                        keys.next();
                        parentId = keys.getInt(1);
                    }
                    int children = big ? bigFamily : SMALL_FAMILY;
                    for (int c = 1; c <= children; c++) {
                        child.setString(1, (big ? "Big child " : "Child " + p + ".") + c);
                        child.setInt(2, parentId);
                        child.addBatch();
                    }
                    child.executeBatch();
                }
            }
            connection.commit();

            int[] hotIds = new int[HOT_SET];
            String[] hotNames = new String[HOT_SET];
            int last;
            int count;
            try (Statement query = connection.createStatement()) {
                try (ResultSet rows = query.executeQuery(
                        "SELECT id, hostname FROM hosts WHERE hostname LIKE 'bench-%' ORDER BY id")) {
                    int i = 0;
                    last = 0;
                    while (rows.next()) {
                        if (i < HOT_SET) {
                            hotIds[i] = rows.getInt(1);
                            hotNames[i] = rows.getString(2);
                        }
                        last = rows.getInt(1);
                        i++;
                    }
                }
                try (ResultSet rows = query.executeQuery("SELECT COUNT(*) FROM hosts")) {
                    rows.next();
                    count = rows.getInt(1);
                }
                int bigId;
                List<Child> bigChildren = new ArrayList<>();
                try (ResultSet rows = query.executeQuery(
                        "SELECT p.id, c.id, c.name FROM parent p JOIN child c ON c.parent_id = p.id"
                                + " WHERE p.name = 'Big family' ORDER BY c.id")) {
                    bigId = 0;
                    while (rows.next()) {
                        bigId = rows.getInt(1);
                        bigChildren.add(new Child(rows.getInt(2), rows.getString(3)));
                    }
                }
                connection.commit();
                connection.setAutoCommit(true);
                return new BenchData(hotIds, hotNames, last, bigId, bigChildren, count);
            }
        } catch (SQLException e) {
            throw new PersistenceException("cannot load the benchmark data: " + e.getMessage(), e);
        }
    }

    static String hostname(int i) {
        return String.format("bench-%04d.example", i);
    }

    /** The {@code n}-th key of the hot set, in a fixed order that visits every key. */
    int hotId(long n) {
        return hotIds[hotIndex(n)];
    }

    String hotHostname(long n) {
        return hotHostnames[hotIndex(n)];
    }

    /**
     * {@code count} consecutive host names starting at a rotating position: from the hot set when
     * it holds that many, else from all 1,000 benchmark hosts.
     */
    List<String> hostnames(long n, int count) {
        String[] from = count <= HOT_SET ? hotHostnames : benchHostnames;
        int start = (int) (n % from.length);
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(from[(start + i) % from.length]);
        }
        return names;
    }

    /** The offset of the {@code n}-th page of 20, cycling through the first 25 pages. */
    int pageOffset(long n) {
        return Math.min(maxPageOffset, (int) (n % 25) * PAGE);
    }

    /**
     * The {@code n}-th id no row has — above every seeded host, a new one each call — for the
     * look-up that always misses: nothing inserts during that workload.
     */
    int absentId(long n) {
        return Math.toIntExact(lastSeededHostId + 1 + n);
    }

    int lastSeededHostId() {
        return lastSeededHostId;
    }

    int bigParentId() {
        return bigParentId;
    }

    List<Child> bigChildren() {
        return bigChildren;
    }

    private static int hotIndex(long n) {
        // A stride coprime with 100 visits every key once per 100 calls, never the same twice in a row.
        return (int) ((n * 37) % HOT_SET);
    }

    /**
     * The {@code batch}-th set of {@code size} new hosts: names and addresses no seeded row uses
     * ({@code 11.x.y.z}), unique within a trial.
     */
    static List<NewHost> newHosts(long batch, int size) {
        List<NewHost> hosts = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            long n = (batch * size + i) & 0xFF_FFFFL;
            hosts.add(new NewHost("ins-" + batch + "-" + i + ".example",
                    "11." + (n >> 16) + "." + ((n >> 8) & 0xFF) + "." + (n & 0xFF), 22));
        }
        return hosts;
    }
}
