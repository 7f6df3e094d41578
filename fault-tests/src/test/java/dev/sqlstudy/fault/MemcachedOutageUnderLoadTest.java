package dev.sqlstudy.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlstudy.contract.services.MemcachedProcess;
import dev.sqlstudy.stack.Impl;
import dev.sqlstudy.cache.CacheEvent;
import dev.sqlstudy.cache.CachedRepositories;
import dev.sqlstudy.cache.Region;
import dev.sqlstudy.cache.memcached.MemcachedBackend;
import dev.sqlstudy.cache.memcached.MemcachedOptions;
import dev.sqlstudy.contract.SampleData;
import dev.sqlstudy.contract.Tables;
import dev.sqlstudy.contract.TestDatabase;
import dev.sqlstudy.db.Database;
import dev.sqlstudy.domain.Host;
import dev.sqlstudy.domain.HostChanges;
import dev.sqlstudy.domain.HostRepository;
import dev.sqlstudy.domain.NewHost;
import dev.sqlstudy.domain.Repositories;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * memcached goes away while six threads read and write hosts through it: killed ({@code kill -9})
 * and restarted empty on the same port, or frozen ({@code SIGSTOP}: connections stay open, nothing
 * answers) and thawed with everything it held — including rows made stale by writes it never heard
 * of. The cache fails open: every call still succeeds, from the database, and every read is right —
 * none returns a row older than one committed before the read began; no call waits past the
 * operation timeout plus a margin for the database and the scheduler; once the server is back,
 * reads hit it again.
 *
 * <p>The invariant each read is checked against: every worker owns three hosts and is the only one
 * to write them, raising their port by one each time. Before a write it records the port it is
 * about to commit ({@code started}), after the write returns the port it committed
 * ({@code committed}). A worker reading its own host must get exactly its last committed port; a
 * worker reading another's host must get a port between that host's {@code committed} before the
 * read and its {@code started} after it — anything lower is a stale read from the cache.
 */
class MemcachedOutageUnderLoadTest {

    /** The backend's default: what one cache call may wait for memcached. */
    private static final Duration OPERATION_TIMEOUT = MemcachedOptions.DEFAULT_OPERATION_TIMEOUT;
    /**
     * What one repository call may wait for memcached. Each backend call waits at most the timeout,
     * but a repository call makes several (look-up, second look-up, lease, fill; one per
     * invalidation), each with a deadline of its own, so until the server's circuit opens after
     * {@link MemcachedOptions#DEFAULT_FAILURE_THRESHOLD} consecutive failures one call can wait that
     * many timeouts (with a threshold of 2 we measured 2 × 250 ms when the server froze; the default
     * is now 1). Plus the client's bookkeeping and the scheduler of a loaded 2-core machine: with
     * no fault at all we saw single waits of up to 574 ms while the other core ran a build.
     */
    private static final Duration WAIT_MARGIN = Duration.ofMillis(400);
    private static final Duration CACHE_WAIT_BOUND = OPERATION_TIMEOUT
            .multipliedBy(MemcachedOptions.DEFAULT_FAILURE_THRESHOLD).plus(WAIT_MARGIN);
    /** The database's own time, a garbage collection, a loaded 2-core scheduler: seen up to 0.6 s with no fault. */
    private static final Duration DATABASE_MARGIN = Duration.ofSeconds(1);
    private static final Duration WARM_FOR = Duration.ofMillis(800);
    private static final Duration DOWN_FOR = Duration.ofMillis(1000);
    private static final Duration AFTER_FOR = Duration.ofMillis(300);
    private static final Duration HIT_AGAIN_LIMIT = Duration.ofSeconds(5);
    private static final int THREADS = 6;
    private static final int HOSTS_PER_THREAD = 3;
    private static final int FIRST_PORT = 1000;

    /** One host a worker owns: only that worker writes it. */
    private record Owned(Host initial, AtomicInteger started, AtomicInteger committed) {
        Host withPort(int port) {
            return new Host(initial.id(), initial.hostname(), initial.ipAddr(), port);
        }
    }

    /** How memcached goes away and comes back. */
    enum Outage {
        /** Retry soon: spymemcached's reconnect back-off is capped at 1 s then. */
        KILL("kill -9, restarted empty on the same port", Duration.ofMillis(500)) {
            @Override
            void begin(MemcachedProcess server) {
                server.kill();
            }

            @Override
            void end(MemcachedProcess server) {
                server.restart();
            }
        },
        /** The circuit, once open, stays open past the thaw: no invalidation reaches the frozen server. */
        FREEZE("SIGSTOP, then SIGCONT with its memory", Duration.ofSeconds(2)) {
            @Override
            void begin(MemcachedProcess server) {
                server.freeze();
            }

            @Override
            void end(MemcachedProcess server) {
                server.thaw();
            }
        };

