package dev.sqlstudy.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlstudy.cache.CacheKind;
import dev.sqlstudy.cache.TestCaches;
import dev.sqlstudy.contract.TestDatabase;
import dev.sqlstudy.db.Database;
import dev.sqlstudy.domain.FamilyRepository;
import dev.sqlstudy.domain.HostRepository;
import dev.sqlstudy.domain.Repositories;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@link Stack#over(Database, Impl, CacheKind, dev.sqlstudy.cache.CacheSettings, java.util.function.UnaryOperator)}:
 * the wrapper goes around the outermost repositories (the cache's), the stack still reports the
 * cache's statistics, and closing the stack closes the wrapper — the seam {@code ./study compare}
 * gives its tests.
 */
class StackOverWithWrapperTest {

    @Test
    void over_withWrapper_wrapsTheCacheAndKeepsItsStatistics() {
        Database database = TestDatabase.H2.open();
        AtomicReference<Repositories> wrapped = new AtomicReference<>();
        AtomicBoolean closed = new AtomicBoolean();
        try (Stack stack = Stack.over(database, Impl.JDBC, CacheKind.CAFFEINE, TestCaches.settings(), real -> {
            wrapped.set(real);
            return new Forwarding(real, closed);
        })) {
            stack.reset();
            assertThat(stack.repositories()).isInstanceOf(Forwarding.class);
            assertThat(wrapped.get().getClass().getSimpleName()).as("what the wrapper got").isEqualTo("CachedRepositories");

            stack.hosts().findById(1);
            stack.hosts().findById(1);

            assertThat(stack.cacheStats().misses()).as("the first look-up misses").isEqualTo(1);
            assertThat(stack.cacheStats().hits()).as("the second is a hit").isEqualTo(1);
        }
        assertThat(closed).as("closing the stack closes the wrapper").isTrue();
    }

    @Test
    void over_wrapperThatThrows_closesWhatItOpenedAndPassesTheExceptionOn() {
        Database database = TestDatabase.H2.open();
        assertThatThrownBy(() -> Stack.over(database, Impl.HIBERNATE, CacheKind.NONE, TestCaches.settings(), real -> {
            throw new IllegalArgumentException("not this combination");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("not this combination");
    }

    /** Forwards everything; remembers being closed. */
    private record Forwarding(Repositories real, AtomicBoolean closed) implements Repositories {
        @Override
        public String name() {
            return real.name();
        }

        @Override
        public HostRepository hosts() {
            return real.hosts();
        }

        @Override
        public FamilyRepository families() {
            return real.families();
        }

        @Override
        public void close() {
            closed.set(true);
            real.close();
        }
    }
}
