package dev.sqlstudy.stack;

import dev.sqlstudy.db.Database;
import dev.sqlstudy.domain.FamilyRepository;
import dev.sqlstudy.domain.HostRepository;
import dev.sqlstudy.domain.Repositories;

/**
 * One open stack: a migrated database, an implementation over it and, optionally, a cache in
 * front. Closing it closes what it opened, cache and implementation first.
 */
public final class Stack implements AutoCloseable {

    private final Database database;
    private final Impl impl;
    private final Repositories repositories;
    private final boolean ownsDatabase;

    private Stack(Database database, Impl impl, Repositories repositories, boolean ownsDatabase) {
        this.database = database;
        this.impl = impl;
        this.repositories = repositories;
        this.ownsDatabase = ownsDatabase;
    }

    /**
     * Opens the database (pool + Flyway; sample data on a fresh one) and the implementation on it.
     *
     * @throws dev.sqlstudy.domain.DatabaseUnavailableException if the database cannot be reached
     */
    public static Stack open(DbTarget target, Impl impl) {
        Database database = Database.open(target.config());
        try {
            return new Stack(database, impl, impl.open(database.dataSource()), true);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * An implementation over a database someone else owns and closes (the benchmark shares one
     * database across the stacks it measures).
     */
    public static Stack over(Database database, Impl impl) {
        return new Stack(database, impl, impl.open(database.dataSource()), false);
    }

    public Database database() {
        return database;
    }

    public Impl impl() {
        return impl;
    }

    public HostRepository hosts() {
        return repositories.hosts();
    }

    public FamilyRepository families() {
        return repositories.families();
    }

    @Override
    public void close() {
        try {
            repositories.close();
        } finally {
            if (ownsDatabase) {
                database.close();
            }
        }
    }

    @Override
    public String toString() {
        return "impl=" + impl + ", db=" + database.vendor();
    }
}
