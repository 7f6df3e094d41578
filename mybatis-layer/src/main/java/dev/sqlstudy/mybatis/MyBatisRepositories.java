package dev.sqlstudy.mybatis;

import dev.sqlstudy.domain.FamilyRepository;
import dev.sqlstudy.domain.HostRepository;
import dev.sqlstudy.domain.Repositories;
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

    public MyBatisRepositories(DataSource dataSource) {
        SqlSessionFactory factory = SessionFactories.create(dataSource);
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

    @Override
    public void close() {
    }
}