        private final String how;
        private final Duration retryAfter;

        Outage(String how, Duration retryAfter) {
            this.how = how;
            this.retryAfter = retryAfter;
        }

        abstract void begin(MemcachedProcess server);

        abstract void end(MemcachedProcess server);

        @Override
        public String toString() {
            return how;
        }
    }

    /** Every implementation on H2; raw JDBC on each server too (the cache, not the database, is the subject). */
    static Stream<Arguments> cases() {
        return Stream.concat(Stream.of(Impl.values()).map(impl -> Arguments.of(impl, TestDatabase.H2)),
                TestDatabase.servers().stream().map(server -> Arguments.of(Impl.JDBC, server)));
    }

    @ParameterizedTest(name = "impl={0}, {1}")
    @MethodSource("cases")
    void load_whenMemcachedIsKilledAndRestarted_everyReadIsRightNoCallOutlivesTheTimeoutAndReadsHitAgain(
            Impl impl, TestDatabase target) throws Exception {
        underLoad(impl, target, Outage.KILL);
    }

    @ParameterizedTest(name = "impl={0}, {1}")
    @MethodSource("cases")
    void load_whenMemcachedFreezesAndThawsHoldingStaleRows_everyReadIsRightNoCallOutlivesTheTimeoutAndReadsHitAgain(
            Impl impl, TestDatabase target) throws Exception {
        underLoad(impl, target, Outage.FREEZE);
    }

