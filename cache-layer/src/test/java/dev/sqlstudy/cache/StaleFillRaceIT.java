package dev.sqlstudy.cache;

import static dev.sqlstudy.contract.SampleData.UBUNTU;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlstudy.domain.Host;
import dev.sqlstudy.domain.HostChanges;
import dev.sqlstudy.domain.HostRepository;
import dev.sqlstudy.jdbc.JdbcHostRepository;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stale-fill race, forced step by step: a reader misses and reads host 2 from the database
 * (port 20000); before it fills the cache, a writer commits port 2222 and invalidates; then the
 * reader's fill arrives. A naive cache-aside stores the old row after the invalidation and serves
 * it until it expires; the decorators' leases refuse that fill.
 */
@ParameterizedClass(name = "cache={0}")
@MethodSource("dev.sqlstudy.cache.TestCaches#decorators")
class StaleFillRaceIT extends CacheTestSupport {

    StaleFillRaceIT(CacheKind cache) {
        super(cache);
    }

    /** Cache-aside as it is usually written: get, else load and put; a write deletes after commit. */
    static final class NaiveCacheAside {
        private final HostRepository delegate;
        private final Map<Integer, Optional<Host>> cache = new ConcurrentHashMap<>();

        NaiveCacheAside(HostRepository delegate) {
            this.delegate = delegate;
        }

        Optional<Host> findById(int id) {
            Optional<Host> cached = cache.get(id);
            if (cached != null) {
                return cached;
            }
            Optional<Host> loaded = delegate.findById(id);
            cache.put(id, loaded);
            return loaded;
        }

        Host update(int id, HostChanges changes) {
            Host stored = delegate.update(id, changes);
            cache.remove(id);
            return stored;
        }
    }

    private PausingHostRepository pausing() {
        return new PausingHostRepository(new JdbcHostRepository(database.dataSource()));
    }

    @Test
    void naiveCacheAside_fillAfterTheWritersInvalidation_servesTheOldRowAfterTheCommit() throws Exception {
        PausingHostRepository db = pausing();
        NaiveCacheAside naive = new NaiveCacheAside(db);
        db.pauseNextRead();
        CompletableFuture<Optional<Host>> reader = CompletableFuture.supplyAsync(() -> naive.findById(2));
        db.awaitRead();
        naive.update(2, HostChanges.none().withPort(2222));
        db.release();
        reader.get(10, TimeUnit.SECONDS);

        assertThat(tables.hosts().get(1).port()).as("the table").isEqualTo(2222);
        assertThat(naive.findById(2)).as("the naive cache, after the commit").contains(UBUNTU);
    }

    @Test
    void findById_fillAfterTheWritersInvalidation_isRefused() throws Exception {
        PausingHostRepository db = pausing();
        HostRepository cachedHosts = new CachingHostRepository(db, cached.backend());
        db.pauseNextRead();
        CompletableFuture<Optional<Host>> reader = CompletableFuture.supplyAsync(() -> cachedHosts.findById(2));
        db.awaitRead();
        Host committed = cachedHosts.update(2, HostChanges.none().withPort(2222));
        db.release();
        assertThat(reader.get(10, TimeUnit.SECONDS)).as("the racing reader read before the commit").contains(UBUNTU);

        assertThat(cachedHosts.findById(2)).as("after the commit").contains(committed);
        assertThat(statementsOf(() -> assertThat(cachedHosts.findById(2)).contains(committed)))
                .as("and the fresh row is what got cached").isZero();
    }

    @Test
    void findById_fillAfterABulkUpdatesGenerationBump_isNeverRead() throws Exception {
        PausingHostRepository db = pausing();
        HostRepository cachedHosts = new CachingHostRepository(db, cached.backend());
        db.pauseNextRead();
        CompletableFuture<Optional<Host>> reader = CompletableFuture.supplyAsync(() -> cachedHosts.findById(2));
        db.awaitRead();
        cachedHosts.updatePortWhereIdGreaterThan(1, 2222);
        db.release();
        reader.get(10, TimeUnit.SECONDS);

        assertThat(cachedHosts.findById(2)).hasValueSatisfying(h -> assertThat(h.port()).isEqualTo(2222));
    }

    @Test
    void findById_startedAfterTheCommit_neverJoinsALoadThatBeganBeforeIt() throws Exception {
        PausingHostRepository db = pausing();
        HostRepository cachedHosts = new CachingHostRepository(db, cached.backend());
        db.pauseNextRead();
        CompletableFuture<Optional<Host>> early = CompletableFuture.supplyAsync(() -> cachedHosts.findById(2));
        db.awaitRead();
        Host committed = cachedHosts.update(2, HostChanges.none().withPort(2222));
        // The writer reads its own write while the early load is still in flight.
        assertThat(cachedHosts.findById(2)).contains(committed);
        db.release();
        early.get(10, TimeUnit.SECONDS);
    }
}
