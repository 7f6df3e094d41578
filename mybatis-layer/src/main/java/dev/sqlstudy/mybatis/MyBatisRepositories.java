package dev.sqlstudy.mybatis;

import dev.sqlstudy.domain.FamilyRepository;
import dev.sqlstudy.domain.HostRepository;
import dev.sqlstudy.domain.NativeCache;
import dev.sqlstudy.domain.Repositories;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * The MyBatis repositories over one DataSource, sharing one {@link SqlSessionFactory} (built once:
 * it parses the mapper XML). Nothing to close: the factory holds no connection between calls, and
 * the pool belongs to whoever made it.
 */
public final class MyBatisRepositories implements Repositories {

    private final MyBatisHostRepository hosts;
    private final MyBatisFamilyRepository families;
    private final MapperCaches caches;

    public MyBatisRepositories(DataSource dataSource) {
        this(dataSource, MyBatisCache.NONE);
    }

    /**
     * With MyBatis's own cache on every mapper namespace ({@code --cache native} is
     * {@link MyBatisCache#LOCAL}); {@link MyBatisCache#NONE} is the constructor above.
     */
    public MyBatisRepositories(DataSource dataSource, MyBatisCache cache) {
        this.caches = new MapperCaches(cache);
        SqlSessionFactory factory = SessionFactories.create(dataSource, caches);
        this.hosts = new MyBatisHostRepository(factory);
        this.families = new MyBatisFamilyRepository(factory);
    }

    @Override
    public String name() {
        return "mybatis";
    }

    @Override
    public HostRepository hosts() {
        return hosts;
    }

    @Override
    public FamilyRepository families() {
        return families;
    }

    /** The mapper namespaces' caches, when these repositories were opened with them. */
    @Override
    public Optional<NativeCache> nativeCache() {
        return caches.isOff() ? Optional.empty() : Optional.of(caches);
    }

    @Override
    public void close() {
    }
}
