package dev.sqlstudy.mybatis;

import dev.sqlstudy.contract.FamilyRepositoryContract;
import dev.sqlstudy.contract.TestDatabase;
import dev.sqlstudy.db.Database;
import dev.sqlstudy.domain.FamilyRepository;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "impl=MyBatis, {0}")
@EnumSource(TestDatabase.class)
class MyBatisFamilyRepositoryIT extends FamilyRepositoryContract {

    MyBatisFamilyRepositoryIT(TestDatabase database) {
        super(database);
    }

    @Override
    protected FamilyRepository createRepository(Database database) {
        return new MyBatisFamilyRepository(database.dataSource());
    }
}
