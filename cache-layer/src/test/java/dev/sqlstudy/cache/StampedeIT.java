package dev.sqlstudy.cache;

import static dev.sqlstudy.contract.SampleData.UBUNTU;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlstudy.domain.Host;
import dev.sqlstudy.domain.HostRepository;
import dev.sqlstudy.jdbc.JdbcHostRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Many threads miss one key at once: the database is read once, and every thread gets that row. */
@ParameterizedClass(name = "cache={0}")
@MethodSource("dev.sqlstudy.cache.TestCaches#decorators")
class StampedeIT extends CacheTestSupport {

    private static final int THREADS = 16;

    StampedeIT(CacheKind cache) {
        super(cache);
    }

    @Test
    void findById_sixteenThreadsMissAtOnce_oneDatabaseLoad() throws Exception {
        PausingHostRepository db = new PausingHostRepository(new JdbcHostRepository(database.dataSource()));
        HostRepository cachedHosts = new CachingHostRepository(db, cached.backend());
        // The first load holds after its read until every thread has asked: they all pile up on it.
        db.pauseNextRead();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Optional<Host>>> results = new ArrayList<>();
            CountDownLatch asked = new CountDownLatch(THREADS);
            for (int i = 0; i < THREADS; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    asked.countDown();
                    return cachedHosts.findById(2);
                }));
            }
            database.statements().reset();
            start.countDown();
            db.awaitRead();
            assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(200);
            db.release();
            for (Future<Optional<Host>> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).contains(UBUNTU);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.reads()).as("database loads").isEqualTo(1);
        assertThat(database.statements().statements()).as("SQL statements").isEqualTo(1);
        assertThat(cached.stats().loads()).isEqualTo(1);
    }
}
