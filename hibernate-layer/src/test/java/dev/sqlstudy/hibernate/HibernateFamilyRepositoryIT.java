package dev.sqlstudy.hibernate;

import dev.sqlstudy.contract.FamilyRepositoryContract;
import dev.sqlstudy.contract.TestDatabase;
import dev.sqlstudy.db.Database;
import dev.sqlstudy.domain.FamilyRepository;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "impl=Hibernate, {0}")
@EnumSource(TestDatabase.class)
class HibernateFamilyRepositoryIT extends FamilyRepositoryContract {

    HibernateFamilyRepositoryIT(TestDatabase database) {
        super(database);
    }

    @Override
    protected FamilyRepository createRepository(Database database) {
        return new HibernateFamilyRepository(SharedRepositories.on(database).sessionFactory());
    }
}
