package dev.sqlstudy.cache.remote;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * A circuit per server of one connection, keyed by a server id ({@code S}: a socket address, a
 * {@code host:port}). After {@code failureThreshold} consecutive failures a server's circuit opens:
 * calls skip it without waiting until {@code retryAfter} has passed, then one call at a time probes
 * it. The first failure of an outage is logged as a warning (one per outage, not one per call), the
 * return as an info line.
 *
 * <p>Why the threshold is 1 by default in our backends: a repository call makes several cache calls
 * (a miss: look-up, second look-up, lease, fill), each with its own deadline; opening at the first
 * failure lets the rest skip the server at once, so a whole repository call waits about one
 * operation timeout for a dead or hung server.
 *
 * @param <S> how the backend names a server
 */
public final class Circuits<S> {

    private final String system;
    private final int failureThreshold;
    private final Duration retryAfter;
    private final Logger log;
    private final Map<S, ServerCircuit> circuits = new ConcurrentHashMap<>();

    /**
     * @param system the cache's name in the log lines ({@code memcached}, {@code redis})
     * @param log    the backend's logger: its warnings are the backend's
     */
    public Circuits(String system, int failureThreshold, Duration retryAfter, Logger log) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1, was " + failureThreshold);
        }
        this.system = system;
        this.failureThreshold = failureThreshold;
        this.retryAfter = retryAfter;
        this.log = log;
    }

    /** The circuit of {@code server}, created closed on first use. */
    public ServerCircuit of(S server) {
        return circuits.computeIfAbsent(server, s -> new ServerCircuit(String.valueOf(s)));
    }

    /**
     * May a call use {@code server}? Yes while its circuit is closed; while it is open only once the
     * retry delay has passed, and then only one call at a time (the probe, which must end in
     * {@link #succeeded} or {@link #failed}).
     */
    public boolean allows(S server) {
        ServerCircuit circuit = of(server);
        if (circuit.open && (System.nanoTime() < circuit.openUntil || !circuit.probing.compareAndSet(false, true))) {
            circuit.skipped.increment();
            return false;
        }
        return true;
    }

    /** {@code server} answered: the circuit closes (logged when it was open). */
    public void succeeded(S server) {
        ServerCircuit circuit = of(server);
        circuit.failures.set(0);
        if (circuit.open) {
            circuit.open = false;
            log.info("{} {} answers again; cache back in use", system, circuit.address);
        }
        circuit.probing.set(false);
    }

    /** A call to {@code server} failed or timed out: counted, and the circuit opens at the threshold. */
    public void failed(S server, Exception cause) {
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        ServerCircuit circuit = of(server);
        circuit.failed.increment();
        int failures = circuit.failures.incrementAndGet();
        if (failures >= failureThreshold || circuit.open) {
            circuit.openUntil = System.nanoTime() + retryAfter.toNanos();
            if (!circuit.open) {
                circuit.open = true;
                circuit.outages.increment();
                log.warn("{} {} is unavailable ({}); serving from the database, retrying in {} ms",
                        system, circuit.address, describe(cause), retryAfter.toMillis());
            }
        }
        circuit.probing.set(false);
    }

    String system() {
        return system;
    }

    Logger log() {
        return log;
    }

    /** The root cause of {@code e}, in one short line. */
    public static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
