package dev.sqlstudy.mybatis;

import dev.sqlstudy.domain.Child;
import dev.sqlstudy.domain.ChildWithParent;
import dev.sqlstudy.domain.ChildrenCount;
import dev.sqlstudy.domain.Host;
import dev.sqlstudy.domain.JoinRow;
import dev.sqlstudy.domain.ParentRef;
import javax.sql.DataSource;
import org.apache.ibatis.logging.slf4j.Slf4jImpl;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.AutoMappingBehavior;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;

/**
 * Builds the {@link SqlSessionFactory} from the shared DataSource in plain Java, without Spring and
 * without a {@code mybatis-config.xml}: every setting that matters to the study is here, with why.
 */
final class SessionFactories {

    private SessionFactories() {
    }

    static SqlSessionFactory create(DataSource dataSource) {
        return create(dataSource, new MapperCaches(MyBatisCache.NONE));
    }

    /** With the mapper namespaces' caches {@code caches} builds (off unless it is not {@code NONE}). */
    static SqlSessionFactory create(DataSource dataSource, MapperCaches caches) {
        Environment environment = new Environment("sqlstudy", new JoiningTransactionFactory(), dataSource);
        Configuration configuration = new Configuration(environment);

        // MyBatis's second-level cache is off globally by default (no caching executor, so the
        // namespaces' caches below are never read): the cache decorators of cache-layer are the
        // study's only cache, so the comparison stays honest. A MyBatisCache other than NONE turns
        // it on — the study's "native" cache.
        configuration.setCacheEnabled(!caches.isOff());
        // The first-level (session) cache would answer a repeated select inside one unit of work
        // from memory. STATEMENT scope empties it after every statement: each read is a real read,
        // as it is in raw JDBC.
        configuration.setLocalCacheScope(LocalCacheScope.STATEMENT);
        // Every column is mapped explicitly in the XML; nothing is guessed from column names.
        configuration.setAutoMappingBehavior(AutoMappingBehavior.NONE);
        // Operations choose their executor: SIMPLE here, BATCH where a batch is sent (add_all).
        configuration.setDefaultExecutorType(ExecutorType.SIMPLE);
        // The XML's indentation is not sent: --explain and the logs show one-line SQL.
        configuration.setShrinkWhitespacesInSql(true);
        // Each statement logs under its mapper's name at DEBUG (dev.sqlstudy.mybatis.HostMapper.findById).
        configuration.setLogImpl(Slf4jImpl.class);

        // Short names for the XML's resultMap and parameter types.
        var aliases = configuration.getTypeAliasRegistry();
        aliases.registerAlias("Host", Host.class);
        aliases.registerAlias("Child", Child.class);
        aliases.registerAlias("ParentRef", ParentRef.class);
        aliases.registerAlias("ChildWithParent", ChildWithParent.class);
        aliases.registerAlias("JoinRow", JoinRow.class);
        aliases.registerAlias("ChildrenCount", ChildrenCount.class);
        aliases.registerAlias("HostInsert", HostInsert.class);
        aliases.registerAlias("ParentInsert", ParentInsert.class);
        aliases.registerAlias("ChildInsert", ChildInsert.class);
        aliases.registerAlias("ParentRow", ParentRow.class);

        // One cache per namespace, registered before the XML that refers to it (<cache-ref>).
        configuration.addCache(caches.forNamespace(HostMapper.class.getName()));
        configuration.addCache(caches.forNamespace(FamilyMapper.class.getName()));

        // addMapper reads the XML at the interface's own path: dev/sqlstudy/mybatis/HostMapper.xml.
        configuration.addMapper(HostMapper.class);
        configuration.addMapper(FamilyMapper.class);
        return new SqlSessionFactoryBuilder().build(configuration);
    }
}
