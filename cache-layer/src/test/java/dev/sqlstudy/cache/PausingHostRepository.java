package dev.sqlstudy.cache;

import dev.sqlstudy.domain.ForwardingHostOperations;
import dev.sqlstudy.domain.Host;
import dev.sqlstudy.domain.HostRepository;
import dev.sqlstudy.domain.HostTransaction;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A repository that, once {@link #pauseNextRead() armed}, holds a {@code findById} between its
 * database read and its return — between the read and the cache fill of a decorator above it.
 * That is where a reader is when a writer commits and invalidates in the stale-fill race. Every
 * other operation is forwarded untouched.
 */
final class PausingHostRepository extends ForwardingHostOperations implements HostRepository {

    private final HostRepository delegate;
    private final AtomicInteger reads = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicBoolean armed = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile CountDownLatch readDone = new CountDownLatch(0);
    private volatile CountDownLatch release = new CountDownLatch(0);

    PausingHostRepository(HostRepository delegate) {
        this.delegate = delegate;
    }

    @Override
    protected HostRepository delegate() {
        return delegate;
    }

    /** The next {@code findById} reads the database, then waits for {@link #release()}. */
    void pauseNextRead() {
        readDone = new CountDownLatch(1);
        release = new CountDownLatch(1);
        armed.set(true);
    }

    /** Waits until the paused reader has read the database. */
    void awaitRead() throws InterruptedException {
        if (!readDone.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the reader never reached the database");
        }
    }

    void release() {
        release.countDown();
    }

    /** How many times {@code findById} reached the database. */
    int reads() {
        return reads.get();
    }

    @Override
    public Optional<Host> findById(int id) {
        Optional<Host> row = delegate.findById(id);
        reads.incrementAndGet();
        if (armed.compareAndSet(true, false)) {
            CountDownLatch go = release;
            readDone.countDown();
            try {
                if (!go.await(10, TimeUnit.SECONDS)) {
                    throw new AssertionError("the paused reader was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return row;
    }

    @Override
    public HostTransaction begin() {
        return delegate.begin();
    }
}
