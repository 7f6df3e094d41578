package dev.sqlstudy.cache;

import static dev.sqlstudy.contract.SampleData.UBUNTU;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlstudy.cache.caffeine.CaffeineBackend;
import dev.sqlstudy.contract.TestDatabase;
import dev.sqlstudy.db.Database;
import dev.sqlstudy.jdbc.JdbcRepositories;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Caffeine hit allocates nothing: no key, no list, no map, no lambda per call — what lets a
 * cached point read cost about what a bare Caffeine read costs. Counted with the JVM's per-thread
 * allocation counter over many hits (the benchmark's {@code -prof gc} shows the same as
 * {@code gc.alloc.rate.norm}). No event listener here: an event per hit is allocation by design.
 */
class HitAllocationTest {

    private static final int HITS = 100_000;

    private Database database;
    private CachedRepositories cached;

    @BeforeEach
    void freshDataAndCache() {
        database = TestDatabase.H2.open();
        database.reset();
        cached = new CachedRepositories(new JdbcRepositories(database.dataSource()), CaffeineBackend.create());
    }

    @AfterEach
    void closeCache() {
        cached.close();
    }

    @Test
    void findById_caffeineHit_allocatesNothing() {
        assertThat(cached.hosts().findById(2)).contains(UBUNTU);

        assertThat(bytesPerCall(() -> cached.hosts().findById(2))).as("bytes allocated per hit").isLessThan(1.0);
        assertThat(cached.stats().hits()).as("every call after the first").isEqualTo(2L * HITS);
        assertThat(cached.stats().misses()).isEqualTo(1);
    }

    @Test
    void findParent_caffeineHit_allocatesNothing() {
        cached.families().findParent(1);

        assertThat(bytesPerCall(() -> cached.families().findParent(1))).as("bytes allocated per hit").isLessThan(1.0);
    }

    /** The bytes this thread allocates per call of {@code call}, after as many calls to warm it up. */
    private static double bytesPerCall(Runnable call) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        for (int i = 0; i < HITS; i++) {
            call.run();
        }
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < HITS; i++) {
            call.run();
        }
        // One object per call would show as 16 bytes or more; one in the whole loop as 0.0002.
        return (double) (threads.getThreadAllocatedBytes(thread) - before) / HITS;
    }
}
