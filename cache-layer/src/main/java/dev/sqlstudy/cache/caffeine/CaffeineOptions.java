package dev.sqlstudy.cache.caffeine;

import java.time.Duration;

/**
 * How big the in-process cache may grow and how long an entry lives.
 *
 * @param maximumSize entries at most; the least useful are evicted beyond it (Caffeine's W-TinyLFU)
 * @param timeToLive  an entry is dropped this long after it was filled, whatever happens — a bound
 *                    on staleness for writes made by <em>other processes</em>, which an in-process
 *                    cache never hears of
 */
public record CaffeineOptions(long maximumSize, Duration timeToLive) {

    public static final long DEFAULT_MAXIMUM_SIZE = 10_000;
    public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofMinutes(5);

    public CaffeineOptions {
        if (maximumSize < 1) {
            throw new IllegalArgumentException("maximumSize must be at least 1, was " + maximumSize);
        }
        if (timeToLive == null || timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("timeToLive must be positive, was " + timeToLive);
        }
    }

    public static CaffeineOptions defaults() {
        return new CaffeineOptions(DEFAULT_MAXIMUM_SIZE, DEFAULT_TIME_TO_LIVE);
    }

    public CaffeineOptions withMaximumSize(long value) {
        return new CaffeineOptions(value, timeToLive);
    }

    public CaffeineOptions withTimeToLive(Duration value) {
        return new CaffeineOptions(maximumSize, value);
    }
}
