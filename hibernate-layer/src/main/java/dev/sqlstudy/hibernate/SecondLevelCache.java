package dev.sqlstudy.hibernate;

import dev.sqlstudy.domain.NativeCache;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.spi.CachingProvider;
import org.hibernate.SessionFactory;
import org.hibernate.boot.CacheRegionDefinition;
import org.hibernate.boot.CacheRegionDefinition.CacheRegionType;
import org.hibernate.boot.MetadataBuilder;
import org.hibernate.cache.jcache.ConfigSettings;
import org.hibernate.cfg.CacheSettings;
import org.hibernate.cfg.StatisticsSettings;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.model.domain.NavigableRole;
import org.hibernate.stat.Statistics;
import org.hibernate.stat.internal.StatisticsImpl;
import org.hibernate.stat.spi.StatisticsFactory;

/**
 * Hibernate's second-level and query cache as the study configures it, and the {@link NativeCache}
 * window on it. Everything is configured where Hibernate expects it — settings, region definitions,
 * a JCache cache manager — and nothing wraps it.
 */
final class SecondLevelCache implements NativeCache {

    /** Caffeine's provider, named because JCache picks "the" provider only when there is one. */
    static final String CAFFEINE_PROVIDER = "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider";
    private static final String CONFIG = "classpath:dev/sqlstudy/hibernate/second-level-cache.conf";

    private final HibernateCache strategy;
    private final List<BiConsumer<Outcome, String>> listeners = new CopyOnWriteArrayList<>();
    private volatile SessionFactory sessionFactory;

    SecondLevelCache(HibernateCache strategy) {
        this.strategy = strategy;
    }

    /** The settings that switch the caches on, with a cache manager of this session factory's own. */
    Map<String, Object> settings() {
        return Map.of(
                CacheSettings.USE_SECOND_LEVEL_CACHE, true,
                CacheSettings.USE_QUERY_CACHE, true,
                CacheSettings.CACHE_REGION_FACTORY, "jcache",
                // The manager itself, not a provider and URI for Hibernate to look up: a JCache
                // cache manager is JVM-wide per URI, and hibernate.javax.cache.uri must name a class
                // path resource, which is one URI for every session factory. Sharing the regions
                // would let a test that resets the tables with plain SQL read the previous test's
                // rows. Hibernate closes the manager when the session factory closes.
                ConfigSettings.CACHE_MANAGER, cacheManager(),
                // Every region must be in the file: none comes up unbounded and eternal by accident.
                ConfigSettings.MISSING_CACHE_STRATEGY, "fail",
                // The counters behind NativeCache: Statistics, through a factory that also reports
                // each hit, miss and put to the listeners (--explain).
                StatisticsSettings.GENERATE_STATISTICS, true,
                StatisticsSettings.STATS_BUILDER, (StatisticsFactory) ObservedStatistics::new);
    }

    /**
     * A new Caffeine cache manager whose regions are configured by {@code second-level-cache.conf}.
     * The provider is named because JCache picks "the" provider only when there is one; the URI's
     * fragment makes the manager, and so its regions, new (Caffeine reads the file from the path).
     */
    private static CacheManager cacheManager() {
        CachingProvider provider = Caching.getCachingProvider(CAFFEINE_PROVIDER, SecondLevelCache.class.getClassLoader());
        return provider.getCacheManager(URI.create(CONFIG + "#" + UUID.randomUUID()), SecondLevelCache.class.getClassLoader());
    }

    /**
     * Caches the three entities and the one-to-many list with the chosen strategy, in regions of
     * their own (named in {@code second-level-cache.conf}). A definition here instead of
     * {@code @Cache} on the entities keeps the cache a choice of the session factory: the default
     * factory caches nothing.
     */
    MetadataBuilder applyRegions(MetadataBuilder builder) {
        String usage = strategy.accessType().getExternalName();
        return builder
                .applyCacheRegionDefinition(new CacheRegionDefinition(CacheRegionType.ENTITY,
                        HostEntity.class.getName(), usage, "sqlstudy-host", true))
                .applyCacheRegionDefinition(new CacheRegionDefinition(CacheRegionType.ENTITY,
                        ParentEntity.class.getName(), usage, "sqlstudy-parent", true))
                .applyCacheRegionDefinition(new CacheRegionDefinition(CacheRegionType.ENTITY,
                        ChildEntity.class.getName(), usage, "sqlstudy-child", true))
                .applyCacheRegionDefinition(new CacheRegionDefinition(CacheRegionType.COLLECTION,
                        ParentEntity.class.getName() + ".children", usage, "sqlstudy-parent-children", true));
    }

    void startedWith(SessionFactory factory) {
        this.sessionFactory = factory;
    }

    @Override
    public String name() {
        return "hibernate-l2 " + strategy;
    }

    /** Entity, collection and query cache together (Hibernate counts them apart). */
    @Override
    public Counters counters() {
        Statistics statistics = sessionFactory.getStatistics();
        return new Counters(
                statistics.getSecondLevelCacheHitCount() + statistics.getQueryCacheHitCount(),
                statistics.getSecondLevelCacheMissCount() + statistics.getQueryCacheMissCount(),
                statistics.getSecondLevelCachePutCount() + statistics.getQueryCachePutCount());
    }

    @Override
    public AutoCloseable onEvent(BiConsumer<Outcome, String> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void clear() {
        sessionFactory.getCache().evictAllRegions();
    }

    private void report(Outcome outcome, String what) {
        for (BiConsumer<Outcome, String> listener : listeners) {
            listener.accept(outcome, what);
        }
    }

    /** Hibernate's own statistics, which also tell the listeners what they count. */
    private final class ObservedStatistics extends StatisticsImpl {

        ObservedStatistics(SessionFactoryImplementor factory) {
            super(factory);
        }

        @Override
        public void entityCacheHit(NavigableRole entity, String region) {
            super.entityCacheHit(entity, region);
            report(Outcome.HIT, region + " " + simpleName(entity));
        }

        @Override
        public void entityCacheMiss(NavigableRole entity, String region) {
            super.entityCacheMiss(entity, region);
            report(Outcome.MISS, region + " " + simpleName(entity));
        }

        @Override
        public void entityCachePut(NavigableRole entity, String region) {
            super.entityCachePut(entity, region);
            report(Outcome.PUT, region + " " + simpleName(entity));
        }

        @Override
        public void collectionCacheHit(NavigableRole collection, String region) {
            super.collectionCacheHit(collection, region);
            report(Outcome.HIT, region);
        }

        @Override
        public void collectionCacheMiss(NavigableRole collection, String region) {
            super.collectionCacheMiss(collection, region);
            report(Outcome.MISS, region);
        }

        @Override
        public void collectionCachePut(NavigableRole collection, String region) {
            super.collectionCachePut(collection, region);
            report(Outcome.PUT, region);
        }

        @Override
        public void queryCacheHit(String hql, String region) {
            super.queryCacheHit(hql, region);
            report(Outcome.HIT, region + " " + oneLine(hql));
        }

        @Override
        public void queryCacheMiss(String hql, String region) {
            super.queryCacheMiss(hql, region);
            report(Outcome.MISS, region + " " + oneLine(hql));
        }

        @Override
        public void queryCachePut(String hql, String region) {
            super.queryCachePut(hql, region);
            report(Outcome.PUT, region + " " + oneLine(hql));
        }

        private String simpleName(NavigableRole entity) {
            String name = entity.getFullPath();
            return name.substring(name.lastIndexOf('.') + 1);
        }

        private String oneLine(String hql) {
            return hql.replaceAll("\\s+", " ").strip();
        }
    }
}
