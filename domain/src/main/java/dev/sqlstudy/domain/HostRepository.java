package dev.sqlstudy.domain;

import java.util.function.Function;

/**
 * The hosts of the study. Each operation of {@link HostOperations} called here runs in a
 * transaction of its own; {@link #begin()} groups several into one unit of work.
 */
public interface HostRepository extends HostOperations {

    /**
     * Starts a unit of work, the tutorial's {@code session}: its operations see each other's
     * writes, and nothing becomes visible to others until {@link HostTransaction#commit()}.
     * Closing it without a commit rolls everything back. Use it in try-with-resources.
     */
    HostTransaction begin();

    /**
     * Runs {@code work} in one unit of work and commits it; if {@code work} throws, everything it
     * did is rolled back and the exception propagates.
     */
    default <T> T inTransaction(Function<? super HostTransaction, ? extends T> work) {
        try (HostTransaction tx = begin()) {
            T result = work.apply(tx);
            tx.commit();
            return result;
        }
    }
}