    private static void underLoad(Impl impl, TestDatabase target, Outage outage) throws Exception {
        Database database = target.open();
        database.reset();
        MemcachedOptions options = MemcachedOptions.defaults()
                .withKeyPrefix("fault-outage-" + UUID.randomUUID())
                .withOperationTimeout(OPERATION_TIMEOUT)
                .withCircuit(MemcachedOptions.DEFAULT_FAILURE_THRESHOLD, outage.retryAfter);
        try (MemcachedProcess memcached = MemcachedProcess.start()) {
            Repositories delegate = impl.open(database.dataSource());
            // Closing the cached repositories closes the bare implementation too.
            MemcachedBackend memcachedBackend = MemcachedBackend.connect(memcached.address(), options);
            TimedBackend backend = new TimedBackend(memcachedBackend);
            try (CachedRepositories cached = new CachedRepositories(delegate, backend)) {
                HostRepository hosts = cached.hosts();
                List<List<Owned>> owned = createHosts(delegate);
                warmUp(hosts, owned);
                // A host no worker touches, cached before the outage and written while memcached is away.
                Host probe = delegate.hosts().add(new NewHost("load-probe", "10.99.99.99", FIRST_PORT));
                String probeKey = memcachedBackend.keyOf(Region.HOST_BY_ID.key(probe.id()));
                hosts.findById(probe.id());

                AtomicLong backAt = new AtomicLong();
                AtomicLong firstHitAfterBack = new AtomicLong();
                AtomicInteger reads = new AtomicInteger();
                AtomicInteger violations = new AtomicInteger();
                List<String> examples = new CopyOnWriteArrayList<>();
                cached.onEvent(event -> {
                    if (event.type() == CacheEvent.Type.HIT && backAt.get() != 0) {
                        firstHitAfterBack.compareAndSet(0, System.nanoTime());
                    }
                });
                AtomicLong awayAt = new AtomicLong(Long.MAX_VALUE);
                AtomicLong longestWaitBefore = new AtomicLong();
                AtomicLong longestWait = new AtomicLong();
                Load load = Load.start(THREADS, (worker, n) -> {
                    long start = System.nanoTime();
                    backend.takeWaitedNanos();
                    String wrong = turn(hosts, owned, worker, n, reads);
                    long waited = backend.takeWaitedNanos();
                    (start < awayAt.get() ? longestWaitBefore : longestWait).accumulateAndGet(waited, Math::max);
                    if (wrong != null && violations.incrementAndGet() <= 5) {
                        examples.add(wrong);
                    }
                    return null;
                });
                Load.pause(WARM_FOR.toMillis());
                long hitsBefore = cached.stats().hits();

                Optional<Integer> probeCached = memcached.hostPortAt(probeKey);
                long away = System.nanoTime();
                awayAt.set(away);
                outage.begin(memcached);
                Load.pause(DOWN_FOR.toMillis() / 2);
                Host probeWritten = hosts.update(probe.id(), HostChanges.none().withPort(FIRST_PORT + 1));
                Load.pause(DOWN_FOR.toMillis() / 2);
                outage.end(memcached);
                long back = System.nanoTime();
                backAt.set(back);
                Optional<Integer> probeKept = memcached.hostPortAt(probeKey);
                long deadline = back + HIT_AGAIN_LIMIT.toNanos();
                while (firstHitAfterBack.get() == 0 && System.nanoTime() < deadline) {
                    Load.pause(20);
                }
                // Memcached is in use again: the probe's read may now go to it.
                Optional<Host> probeRead = hosts.findById(probe.id());
                Load.pause(AFTER_FOR.toMillis());
                int hung = load.stop(Duration.ofSeconds(5));

                long hitAgain = firstHitAfterBack.get();
                Duration hitAgainAfter = hitAgain == 0 ? null : Duration.ofNanos(hitAgain - back);
                Duration longestBefore = longest(load, Long.MIN_VALUE, away);
                Duration longestAround = longest(load, away - OPERATION_TIMEOUT.toNanos(), back);
                String figures = String.format("%d calls (%d reads checked), %d failed, %d wrong reads %s;"
                                + " longest call %d ms (%d ms before the outage, %d ms while memcached was away); longest wait for"
                                + " the cache in one call %d ms (%d ms before the outage);"
                                + " %d hits before, %d cache errors; reads hit again %s after its return;"
                                + " a host cached with port %s and written while memcached was away: it came back"
                                + " holding port %s, read back as %s",
                        load.calls().size(), reads.get(), load.failures().size(), violations.get(), examples,
                        load.longestCall().toMillis(), longestBefore.toMillis(), longestAround.toMillis(),
                        Math.max(longestWait.get(), longestWaitBefore.get()) / 1_000_000, longestWaitBefore.get() / 1_000_000,
                        hitsBefore, cached.stats().errors(),
                        hitAgainAfter == null ? "never" : hitAgainAfter.toMillis() + " ms",
                        probeCached.map(String::valueOf).orElse("(none)"), probeKept.map(String::valueOf).orElse("(none)"),
                        probeRead.map(h -> "port " + h.port()).orElse("absent"));
                System.out.printf("[fault] memcached %s, under load %s, %s: %s%n", outage, impl, target, figures);

                assertThat(hung).as("no call still running 5 s after the load stopped (%s)", figures).isZero();
                assertThat(load.failures()).as("the cache fails open: no call failed (%s)", figures).isEmpty();
                assertThat(violations.get())
                        .as("every read returned the row as last committed, never an older one (%s)", figures).isZero();
                assertThat(Duration.ofNanos(Math.max(longestWait.get(), longestWaitBefore.get())))
                        .as("no call waited for memcached longer than %d × the %d ms operation timeout + %d ms (%s)",
                                options.failureThreshold(), OPERATION_TIMEOUT.toMillis(), WAIT_MARGIN.toMillis(), figures)
                        .isLessThanOrEqualTo(CACHE_WAIT_BOUND);
                assertThat(load.longestCall())
                        .as("no call took longer than that plus %d ms for the database and the scheduler (%s)",
                                DATABASE_MARGIN.toMillis(), figures)
                        .isLessThanOrEqualTo(CACHE_WAIT_BOUND.plus(DATABASE_MARGIN));
                assertThat(probeCached).as("the probe host was cached before the outage (%s)", figures).contains(FIRST_PORT);
                assertThat(probeKept).as(outage == Outage.FREEZE
                                ? "the scenario: memcached came back still holding the probe's old row (%s)"
                                : "the scenario: memcached came back empty (%s)", figures)
                        .isEqualTo(outage == Outage.FREEZE ? Optional.of(FIRST_PORT) : Optional.empty());
                assertThat(probeRead).as("the host written while memcached was away is read back as written (%s)", figures)
                        .contains(probeWritten);
                assertThat(hitsBefore).as("reads hit memcached before the outage (%s)", figures).isPositive();
                assertThat(cached.stats().errors()).as("the outage was noticed: cache errors were counted (%s)", figures)
                        .isPositive();
                assertThat(hitAgainAfter).as("reads hit memcached again within %d s of its return (%s)",
                        HIT_AGAIN_LIMIT.toSeconds(), figures).isNotNull();
                everyOwnedHostAgreesWithTheTable(hosts, owned, new Tables(database));
            }
        }
    }

