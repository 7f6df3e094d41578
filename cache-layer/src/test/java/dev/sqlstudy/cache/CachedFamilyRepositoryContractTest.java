package dev.sqlstudy.cache;

import dev.sqlstudy.contract.FamilyRepositoryContract;
import dev.sqlstudy.contract.TestDatabase;
import dev.sqlstudy.db.Database;
import dev.sqlstudy.domain.FamilyRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole family contract through the cache: a decorated repository is indistinguishable from a bare one. */
@ParameterizedClass(name = "{0}, {1}, {2}")
@MethodSource("dev.sqlstudy.cache.CacheMatrix#legs")
class CachedFamilyRepositoryContractTest extends FamilyRepositoryContract {

    private final Implementation impl;
    private final CacheLeg cache;
    private CachedRepositories repositories;

    CachedFamilyRepositoryContractTest(Implementation impl, CacheLeg cache, TestDatabase database) {
        super(database);
        this.impl = impl;
        this.cache = cache;
    }

    @Override
    protected FamilyRepository createRepository(Database database) {
        repositories = new CachedRepositories(impl.open(database.dataSource()), cache.open());
        return repositories.families();
    }

    @AfterEach
    void closeCache() {
        if (repositories != null) {
            repositories.close();
        }
    }
}
