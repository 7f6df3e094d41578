package dev.sqlstudy.stack;

import dev.sqlstudy.cache.CacheKind;
import dev.sqlstudy.cache.CacheSettings;
import dev.sqlstudy.cache.TestCaches;
import dev.sqlstudy.contract.HostRepositoryContract;
import dev.sqlstudy.contract.TestDatabase;
import dev.sqlstudy.db.Database;
import dev.sqlstudy.domain.HostRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole host contract through the cache: a decorated repository is indistinguishable from a bare one. */
@ParameterizedClass(name = "impl={0}, cache={1}, {2}")
@MethodSource("dev.sqlstudy.stack.StackMatrix#cachedLegs")
class CachedHostRepositoryContractIT extends HostRepositoryContract {

    private final Impl impl;
    private final CacheKind cache;
    private Stack stack;

    CachedHostRepositoryContractIT(Impl impl, CacheKind cache, TestDatabase database) {
        super(database);
        this.impl = impl;
        this.cache = cache;
    }

    @Override
    protected HostRepository createRepository(Database database) {
        CacheSettings settings = TestCaches.settings();
        TestCaches.require(cache, settings);
        stack = Stack.over(database, impl, cache, settings);
        return stack.hosts();
    }

    /** Hibernate's own cache drops what a rolled-back unit wrote to (see NativeCacheGuaranteesIT.RollbackAndInvalidateAfterCommit). */
    @Override
    protected boolean rollbackLeavesTheCacheUntouched() {
        return !(impl == Impl.HIBERNATE && cache == CacheKind.NATIVE);
    }

    @AfterEach
    void closeCache() {
        if (stack != null) {
            stack.close();
        }
    }
}
