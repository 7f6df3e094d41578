package dev.sqlstudy.cache.remote;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.sqlstudy.cache.CacheMetrics;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The circuit per server and the dirty-server rule, without any server: what both remote backends rely on. */
class CircuitsTest {

    private static final String SERVER = "127.0.0.1:6379";

    private final Logger log = (Logger) LoggerFactory.getLogger("circuits-test");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void capture() {
        lines.start();
        log.addAppender(lines);
    }

    @AfterEach
    void detach() {
        log.detachAppender(lines);
    }

    private long warnings() {
        return lines.list.stream().filter(e -> e.getLevel() == Level.WARN).count();
    }

    @Test
    void failed_once_opensTheCircuit_andLaterCallsSkipTheServer() {
        Circuits<String> circuits = new Circuits<>("redis", 1, Duration.ofMinutes(1), log);
        circuits.failed(SERVER, new IOException("refused"));

        assertThat(circuits.allows(SERVER)).isFalse();
        assertThat(circuits.allows(SERVER)).isFalse();
        assertThat(circuits.of(SERVER).isOpen()).isTrue();
        assertThat(circuits.of(SERVER).skipped()).isEqualTo(2);
    }

    @Test
    void failed_manyTimesInOneOutage_warnsOnce() {
        Circuits<String> circuits = new Circuits<>("redis", 1, Duration.ZERO.plusMillis(1), log);
        for (int i = 0; i < 5; i++) {
            circuits.failed(SERVER, new IOException("refused"));
        }
        circuits.succeeded(SERVER);
        circuits.failed(SERVER, new IOException("refused again"));

        assertThat(warnings()).as("warnings for two outages").isEqualTo(2);
        assertThat(circuits.of(SERVER).outages()).isEqualTo(2);
        assertThat(circuits.of(SERVER).failures()).isEqualTo(6);
    }

    @Test
    void allows_afterTheRetryDelay_letsOneProbeThrough_andSuccessClosesTheCircuit() throws InterruptedException {
        Circuits<String> circuits = new Circuits<>("redis", 1, Duration.ofMillis(20), log);
        circuits.failed(SERVER, new IOException("refused"));
        Thread.sleep(40);

        assertThat(circuits.allows(SERVER)).as("the probe").isTrue();
        assertThat(circuits.allows(SERVER)).as("a second caller while the probe is out").isFalse();
        circuits.succeeded(SERVER);
        assertThat(circuits.allows(SERVER)).as("after the probe answered").isTrue();
        assertThat(circuits.of(SERVER).isOpen()).isFalse();
    }

    @Test
    void thresholdOfTwo_oneFailureKeepsTheCircuitClosed() {
        Circuits<String> circuits = new Circuits<>("memcached", 2, Duration.ofMinutes(1), log);
        circuits.failed(SERVER, new IOException("slow"));

        assertThat(circuits.allows(SERVER)).isTrue();
        circuits.failed(SERVER, new IOException("slow"));
        assertThat(circuits.allows(SERVER)).isFalse();
    }

    @Test
    void markDirty_theRecoveryRunsBeforeTheServerIsUsedAgain_once() {
        Circuits<String> circuits = new Circuits<>("redis", 1, Duration.ofMinutes(1), log);
        CacheMetrics metrics = new CacheMetrics();
        List<String> recovered = new ArrayList<>();
        DirtyServers<String> dirty = new DirtyServers<>(circuits, metrics, recovered::add);

        dirty.markDirty(SERVER);
        assertThat(metrics.snapshot().errors()).as("a missed invalidation is an error").isEqualTo(1);
        assertThat(dirty.usable(SERVER)).isTrue();
        assertThat(dirty.usable(SERVER)).isTrue();

        assertThat(recovered).as("recoveries").containsExactly(SERVER);
        assertThat(dirty.isDirty(SERVER)).isFalse();
    }

    @Test
    void markDirty_aFailingRecovery_keepsTheServerOutOfUse_andOpensItsCircuit() {
        Circuits<String> circuits = new Circuits<>("redis", 1, Duration.ofMinutes(1), log);
        DirtyServers<String> dirty = new DirtyServers<>(circuits, new CacheMetrics(), server -> {
            throw new IOException("still down");
        });

        dirty.markDirty(SERVER);

        assertThat(dirty.usable(SERVER)).isFalse();
        assertThat(dirty.isDirty(SERVER)).isTrue();
        assertThat(circuits.of(SERVER).isOpen()).isTrue();
    }
}
