package dev.sqlstudy.cache;

import dev.sqlstudy.contract.services.TestServices;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The caches of the test matrix, from the one cache axis {@link CacheKind}: a fresh, empty cache
 * per test (a new key prefix on the shared servers), and the skip-or-fail rule when a cache's server
 * is not there ({@link TestServices}). The servers are {@code STUDY_TEST_MEMCACHED} (default
 * {@value CacheSettings#DEFAULT_MEMCACHED}) and {@code STUDY_TEST_REDIS} (default
 * {@value CacheSettings#DEFAULT_REDIS}), loopback only. Published in this module's test jar, so
 * the stack's matrix and the fault suite use the same helper.
 */
public final class TestCaches {

    /** Generous: on a loaded 2-core machine a healthy server must never look dead to a test. */
    public static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(2);

    private TestCaches() {
    }

    /** Every cache that decorates an implementation — the cache axis of the cache-layer's tests. */
    public static Stream<CacheKind> decorators() {
        return CacheKind.decorators().stream();
    }

    /** The test servers, with a key prefix no other test uses: an empty cache on shared servers. */
    public static CacheSettings settings() {
        return CacheSettings.defaults()
                .withMemcachedServers(TestServices.env("STUDY_TEST_MEMCACHED", CacheSettings.DEFAULT_MEMCACHED))
                .withRedisServers(TestServices.env("STUDY_TEST_REDIS", CacheSettings.DEFAULT_REDIS))
                .withKeyPrefix("test-" + UUID.randomUUID())
                .withOperationTimeout(OPERATION_TIMEOUT);
    }

    /** Skips the calling test (fails it with {@code CI=true}) when {@code kind}'s servers do not answer. */
    public static void require(CacheKind kind, CacheSettings settings) {
        kind.servers(settings).ifPresent(servers -> TestServices.requireReachable("the " + kind + " legs", servers,
                "start " + kind + " there, or point STUDY_TEST_" + kind.name() + " at one (see README 'Running the tests')"));
    }

    /** A fresh, empty backend of {@code kind}, which must be a {@link CacheKind#decorators() decorator}. */
    public static CacheBackend open(CacheKind kind) {
        CacheSettings settings = settings();
        require(kind, settings);
        return kind.open(settings).orElseThrow(() -> new IllegalArgumentException(kind + " has no backend"));
    }

    /** The memcached servers of the tests, for tests that talk to memcached themselves. */
    public static List<String> memcachedServers() {
        return List.of(settings().memcachedServers().split(","));
    }
}
