package dev.sqlstudy.cache.remote;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * One server's health as {@link Circuits} sees it: consecutive failures, whether calls skip it and
 * until when, whether a probe is under way, and counters over the backend's life.
 */
public final class ServerCircuit {

    final String address;
    final AtomicInteger failures = new AtomicInteger();
    final AtomicBoolean probing = new AtomicBoolean();
    volatile long openUntil;
    volatile boolean open;
    final LongAdder failed = new LongAdder();
    final LongAdder skipped = new LongAdder();
    final LongAdder outages = new LongAdder();

    ServerCircuit(String address) {
        this.address = address;
    }

    /** The server, as the warnings name it. */
    public String address() {
        return address;
    }

    /** True while calls skip the server (apart from one probe after the retry delay). */
    public boolean isOpen() {
        return open;
    }

    /** Failures since the last success. */
    public int consecutiveFailures() {
        return failures.get();
    }

    /** Every failed call, over the backend's life. */
    public long failures() {
        return failed.sum();
    }

    /** Calls that skipped the server because its circuit was open. */
    public long skipped() {
        return skipped.sum();
    }

    /** How many times the circuit opened: one warning was logged for each. */
    public long outages() {
        return outages.sum();
    }

    @Override
    public String toString() {
        return address + (open ? " open" : " closed") + ", failures=" + failures() + ", skipped=" + skipped()
                + ", outages=" + outages();
    }
}
