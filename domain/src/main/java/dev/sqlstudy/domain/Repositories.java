package dev.sqlstudy.domain;

/**
 * One implementation's repositories over one database — what the CLI and the benchmark pick with
 * {@code --impl}, and what a cache decorator wraps. Closing it releases what the implementation
 * holds (a session factory, a cache client), never the database's pool, which its owner closes.
 */
public interface Repositories extends AutoCloseable {

    /** A short name for output and test names: {@code jdbc}, {@code mybatis}, {@code hibernate}. */
    String name();

    HostRepository hosts();

    FamilyRepository families();

    @Override
    void close();
}
