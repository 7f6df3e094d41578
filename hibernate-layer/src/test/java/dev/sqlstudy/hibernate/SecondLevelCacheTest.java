package dev.sqlstudy.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;
import dev.sqlstudy.contract.TestDatabase;
import dev.sqlstudy.db.Database;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import javax.cache.CacheManager;
import org.hibernate.cache.jcache.internal.JCacheRegionFactory;
import org.hibernate.cache.spi.RegionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;

/**
 * How {@link HibernateCache} configures Hibernate's second-level cache: on Caffeine's JCache, every
 * region bounded and expiring like the Caffeine decorator, entries held by reference (no Java
 * serialisation), and a cache manager of each session factory's own.
 */
class SecondLevelCacheTest {

    private static final List<String> DOMAIN_REGIONS = List.of("sqlstudy-host", "sqlstudy-parent", "sqlstudy-child",
            "sqlstudy-parent-children", "default-query-results-region");

    private final Database database = TestDatabase.H2.open();

    private static CacheManager cacheManager(HibernateRepositories repositories) {
        RegionFactory regions = repositories.sessionFactory().unwrap(SessionFactoryImplementor.class)
                .getServiceRegistry().getService(RegionFactory.class);
        return ((JCacheRegionFactory) regions).getCacheManager();
    }

    @Test
    void readWrite_everyRegion_isBoundedExpiresAfterFiveMinutesAndHoldsEntriesByReference() {
        try (HibernateRepositories repositories = new HibernateRepositories(database.dataSource(), HibernateCache.READ_WRITE)) {
            CacheManager manager = cacheManager(repositories);
            for (String region : DOMAIN_REGIONS) {
                CaffeineConfiguration<?, ?> configuration = manager.getCache(region).getConfiguration(CaffeineConfiguration.class);
                assertThat(configuration.getMaximumSize()).as(region).isEqualTo(OptionalLong.of(10_000));
                assertThat(configuration.getExpireAfterWrite()).as(region).isEqualTo(OptionalLong.of(Duration.ofMinutes(5).toNanos()));
                assertThat(configuration.isStoreByValue()).as(region + ": no copy, so no Java serialisation").isFalse();
            }
            assertThat(manager.getCache("default-update-timestamps-region").getConfiguration(CaffeineConfiguration.class)
                    .getExpireAfterWrite()).as("table timestamps never expire").isEmpty();
        }
    }

    @Test
    void twoSessionFactories_haveACacheManagerEach() {
        try (HibernateRepositories one = new HibernateRepositories(database.dataSource(), HibernateCache.READ_WRITE);
             HibernateRepositories other = new HibernateRepositories(database.dataSource(), HibernateCache.NONSTRICT_READ_WRITE)) {
            assertThat(cacheManager(one)).isNotSameAs(cacheManager(other));
            assertThat(cacheManager(one).getURI()).isNotEqualTo(cacheManager(other).getURI());
        }
    }

    @Test
    void none_isTheDefault_andHasNoNativeCache() {
        try (HibernateRepositories repositories = new HibernateRepositories(database.dataSource())) {
            assertThat(repositories.nativeCache()).isEmpty();
            assertThat(repositories.sessionFactory().getSessionFactoryOptions().isSecondLevelCacheEnabled()).isFalse();
        }
    }
}