    /** Creates every worker's hosts (port {@value #FIRST_PORT}) below the cache, with the bare implementation. */
    private static List<List<Owned>> createHosts(Repositories delegate) {
        List<NewHost> rows = new ArrayList<>();
        for (int w = 0; w < THREADS; w++) {
            for (int k = 0; k < HOSTS_PER_THREAD; k++) {
                rows.add(new NewHost("load-w" + w + "-h" + k, "10.99." + w + "." + k, FIRST_PORT));
            }
        }
        List<Host> created = delegate.hosts().addAll(rows);
        List<List<Owned>> owned = new ArrayList<>();
        for (int w = 0; w < THREADS; w++) {
            List<Owned> mine = new ArrayList<>();
            for (int k = 0; k < HOSTS_PER_THREAD; k++) {
                mine.add(new Owned(created.get(w * HOSTS_PER_THREAD + k),
                        new AtomicInteger(FIRST_PORT), new AtomicInteger(FIRST_PORT)));
            }
            owned.add(List.copyOf(mine));
        }
        return List.copyOf(owned);
    }

    /** Loads the classes and the statements once, so the load measures the cache, not the JIT. */
    private static void warmUp(HostRepository hosts, List<List<Owned>> owned) {
        for (List<Owned> mine : owned) {
            for (Owned host : mine) {
                hosts.findById(host.initial().id());
                hosts.findByHostname(host.initial().hostname());
            }
        }
        SampleData.HOSTS.forEach(h -> hosts.findById(h.id()));
    }

    /**
     * One turn of worker {@code w}: a write of its own host, a read of its own (by id and by name),
     * a read of another worker's host, or a read of a sample host nobody writes.
     *
     * @return what was wrong with the read, or null
     */
    private static String turn(HostRepository hosts, List<List<Owned>> owned, int w, int n, AtomicInteger reads) {
        Owned mine = owned.get(w).get(n % HOSTS_PER_THREAD);
        switch (n % 5) {
            case 0 -> {
                int port = mine.started().incrementAndGet();
                Host stored = hosts.update(mine.initial().id(), HostChanges.none().withPort(port));
                mine.committed().set(port);
                return stored.equals(mine.withPort(port)) ? null : "update returned " + stored + ", wanted port " + port;
            }
            case 1, 2 -> {
                Host expected = mine.withPort(mine.committed().get());
                Optional<Host> read = n % 5 == 1 ? hosts.findById(expected.id()) : hosts.findByHostname(expected.hostname());
                reads.incrementAndGet();
                return read.equals(Optional.of(expected)) ? null
                        : "worker " + w + " read its own host as " + read + " after committing " + expected;
            }
            case 3 -> {
                int other = (w + 1 + ThreadLocalRandom.current().nextInt(THREADS - 1)) % THREADS;
                Owned theirs = owned.get(other).get(ThreadLocalRandom.current().nextInt(HOSTS_PER_THREAD));
                int atLeast = theirs.committed().get();
                Optional<Host> read = hosts.findById(theirs.initial().id());
                int atMost = theirs.started().get();
                reads.incrementAndGet();
                boolean right = read.isPresent() && read.get().equals(theirs.withPort(read.get().port()))
                        && read.get().port() >= atLeast && read.get().port() <= atMost;
                return right ? null : "host " + theirs.initial().id() + " read as " + read
                        + ", committed port was at least " + atLeast + " and at most " + atMost;
            }
            default -> {
                Host sample = SampleData.HOSTS.get(n % SampleData.HOSTS.size());
                Optional<Host> read = hosts.findById(sample.id());
                reads.incrementAndGet();
                return read.equals(Optional.of(sample)) ? null : "sample host read as " + read + ", is " + sample;
            }
        }
    }

    /** The longest call that started in [from, to). */
    private static Duration longest(Load load, long from, long to) {
        return load.calls().stream().filter(c -> c.startNanos() >= from && c.startNanos() < to)
                .map(Load.Call::duration).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    private static void everyOwnedHostAgreesWithTheTable(HostRepository hosts, List<List<Owned>> owned, Tables tables) {
        Map<Integer, Host> rows = tables.hosts().stream().collect(Collectors.toMap(Host::id, Function.identity()));
        for (List<Owned> mine : owned) {
            for (Owned host : mine) {
                Host stored = rows.get(host.initial().id());
                assertThat(stored).as("the table holds the last port committed").isEqualTo(host.withPort(host.committed().get()));
                assertThat(hosts.findById(stored.id())).as("afterwards the cache agrees with the table").contains(stored);
            }
        }
    }
}
