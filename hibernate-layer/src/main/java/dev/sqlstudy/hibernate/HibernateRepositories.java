package dev.sqlstudy.hibernate;

import dev.sqlstudy.domain.FamilyRepository;
import dev.sqlstudy.domain.HostRepository;
import dev.sqlstudy.domain.NativeCache;
import dev.sqlstudy.domain.Repositories;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataBuilder;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.BatchSettings;
import org.hibernate.cfg.CacheSettings;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.SchemaToolingSettings;

/**
 * The Hibernate repositories over one DataSource. Builds a {@link SessionFactory} — without Spring,
 * without {@code persistence.xml} — and closes it on {@link #close()}; the pool stays its owner's.
 */
public final class HibernateRepositories implements Repositories {

    private final SessionFactory sessionFactory;
    private final SecondLevelCache secondLevelCache;
    private final HostRepository hosts;
    private final FamilyRepository families;

    /**
     * Builds the session factory: the dialect is detected from a connection (H2, or MySQL/MariaDB
     * from the server's version string), and the mapping is validated against the Flyway schema.
     *
     * @param dataSource the shared pool, connections in auto-commit as {@code db-support} makes them
     */
    public HibernateRepositories(DataSource dataSource) {
        this(dataSource, HibernateCache.NONE);
    }

    /**
     * With Hibernate's own second-level and query cache ({@code --cache native} is
     * {@link HibernateCache#READ_WRITE}); {@link HibernateCache#NONE} is the constructor above.
     */
    public HibernateRepositories(DataSource dataSource, HibernateCache cache) {
        this(dataSource, cache, Map.of());
    }

    /** With extra or overriding Hibernate settings: for the measurements in the tests. */
    HibernateRepositories(DataSource dataSource, Map<String, Object> overrides) {
        this(dataSource, HibernateCache.NONE, overrides);
    }

    private HibernateRepositories(DataSource dataSource, HibernateCache cache, Map<String, Object> overrides) {
        this.secondLevelCache = cache == HibernateCache.NONE ? null : new SecondLevelCache(cache);
        this.sessionFactory = buildSessionFactory(dataSource, secondLevelCache, overrides);
        if (secondLevelCache != null) {
            secondLevelCache.startedWith(sessionFactory);
        }
        this.hosts = new HibernateHostRepository(sessionFactory);
        this.families = new HibernateFamilyRepository(sessionFactory);
    }

    /** The settings this study runs Hibernate with, each with its reason. */
    static Map<String, Object> settings(DataSource dataSource) {
        Map<String, Object> settings = new HashMap<>();
        // The pool comes from db-support: Hibernate borrows connections, never opens its own.
        settings.put(JdbcSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        // No dialect named: Hibernate reads the product and version from the connection's metadata
        // and picks the matching dialect (H2, MySQL); MariaDB behind the MySQL driver needs help.
        settings.put(JdbcSettings.DIALECT_RESOLVERS, MariaDbDialectResolver.class.getName());
        // Flyway owns the schema. validate checks every table, column and type the entities map and
        // fails the start-up on a mismatch; it never creates or alters anything.
        settings.put(SchemaToolingSettings.HBM2DDL_AUTO, "validate");
        // The cache decorators are the only cache: no second-level or query cache behind them
        // (unless the repositories are opened with a HibernateCache: see SecondLevelCache).
        settings.put(CacheSettings.USE_SECOND_LEVEL_CACHE, false);
        settings.put(CacheSettings.USE_QUERY_CACHE, false);
        // Batching of writes flushed together. It cannot batch INSERTs of IDENTITY entities — every
        // entity here — because each INSERT must run to return its id; it does batch UPDATEs and
        // DELETEs of several entities in one flush, ordered by entity so batches are not broken up.
        settings.put(BatchSettings.STATEMENT_BATCH_SIZE, 50);
        settings.put(BatchSettings.ORDER_INSERTS, true);
        settings.put(BatchSettings.ORDER_UPDATES, true);
        // Reading a statement's warnings after it ran can cost the MySQL driver a SHOW WARNINGS
        // round trip; the study reports errors, not warnings.
        settings.put(JdbcSettings.LOG_JDBC_WARNINGS, false);
        return settings;
    }

    private static SessionFactory buildSessionFactory(DataSource dataSource, SecondLevelCache cache,
                                                      Map<String, Object> overrides) {
        Map<String, Object> settings = settings(dataSource);
        if (cache != null) {
            settings.putAll(cache.settings());
        }
        settings.putAll(overrides);
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
        try {
            MetadataBuilder metadata = new MetadataSources(registry)
                    .addAnnotatedClass(HostEntity.class)
                    .addAnnotatedClass(ParentEntity.class)
                    .addAnnotatedClass(ChildEntity.class)
                    .getMetadataBuilder();
            if (cache != null) {
                cache.applyRegions(metadata);
            }
            return metadata.build().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw HibernateErrors.translate("start Hibernate", e, Map.of());
        }
    }

    @Override
    public String name() {
        return "hibernate";
    }

    @Override
    public HostRepository hosts() {
        return hosts;
    }

    @Override
    public FamilyRepository families() {
        return families;
    }

    /** Hibernate's second-level cache, when these repositories were opened with one. */
    @Override
    public Optional<NativeCache> nativeCache() {
        return Optional.ofNullable(secondLevelCache);
    }

    /** The session factory, for tests that look under the repositories. */
    SessionFactory sessionFactory() {
        return sessionFactory;
    }

    @Override
    public void close() {
        sessionFactory.close();
    }
}
