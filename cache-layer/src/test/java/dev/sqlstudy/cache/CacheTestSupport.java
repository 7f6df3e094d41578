package dev.sqlstudy.cache;

import dev.sqlstudy.contract.Tables;
import dev.sqlstudy.contract.TestDatabase;
import dev.sqlstudy.db.Database;
import dev.sqlstudy.domain.FamilyRepository;
import dev.sqlstudy.domain.HostRepository;
import dev.sqlstudy.jdbc.JdbcRepositories;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the cache-specific tests share: the sample data on H2 (their subject is the cache, not the
 * database), a fresh cache of the kind under test in front of raw JDBC, the SQL statements a call
 * sends, and every cache event it caused.
 */
abstract class CacheTestSupport {

    protected final CacheKind cache;
    protected Database database;
    protected Tables tables;
    protected CachedRepositories cached;
    protected HostRepository hosts;
    protected FamilyRepository families;
    protected final List<CacheEvent> events = new CopyOnWriteArrayList<>();

    CacheTestSupport(CacheKind cache) {
        this.cache = cache;
    }

    @BeforeEach
    final void freshDataAndCache() {
        database = TestDatabase.H2.open();
        database.reset();
        tables = new Tables(database);
        cached = new CachedRepositories(new JdbcRepositories(database.dataSource()), TestCaches.open(cache));
        cached.onEvent(events::add);
        hosts = cached.hosts();
        families = cached.families();
        database.statements().reset();
    }

    @AfterEach
    final void closeCache() {
        // null when the leg was skipped (no memcached or database here) before the cache opened
        if (cached != null) {
            cached.close();
        }
    }

    /** The SQL statements {@code call} sends. */
    protected long statementsOf(Runnable call) {
        database.statements().reset();
        call.run();
        return database.statements().statements();
    }

    /** The events since the last call, as {@code --explain} prints them, then forgets them. */
    protected List<String> drainEvents() {
        List<String> seen = events.stream().map(CacheEvent::toString).toList();
        events.clear();
        return seen;
    }
}
