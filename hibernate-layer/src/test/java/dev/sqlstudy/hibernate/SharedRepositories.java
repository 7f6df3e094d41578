package dev.sqlstudy.hibernate;

import dev.sqlstudy.db.Database;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link HibernateRepositories} per test database, built on first use: a session factory
 * holds no data (no second-level cache), so the contract's fresh sample data before each test is
 * all the isolation it needs, and building and validating it once is enough.
 */
final class SharedRepositories {

    private static final Map<Database, HibernateRepositories> BUILT = new ConcurrentHashMap<>();

    private SharedRepositories() {
    }

    static HibernateRepositories on(Database database) {
        return BUILT.computeIfAbsent(database, db -> new HibernateRepositories(db.dataSource()));
    }
}
