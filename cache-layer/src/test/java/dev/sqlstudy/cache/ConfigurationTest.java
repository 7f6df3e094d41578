package dev.sqlstudy.cache;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlstudy.cache.caffeine.CaffeineOptions;
import dev.sqlstudy.cache.memcached.MemcachedBackend;
import dev.sqlstudy.cache.memcached.MemcachedOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad settings fail up front, naming the setting — before any connection is attempted. */
class ConfigurationTest {

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " ", "127.0.0.1", "127.0.0.1:", "127.0.0.1:port", "127.0.0.1:70000", ":11211"})
    void memcachedConnect_malformedServerList_isRejectedWithoutConnecting(String servers) {
        assertThatThrownBy(() -> MemcachedBackend.connect(servers, MemcachedOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("memcached");
    }

    @Test
    void memcachedOptions_timeToLiveOverThirtyDays_isRejectedNamingIt() {
        assertThatThrownBy(() -> MemcachedOptions.defaults().withTimeToLive(Duration.ofDays(31)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("timeToLive");
    }

    @Test
    void memcachedOptions_subSecondLease_isRejectedBecauseMemcachedCountsSeconds() {
        assertThatThrownBy(() -> MemcachedOptions.defaults().withLeaseTime(Duration.ofMillis(500)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("leaseTime");
    }

    @Test
    void memcachedOptions_zeroTimeoutOrThreshold_isRejectedNamingIt() {
        assertThatThrownBy(() -> MemcachedOptions.defaults().withOperationTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("operationTimeout");
        assertThatThrownBy(() -> MemcachedOptions.defaults().withCircuit(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("failureThreshold");
    }

    @Test
    void caffeineOptions_unboundedOrEternal_isRejectedNamingIt() {
        assertThatThrownBy(() -> CaffeineOptions.defaults().withMaximumSize(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("maximumSize");
        assertThatThrownBy(() -> CaffeineOptions.defaults().withTimeToLive(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("timeToLive");
    }
}
