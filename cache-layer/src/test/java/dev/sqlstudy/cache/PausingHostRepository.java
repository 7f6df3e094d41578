package dev.sqlstudy.cache;

import dev.sqlstudy.domain.Host;
import dev.sqlstudy.domain.HostChanges;
import dev.sqlstudy.domain.HostPage;
import dev.sqlstudy.domain.HostRepository;
import dev.sqlstudy.domain.HostTransaction;
import dev.sqlstudy.domain.NewHost;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A repository that, once {@link #pauseNextRead() armed}, holds a {@code findById} between its
 * database read and its return — between the read and the cache fill of a decorator above it.
 * That is where a reader is when a writer commits and invalidates in the stale-fill race.
 */
final class PausingHostRepository implements HostRepository {

    private final HostRepository delegate;
    private final AtomicInteger reads = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicBoolean armed = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile CountDownLatch readDone = new CountDownLatch(0);
    private volatile CountDownLatch release = new CountDownLatch(0);

    PausingHostRepository(HostRepository delegate) {
        this.delegate = delegate;
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

    @Override
    public Host add(NewHost host) {
        return delegate.add(host);
    }

    @Override
    public List<Host> addAll(List<NewHost> hosts) {
        return delegate.addAll(hosts);
    }

    @Override
    public Optional<Host> findByHostname(String hostname) {
        return delegate.findByHostname(hostname);
    }

    @Override
    public Optional<Host> findByIpAddr(String ipAddr) {
        return delegate.findByIpAddr(ipAddr);
    }

    @Override
    public List<Host> findByHostnameIn(Collection<String> hostnames) {
        return delegate.findByHostnameIn(hostnames);
    }

    @Override
    public List<Host> list(HostPage page) {
        return delegate.list(page);
    }

    @Override
    public List<String> hostnames() {
        return delegate.hostnames();
    }

    @Override
    public Host update(int id, HostChanges changes) {
        return delegate.update(id, changes);
    }

    @Override
    public int updatePortWhereIdGreaterThan(int id, int port) {
        return delegate.updatePortWhereIdGreaterThan(id, port);
    }

    @Override
    public boolean delete(int id) {
        return delegate.delete(id);
    }

    @Override
    public int deleteWhereIdGreaterThan(int id) {
        return delegate.deleteWhereIdGreaterThan(id);
    }

    @Override
    public long count() {
        return delegate.count();
    }
}
