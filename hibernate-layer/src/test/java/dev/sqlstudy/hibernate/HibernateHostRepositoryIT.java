package dev.sqlstudy.hibernate;

import dev.sqlstudy.contract.HostRepositoryContract;
import dev.sqlstudy.contract.TestDatabase;
import dev.sqlstudy.db.Database;
import dev.sqlstudy.domain.HostRepository;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "impl=Hibernate, {0}")
@EnumSource(TestDatabase.class)
class HibernateHostRepositoryIT extends HostRepositoryContract {

    HibernateHostRepositoryIT(TestDatabase database) {
        super(database);
    }

    @Override
    protected HostRepository createRepository(Database database) {
        return new HibernateHostRepository(SharedRepositories.on(database).sessionFactory());
    }
}
