package dev.sqlstudy.cache;

import static dev.sqlstudy.contract.SampleData.LOCALHOST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlstudy.cache.redis.RedisBackend;
import dev.sqlstudy.cache.redis.RedisOptions;
import dev.sqlstudy.contract.services.RedisProcess;
import dev.sqlstudy.domain.Host;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who owns what: the backend {@code connect} returns owns its connection and Lettuce's threads and
 * releases both on close; a {@code withKeyPrefix} view owns nothing. On a private server, so that
 * {@code CLIENT LIST} and {@code SCRIPT FLUSH} concern this test alone.
 */
class RedisOwnershipTest {

    private static final CacheKey HOST_1 = Region.HOST_BY_ID.key(1);
    private static final Optional<Host> LOCALHOST_ROW = Optional.of(LOCALHOST);

    private RedisProcess server;

    @BeforeEach
    void privateServer() {
        server = RedisProcess.start();
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private RedisOptions options() {
        return RedisOptions.defaults().withOperationTimeout(Duration.ofSeconds(2)).withClientName("ownership-test");
    }

    private long connectionsNamed(String name) {
        return server.cli("client", "list").lines().filter(line -> line.contains(" name=" + name + " ")).count();
    }

    private static Set<Thread> lettuceThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("lettuce")).collect(Collectors.toSet());
    }

    @Test
    void close_ofTheConnectedBackend_releasesItsConnectionAndItsThreads() {
        Set<Thread> before = lettuceThreads();
        RedisBackend backend = RedisBackend.connect(server.address(), options());
        backend.fill(HOST_1, backend.lease(HOST_1), LOCALHOST_ROW);
        Set<Thread> started = lettuceThreads();
        started.removeAll(before);

        assertThat(connectionsNamed("ownership-test")).as("connections while open").isEqualTo(1);
        assertThat(started).as("Lettuce threads started by the backend").isNotEmpty();

        backend.close();
        assertThat(eventually(() -> connectionsNamed("ownership-test") == 0)).as("no connection left after close").isTrue();
        assertThat(eventually(() -> started.stream().noneMatch(Thread::isAlive))).as("no Lettuce thread left after close").isTrue();
    }

    @Test
    void connectWithAKeyPrefix_ownsItsConnection() {
        try (RedisBackend owning = RedisBackend.connect(server.address(), options(), "app-a")) {
            assertThat(owning.ownsConnection()).isTrue();
            assertThat(owning.keyOf(HOST_1)).startsWith("app-a:v1:");
        }
        assertThat(eventually(() -> connectionsNamed("ownership-test") == 0)).as("released on close").isTrue();
    }

    @Test
    void close_ofAPrefixedView_releasesNothing_andTheOwnerKeepsWorking() {
        try (RedisBackend owner = RedisBackend.connect(server.address(), options())) {
            RedisBackend view = owner.withKeyPrefix("view");
            assertThat(view.ownsConnection()).isFalse();
            view.close();

            owner.fill(HOST_1, owner.lease(HOST_1), LOCALHOST_ROW);
            assertThat(owner.getAll(List.of(HOST_1))).containsEntry(HOST_1, LOCALHOST_ROW);
            assertThat(connectionsNamed("ownership-test")).isEqualTo(1);
        }
    }

    @Test
    void aViewOfAClosedOwner_failsOpen_neverThrows() {
        RedisBackend owner = RedisBackend.connect(server.address(), options());
        RedisBackend view = owner.withKeyPrefix("view");
        owner.close();

        assertThat(view.getAll(List.of(HOST_1))).isEmpty();
        assertThat(view.lease(HOST_1).isNone()).isTrue();
        view.invalidate(List.of(HOST_1));
        assertThat(view.metrics().snapshot().errors()).isPositive();
    }

    @Test
    void fill_afterTheServerForgotTheScript_fallsBackToEval() {
        try (RedisBackend backend = RedisBackend.connect(server.address(), options())) {
            CacheKey host2 = Region.HOST_BY_ID.key(2);
            backend.fill(host2, backend.lease(host2), LOCALHOST_ROW);   // EVALSHA of a cached script
            Lease lease = backend.lease(HOST_1);
            server.cli("script", "flush");
            backend.fill(HOST_1, lease, LOCALHOST_ROW);               // NOSCRIPT, then EVAL

            assertThat(backend.getAll(List.of(HOST_1, host2))).containsOnlyKeys(HOST_1, host2);
            assertThat(backend.metrics().snapshot().errors()).isZero();
        }
    }

    private static boolean eventually(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            RedisProcess.sleep(50);
        }
        return true;
    }
}
