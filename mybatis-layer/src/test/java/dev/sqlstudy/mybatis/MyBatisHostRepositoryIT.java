package dev.sqlstudy.mybatis;

import dev.sqlstudy.contract.HostRepositoryContract;
import dev.sqlstudy.contract.TestDatabase;
import dev.sqlstudy.db.Database;
import dev.sqlstudy.domain.HostRepository;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "impl=MyBatis, {0}")
@EnumSource(TestDatabase.class)
class MyBatisHostRepositoryIT extends HostRepositoryContract {

    MyBatisHostRepositoryIT(TestDatabase database) {
        super(database);
    }

    @Override
    protected HostRepository createRepository(Database database) {
        return new MyBatisHostRepository(database.dataSource());
    }
}
