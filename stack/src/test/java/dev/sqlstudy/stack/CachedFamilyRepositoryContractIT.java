package dev.sqlstudy.stack;

import dev.sqlstudy.cache.CacheKind;
import dev.sqlstudy.cache.CacheSettings;
import dev.sqlstudy.cache.TestCaches;
import dev.sqlstudy.contract.FamilyRepositoryContract;
import dev.sqlstudy.contract.TestDatabase;
import dev.sqlstudy.db.Database;
import dev.sqlstudy.domain.FamilyRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole family contract through the cache: a decorated repository is indistinguishable from a bare one. */
@ParameterizedClass(name = "impl={0}, cache={1}, {2}")
@MethodSource("dev.sqlstudy.stack.StackMatrix#cachedLegs")
class CachedFamilyRepositoryContractIT extends FamilyRepositoryContract {

    private final Impl impl;
    private final CacheKind cache;
    private Stack stack;

    CachedFamilyRepositoryContractIT(Impl impl, CacheKind cache, TestDatabase database) {
        super(database);
        this.impl = impl;
        this.cache = cache;
    }

    @Override
    protected FamilyRepository createRepository(Database database) {
        CacheSettings settings = TestCaches.settings();
        TestCaches.require(cache, settings);
        stack = Stack.over(database, impl, cache, settings);
        return stack.families();
    }

    @AfterEach
    void closeCache() {
        if (stack != null) {
            stack.close();
        }
    }
}
