package dev.sqlstudy.cache.memcached;

import java.time.Duration;

/**
 * How the memcached backend talks to its servers. The settings people change most come first.
 *
 * @param keyPrefix        starts every key ({@code sqlstudy:v1:…}); give each application or test
 *                         its own. Made valid like any key part (hashed if it is not plain ASCII
 *                         or longer than 64 characters).
 * @param operationTimeout how long one cache call may wait for memcached before the database
 *                         answers instead — the bound on what a slow or hanging server costs a caller
 * @param timeToLive       how long a value lives in memcached (at most 30 days, memcached's limit for
 *                         a relative expiry)
 * @param leaseTime        how long a reader's fill lease lives; longer than the slowest database read
 *                         it protects, short enough that a crashed reader blocks nobody for long
 * @param failureThreshold consecutive failures on one server that open its circuit
 * @param retryAfter       how long an open circuit skips its server before one call probes it again
 *                         (spymemcached's own reconnect back-off is capped at the same delay)
 * @param connectTimeout   how long {@link MemcachedBackend#connect} waits for the first connections;
 *                         a server not up by then is treated as down until it answers
 */
public record MemcachedOptions(String keyPrefix, Duration operationTimeout, Duration timeToLive, Duration leaseTime,
                               int failureThreshold, Duration retryAfter, Duration connectTimeout) {

    public static final String DEFAULT_KEY_PREFIX = "sqlstudy";
    public static final Duration DEFAULT_OPERATION_TIMEOUT = Duration.ofMillis(250);
    public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofMinutes(10);
    public static final Duration DEFAULT_LEASE_TIME = Duration.ofSeconds(10);
    /**
     * One failure opens a server's circuit. A repository call makes several memcached calls (a
     * miss: look-up, second look-up, lease, fill), each with its own deadline; opening at the first
     * failure lets the rest skip the server at once, so one repository call waits at most about one
     * operation timeout for a dead or hung server (MemcachedOutageUnderLoadIT). The price: a single
     * slow answer sends that server's keys to the database until the retry.
     */
    public static final int DEFAULT_FAILURE_THRESHOLD = 1;
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(1);
    static final Duration MAX_TIME_TO_LIVE = Duration.ofDays(30);
    /** A prefix longer than a key part is hashed anyway; this only stops nonsense early. */
    public static final int MAX_KEY_PREFIX_LENGTH = 200;

    public MemcachedOptions {
        if (keyPrefix == null || keyPrefix.isEmpty()) {
            throw new IllegalArgumentException("keyPrefix must not be empty");
        }
        positive("operationTimeout", operationTimeout);
        positive("timeToLive", timeToLive);
        positive("leaseTime", leaseTime);
        positive("retryAfter", retryAfter);
        positive("connectTimeout", connectTimeout);
        if (timeToLive.compareTo(MAX_TIME_TO_LIVE) > 0) {
            throw new IllegalArgumentException("timeToLive must be at most 30 days (memcached reads more as a date), was " + timeToLive);
        }
        if (leaseTime.toSeconds() < 1) {
            throw new IllegalArgumentException("leaseTime must be at least 1 second (memcached counts seconds), was " + leaseTime);
        }
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1, was " + failureThreshold);
        }
        if (keyPrefix.length() > MAX_KEY_PREFIX_LENGTH) {
            throw new IllegalArgumentException("keyPrefix must have at most " + MAX_KEY_PREFIX_LENGTH
                    + " characters, has " + keyPrefix.length());
        }
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    public static MemcachedOptions defaults() {
        return new MemcachedOptions(DEFAULT_KEY_PREFIX, DEFAULT_OPERATION_TIMEOUT, DEFAULT_TIME_TO_LIVE,
                DEFAULT_LEASE_TIME, DEFAULT_FAILURE_THRESHOLD, DEFAULT_RETRY_AFTER, DEFAULT_CONNECT_TIMEOUT);
    }

    public MemcachedOptions withKeyPrefix(String value) {
        return new MemcachedOptions(value, operationTimeout, timeToLive, leaseTime, failureThreshold, retryAfter, connectTimeout);
    }

    public MemcachedOptions withOperationTimeout(Duration value) {
        return new MemcachedOptions(keyPrefix, value, timeToLive, leaseTime, failureThreshold, retryAfter, connectTimeout);
    }

    public MemcachedOptions withTimeToLive(Duration value) {
        return new MemcachedOptions(keyPrefix, operationTimeout, value, leaseTime, failureThreshold, retryAfter, connectTimeout);
    }

    public MemcachedOptions withLeaseTime(Duration value) {
        return new MemcachedOptions(keyPrefix, operationTimeout, timeToLive, value, failureThreshold, retryAfter, connectTimeout);
    }

    public MemcachedOptions withCircuit(int threshold, Duration retry) {
        return new MemcachedOptions(keyPrefix, operationTimeout, timeToLive, leaseTime, threshold, retry, connectTimeout);
    }

    public MemcachedOptions withConnectTimeout(Duration value) {
        return new MemcachedOptions(keyPrefix, operationTimeout, timeToLive, leaseTime, failureThreshold, retryAfter, value);
    }
}
