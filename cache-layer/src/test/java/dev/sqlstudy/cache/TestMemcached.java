package dev.sqlstudy.cache;

import dev.sqlstudy.cache.memcached.MemcachedBackend;
import dev.sqlstudy.cache.memcached.MemcachedOptions;
import dev.sqlstudy.contract.TestDatabase;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.UUID;
import org.opentest4j.TestAbortedException;

/**
 * The memcached the tests share: {@code 127.0.0.1:11211}, or {@code STUDY_TEST_MEMCACHED}
 * (loopback only). One connection per JVM; each test gets its own key prefix. When the server does
 * not answer, memcached legs are skipped with the reason on a developer machine and <em>fail</em>
 * with {@code CI=true}.
 */
final class TestMemcached {

    static final String HOST = "127.0.0.1";
    private static MemcachedBackend shared;
    private static String unavailable;

    private TestMemcached() {
    }

    static String servers() {
        String configured = System.getenv("STUDY_TEST_MEMCACHED");
        return configured == null || configured.isBlank() ? HOST + ":11211" : configured.strip();
    }

    /** A fresh cache (a new key prefix) on the shared connection. */
    static MemcachedBackend fresh() {
        return connection().withKeyPrefix("test-" + UUID.randomUUID());
    }

    /** Skips (or, in CI, fails) the calling test when memcached is not there. */
    static synchronized MemcachedBackend connection() {
        if (shared == null && unavailable == null) {
            String servers = servers();
            String first = servers.split(",")[0];
            int colon = first.lastIndexOf(':');
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1))), 1_000);
                // Generous: here a healthy server must never look dead, even on a loaded 2-core machine.
                shared = MemcachedBackend.connect(servers, MemcachedOptions.defaults().withOperationTimeout(Duration.ofSeconds(2)));
                Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "close-memcached"));
            } catch (IOException e) {
                unavailable = "memcached at " + servers + " does not answer (" + e.getMessage()
                        + "); start it with: memcached -d -l 127.0.0.1 -p 11211";
                System.err.println("[sqlstudy] memcached legs " + (TestDatabase.ci() ? "FAIL" : "SKIPPED") + ": " + unavailable);
            }
        }
        if (unavailable != null) {
            if (TestDatabase.ci()) {
                throw new IllegalStateException("CI=true requires the memcached legs, but " + unavailable);
            }
            throw new TestAbortedException("memcached leg skipped: " + unavailable);
        }
        return shared;
    }
}
