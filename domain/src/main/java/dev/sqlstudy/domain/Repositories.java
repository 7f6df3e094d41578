package dev.sqlstudy.domain;

import java.util.Optional;

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

    /** The framework's own cache when the implementation was opened with it; empty otherwise. */
    default Optional<NativeCache> nativeCache() {
        return Optional.empty();
    }

    @Override
    void close();
}
