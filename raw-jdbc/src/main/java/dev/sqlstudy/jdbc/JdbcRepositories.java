package dev.sqlstudy.jdbc;

import dev.sqlstudy.domain.FamilyRepository;
import dev.sqlstudy.domain.HostRepository;
import dev.sqlstudy.domain.Repositories;
import javax.sql.DataSource;

/** The raw-JDBC repositories over one DataSource. Nothing to close: JDBC holds no state between calls. */
public final class JdbcRepositories implements Repositories {

    private final HostRepository hosts;
    private final FamilyRepository families;

    public JdbcRepositories(DataSource dataSource) {
        this.hosts = new JdbcHostRepository(dataSource);
        this.families = new JdbcFamilyRepository(dataSource);
    }

    @Override
    public String name() {
        return "jdbc";
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
