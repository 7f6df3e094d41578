package dev.sqlstudy.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A few threads calling a repository in a loop while a test breaks the database, recording every
 * call: when it started and ended, and whether it returned or threw. Bounded: it runs until
 * {@link #stop(Duration)}, and a call still running then is reported as hung.
 */
final class Load {

    /** What one worker does on its {@code n}-th turn; returns the hostname it added, if any. */
    @FunctionalInterface
    interface Work {
        String call(int worker, int n) throws Exception;
    }

    /** One call as the caller saw it. */
    record Call(long startNanos, long endNanos, Throwable failure, String added) {
        Duration duration() {
            return Duration.ofNanos(endNanos - startNanos);
        }

        boolean ok() {
            return failure == null;
        }
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final ExecutorService threads;
    private final List<Future<?>> workers = new ArrayList<>();
    private volatile boolean running = true;

    private Load(int threadCount, Work work) {
        this.threads = Executors.newFixedThreadPool(threadCount, r -> {
            Thread t = new Thread(r, "load");
            t.setDaemon(true);
            return t;
        });
        for (int w = 0; w < threadCount; w++) {
            int worker = w;
            workers.add(threads.submit(() -> {
                for (int n = 0; running; n++) {
                    long start = System.nanoTime();
                    try {
                        String added = work.call(worker, n);
                        calls.add(new Call(start, System.nanoTime(), null, added));
                    } catch (Exception e) {
                        calls.add(new Call(start, System.nanoTime(), e, null));
                        pause(20);
                    }
                }
            }));
        }
    }

    static Load start(int threadCount, Work work) {
        return new Load(threadCount, work);
    }

    /**
     * Stops the workers and waits for their last calls.
     *
     * @return the number of workers whose call was still running after {@code grace}: hung calls
     */
    int stop(Duration grace) {
        running = false;
        long deadline = System.nanoTime() + grace.toNanos();
        int hung = 0;
        for (Future<?> worker : workers) {
            try {
                worker.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                hung++;
            } catch (Exception e) {
                throw new IllegalStateException("a load worker died", e);
            }
        }
        threads.shutdownNow();
        return hung;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> failures() {
        return calls.stream().filter(c -> !c.ok()).toList();
    }

    long successesBetween(long fromNanos, long toNanos) {
        return calls.stream().filter(c -> c.ok() && c.startNanos() >= fromNanos && c.endNanos() <= toNanos).count();
    }

    Duration longestCall() {
        return calls.stream().map(Call::duration).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
    }

    List<String> added() {
        return calls.stream().filter(c -> c.added() != null).map(Call::added).toList();
    }

    /** When the first call that started at or after {@code nanos} succeeded. */
    Optional<Long> firstSuccessStartedAfter(long nanos) {
        return calls.stream().filter(c -> c.ok() && c.startNanos() >= nanos)
                .map(Call::endNanos).min(Comparator.naturalOrder());
    }

    /** Waits until a call started at or after {@code nanos} has succeeded, at most {@code limit}. */
    Optional<Long> awaitSuccessStartedAfter(long nanos, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Long> first = firstSuccessStartedAfter(nanos);
            if (first.isPresent()) {
                return first;
            }
            pause(20);
        }
        return firstSuccessStartedAfter(nanos);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
