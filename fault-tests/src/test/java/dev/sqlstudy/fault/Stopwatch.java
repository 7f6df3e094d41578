package dev.sqlstudy.fault;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Measures one call: how long it took and what it returned or threw. */
record Stopwatch<T>(Duration elapsed, T value, Throwable failure) {

    static <T> Stopwatch<T> time(Callable<T> call) {
        long start = System.nanoTime();
        try {
            T value = call.call();
            return new Stopwatch<>(Duration.ofNanos(System.nanoTime() - start), value, null);
        } catch (Exception e) {
            return new Stopwatch<>(Duration.ofNanos(System.nanoTime() - start), null, e);
        }
    }

    long millis() {
        return elapsed.toMillis();
    }
}
