package dev.sqlstudy.contract;

import dev.sqlstudy.db.Database;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;

/**
 * What both suites share: a fresh copy of the sample data before each test, the table reader and
 * the statement count of one call.
 */
abstract class ContractSupport {

    private final TestDatabase target;
    protected Database database;
    protected Tables tables;

    ContractSupport(TestDatabase target) {
        this.target = target;
    }

    /** Called after the sample data is fresh and before the counter is zeroed. */
    abstract void createRepositoryUnderTest(Database database);

    @BeforeEach
    final void freshSampleData() {
        database = target.open();
        database.reset();
        tables = new Tables(database);
        createRepositoryUnderTest(database);
        database.statements().reset();
    }

    /** The SQL statements {@code call} sends to the database. */
    protected long statementsOf(Runnable call) {
        database.statements().reset();
        call.run();
        return database.statements().statements();
    }

    /** Runs {@code call} and returns its result together with the statements it sent. */
    protected <T> Counted<T> counted(Supplier<T> call) {
        database.statements().reset();
        T result = call.get();
        return new Counted<>(result, database.statements().statements());
    }

    /** A result and the SQL statements it took. */
    protected record Counted<T>(T result, long statements) {
    }
}
