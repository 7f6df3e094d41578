package dev.sqlstudy.stack;

/**
 * One thing a cache did, for {@code --explain}: {@code hit}, {@code miss}, {@code load},
 * {@code invalidate} or {@code error}, and the key it concerned.
 */
public record CacheEvent(String type, String key) {
}
