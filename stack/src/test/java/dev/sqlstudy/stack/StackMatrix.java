package dev.sqlstudy.stack;

import dev.sqlstudy.cache.CacheKind;
import dev.sqlstudy.contract.TestDatabase;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The product the cached contract runs over — {@link Impl} × {@link CacheKind} × database, the
 * same axes the CLI and the benchmark take — named like {@code impl=jdbc, cache=memcached, db=MariaDB}.
 * A new constant on either axis joins every leg here; impossible combinations ({@code jdbc ×
 * native}: raw JDBC has no cache of its own) are dropped. The bare implementations
 * ({@code cache=none}) run their contract in their own modules.
 */
final class StackMatrix {

    private StackMatrix() {
    }

    /** Every cache — the decorators and the implementation's own — but the impossible jdbc × native. */
    static Stream<Arguments> cachedLegs() {
        return Arrays.stream(Impl.values()).flatMap(impl ->
                Arrays.stream(CacheKind.values()).filter(cache -> cache != CacheKind.NONE && impl.supports(cache))
                        .flatMap(cache -> TestDatabase.matrix().stream().map(db -> Arguments.of(impl, cache, db))));
    }
}
