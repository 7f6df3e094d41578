package dev.sqlstudy.cache.redis;

import java.time.Duration;

/**
 * How the Redis backend talks to its servers. The settings people change most come first; the
 * defaults are the memcached backend's.
 *
 * @param keyPrefix        starts every key ({@code sqlstudy:v1:…}); give each application or test
 *                         its own. Made valid like any key part, and never contains a brace (which
 *                         would change the cluster hash tag)
 * @param operationTimeout how long one cache call may wait for Redis before the database answers
 *                         instead — the bound on what a slow or hanging server costs a caller
 * @param timeToLive       how long a value lives in Redis ({@code PX} of the fill)
 * @param leaseTime        how long a reader's fill lease lives; longer than the slowest database read
 *                         it protects, short enough that a crashed reader blocks nobody for long
 * @param failureThreshold consecutive failures on one server that open its circuit
 * @param retryAfter       how long an open circuit skips its server before one call probes it again
 *                         (Lettuce's reconnect back-off is capped at the same delay)
 * @param connectTimeout   how long {@link RedisBackend#connect} waits for the first connection;
 *                         a server not up by then is treated as down until it answers
 * @param cluster          the servers are seed nodes of a Redis Cluster (Lettuce's
 *                         {@code RedisClusterClient}); implied when several servers are given
 * @param clientName       the name the connections carry in {@code CLIENT LIST}
 */
public record RedisOptions(String keyPrefix, Duration operationTimeout, Duration timeToLive, Duration leaseTime,
                           int failureThreshold, Duration retryAfter, Duration connectTimeout, boolean cluster,
                           String clientName) {

    public static final String DEFAULT_KEY_PREFIX = "sqlstudy";
    public static final Duration DEFAULT_OPERATION_TIMEOUT = Duration.ofMillis(250);
    public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofMinutes(10);
    public static final Duration DEFAULT_LEASE_TIME = Duration.ofSeconds(10);
    /** One failure opens a server's circuit: see {@link dev.sqlstudy.cache.remote.Circuits}. */
    public static final int DEFAULT_FAILURE_THRESHOLD = 1;
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(1);
    public static final String DEFAULT_CLIENT_NAME = "sqlstudy";
    /** A prefix longer than a key part is hashed anyway; this only stops nonsense early. */
    public static final int MAX_KEY_PREFIX_LENGTH = 200;

    public RedisOptions {
        if (keyPrefix == null || keyPrefix.isEmpty()) {
            throw new IllegalArgumentException("keyPrefix must not be empty");
        }
        if (keyPrefix.length() > MAX_KEY_PREFIX_LENGTH) {
            throw new IllegalArgumentException("keyPrefix must have at most " + MAX_KEY_PREFIX_LENGTH
                    + " characters, has " + keyPrefix.length());
        }
        positive("operationTimeout", operationTimeout);
        positive("timeToLive", timeToLive);
        positive("leaseTime", leaseTime);
        positive("retryAfter", retryAfter);
        positive("connectTimeout", connectTimeout);
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1, was " + failureThreshold);
        }
        if (clientName == null || !clientName.matches("[A-Za-z0-9._:-]{1,64}")) {
            throw new IllegalArgumentException("clientName must be 1-64 letters, digits or ._:- (Redis refuses spaces), was '"
                    + clientName + "'");
        }
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    public static RedisOptions defaults() {
        return new RedisOptions(DEFAULT_KEY_PREFIX, DEFAULT_OPERATION_TIMEOUT, DEFAULT_TIME_TO_LIVE, DEFAULT_LEASE_TIME,
                DEFAULT_FAILURE_THRESHOLD, DEFAULT_RETRY_AFTER, DEFAULT_CONNECT_TIMEOUT, false, DEFAULT_CLIENT_NAME);
    }

    public RedisOptions withKeyPrefix(String value) {
        return new RedisOptions(value, operationTimeout, timeToLive, leaseTime, failureThreshold, retryAfter,
                connectTimeout, cluster, clientName);
    }

    public RedisOptions withOperationTimeout(Duration value) {
        return new RedisOptions(keyPrefix, value, timeToLive, leaseTime, failureThreshold, retryAfter,
                connectTimeout, cluster, clientName);
    }

    public RedisOptions withTimeToLive(Duration value) {
        return new RedisOptions(keyPrefix, operationTimeout, value, leaseTime, failureThreshold, retryAfter,
                connectTimeout, cluster, clientName);
    }

    public RedisOptions withLeaseTime(Duration value) {
        return new RedisOptions(keyPrefix, operationTimeout, timeToLive, value, failureThreshold, retryAfter,
                connectTimeout, cluster, clientName);
    }

    public RedisOptions withCircuit(int threshold, Duration retry) {
        return new RedisOptions(keyPrefix, operationTimeout, timeToLive, leaseTime, threshold, retry,
                connectTimeout, cluster, clientName);
    }

    public RedisOptions withConnectTimeout(Duration value) {
        return new RedisOptions(keyPrefix, operationTimeout, timeToLive, leaseTime, failureThreshold, retryAfter,
                value, cluster, clientName);
    }

    /** {@code true}: the servers are a Redis Cluster even when only one seed is given. */
    public RedisOptions withCluster(boolean value) {
        return new RedisOptions(keyPrefix, operationTimeout, timeToLive, leaseTime, failureThreshold, retryAfter,
                connectTimeout, value, clientName);
    }

    public RedisOptions withClientName(String value) {
        return new RedisOptions(keyPrefix, operationTimeout, timeToLive, leaseTime, failureThreshold, retryAfter,
                connectTimeout, cluster, value);
    }
}
