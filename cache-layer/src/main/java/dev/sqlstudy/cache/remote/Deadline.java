package dev.sqlstudy.cache.remote;

import java.time.Duration;

/** The one deadline all the operations of a cache call share: each waits only what is left of it. */
public final class Deadline {

    private final long at;

    private Deadline(long at) {
        this.at = at;
    }

    public static Deadline after(Duration timeout) {
        return new Deadline(System.nanoTime() + timeout.toNanos());
    }

    /** Nanoseconds left, never negative (a future waited on with 0 must already be done). */
    public long remainingNanos() {
        return Math.max(0, at - System.nanoTime());
    }
}
