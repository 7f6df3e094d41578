package dev.sqlstudy.domain;

import java.util.function.BiConsumer;

/**
 * The framework's own cache inside an implementation — Hibernate's second-level cache, a MyBatis
 * mapper's {@code <cache/>} — seen from outside: its counters and its events, so that
 * {@code --explain}, {@code demo} and the benchmark show its hits and misses the way they show the
 * decorators'. It is configured where the framework expects it; this is only a window on it.
 */
public interface NativeCache {

    /** What one look-up of the framework's cache did. */
    enum Outcome {
        /** Answered from the cache: no SQL for this entry. */
        HIT,
        /** Not in the cache: the framework reads the database. */
        MISS,
        /** The framework stored what it read. */
        PUT,
        /** A write emptied a region (a MyBatis namespace is flushed whole). */
        CLEAR
    }

    /**
     * The framework's counters since the repositories were opened.
     *
     * @param hits   look-ups the framework's cache answered
     * @param misses look-ups it did not
     * @param puts   entries it stored
     */
    record Counters(long hits, long misses, long puts) {
    }

    /** {@code hibernate-l2 read-write}, {@code mybatis-cache local}, … */
    String name();

    Counters counters();

    /**
     * Calls {@code listener} with each outcome and the region (or mapper namespace and statement)
     * it concerned, until the handle is closed.
     */
    AutoCloseable onEvent(BiConsumer<Outcome, String> listener);

    /** Empties every region: for a reset that rewrote the tables behind the framework's back. */
    void clear();
}
