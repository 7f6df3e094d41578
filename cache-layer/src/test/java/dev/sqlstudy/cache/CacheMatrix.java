package dev.sqlstudy.cache;

import dev.sqlstudy.contract.TestDatabase;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The product the contract runs over: implementation × cache × database, named like
 * {@code impl=JDBC, cache=MEMCACHED, db=MariaDB}.
 */
final class CacheMatrix {

    private CacheMatrix() {
    }

    /** The databases of the cache matrix (the container leg belongs to db-container's suite). */
    static final List<TestDatabase> DATABASES = List.of(TestDatabase.H2, TestDatabase.MARIADB);

    static Stream<Arguments> legs() {
        return Arrays.stream(Implementation.values()).flatMap(impl ->
                Arrays.stream(CacheLeg.values()).flatMap(cache ->
                        DATABASES.stream().map(db -> Arguments.of(impl, cache, db))));
    }

    /** The cache-specific tests: both caches, on H2 (their subject is the cache, not the database). */
    static Stream<Arguments> caches() {
        return Arrays.stream(CacheLeg.values()).map(Arguments::of);
    }
}
