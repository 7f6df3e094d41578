package dev.sqlstudy.cache;

import dev.sqlstudy.cache.redis.RedisBackend;
import dev.sqlstudy.cache.redis.RedisOptions;
import dev.sqlstudy.contract.services.TestServices;
import java.time.Duration;
import java.util.UUID;

/**
 * The Redis the tests share: {@code 127.0.0.1:6379}, or {@code STUDY_TEST_REDIS} (loopback only).
 * One owning connection per JVM, and per test a non-owning {@link RedisBackend#withKeyPrefix view}
 * with its own key prefix (never a FLUSHALL). When the server does not answer, Redis legs are
 * skipped with the reason on a developer machine and <em>fail</em> with {@code CI=true}. The matrix
 * legs open their own owning backend through {@link CacheKind#REDIS} instead.
 */
final class TestRedis {

    static final String HOST = "127.0.0.1";
    /** Where a healthy server must never look dead, even on a loaded 2-core machine. */
    static final Duration GENEROUS = Duration.ofSeconds(2);
    private static RedisBackend shared;

    private TestRedis() {
    }

    static String servers() {
        return TestCaches.settings().redisServers();
    }

    /** A key prefix no other test uses. */
    static String uniquePrefix() {
        return "test-" + UUID.randomUUID();
    }

    /** Options for a backend of one test on the shared server. */
    static RedisOptions options() {
        return RedisOptions.defaults().withOperationTimeout(GENEROUS).withKeyPrefix(uniquePrefix());
    }

    /** A fresh cache: a new key prefix, as a non-owning view on the shared connection. */
    static RedisBackend fresh() {
        return connection().withKeyPrefix(uniquePrefix());
    }

    /** Skips (or, in CI, fails) the calling test when Redis is not there. */
    static synchronized RedisBackend connection() {
        available();
        if (shared == null) {
            shared = RedisBackend.connect(servers(), RedisOptions.defaults().withOperationTimeout(GENEROUS)
                    .withConnectTimeout(GENEROUS).withClientName("sqlstudy-tests"));
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "close-redis"));
        }
        return shared;
    }

    /** Skips (or, in CI, fails) the calling test when the shared Redis does not answer ({@link TestServices}). */
    static void available() {
        TestServices.requireReachable("the redis legs", servers(),
                "start it with: redis-server --bind 127.0.0.1 --port 6379 --save '' --appendonly no --daemonize yes,"
                        + " or point STUDY_TEST_REDIS at one");
    }
}
