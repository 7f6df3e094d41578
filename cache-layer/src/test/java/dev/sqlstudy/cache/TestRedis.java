package dev.sqlstudy.cache;

import dev.sqlstudy.cache.redis.RedisBackend;
import dev.sqlstudy.cache.redis.RedisOptions;
import dev.sqlstudy.contract.TestDatabase;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.UUID;
import org.opentest4j.TestAbortedException;

/**
 * The Redis the tests share: {@code 127.0.0.1:6379}, or {@code STUDY_TEST_REDIS} (loopback only).
 * One owning connection per JVM; each test gets its own key prefix (never a FLUSHALL). When the
 * server does not answer, Redis legs are skipped with the reason on a developer machine and
 * <em>fail</em> with {@code CI=true}.
 */
final class TestRedis {

    static final String HOST = "127.0.0.1";
    /** Where a healthy server must never look dead, even on a loaded 2-core machine. */
    static final Duration GENEROUS = Duration.ofSeconds(2);
    private static RedisBackend shared;
    private static String unavailable;

    private TestRedis() {
    }

    static String servers() {
        String configured = System.getenv("STUDY_TEST_REDIS");
        return configured == null || configured.isBlank() ? HOST + ":6379" : configured.strip();
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

    /** Skips (or, in CI, fails) the calling test when the shared Redis does not answer. */
    static synchronized void available() {
        if (unavailable == null && shared == null) {
            String first = servers().split(",")[0];
            int colon = first.lastIndexOf(':');
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1))), 1_000);
            } catch (IOException e) {
                unavailable = "Redis at " + servers() + " does not answer (" + e.getMessage()
                        + "); start it with: redis-server --bind 127.0.0.1 --port 6379 --save '' --appendonly no --daemonize yes";
                System.err.println("[sqlstudy] Redis legs " + (TestDatabase.ci() ? "FAIL" : "SKIPPED") + ": " + unavailable);
            }
        }
        if (unavailable != null) {
            if (TestDatabase.ci()) {
                throw new IllegalStateException("CI=true requires the Redis legs, but " + unavailable);
            }
            throw new TestAbortedException("Redis leg skipped: " + unavailable);
        }
    }
}
