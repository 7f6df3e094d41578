package dev.sqlstudy.bench;

import dev.sqlstudy.db.Database;
import dev.sqlstudy.db.StatementCounter;
import dev.sqlstudy.domain.FamilyRepository;
import dev.sqlstudy.domain.HostRepository;
import dev.sqlstudy.cache.CacheKind;
import dev.sqlstudy.cache.CacheSettings;
import dev.sqlstudy.cache.CacheStats;
import dev.sqlstudy.stack.Impl;
import dev.sqlstudy.stack.Stack;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * One stack under measurement — the database ({@code db}, a {@code --db} spec), the implementation
 * and the cache — opened exactly as the CLI opens it, over freshly loaded {@link BenchData}. A new
 * stack (and so an empty cache) per trial. Counts SQL statements and cache events during the
 * measured iterations only and hands them to the runner through the {@link Sidecar}.
 */
@State(Scope.Benchmark)
public class StackState {

    /** A {@code --db} spec: {@code mem}, {@code h2} or a JDBC URL. */
    @Param({"mem"})
    public String db;

    @Param
    public Impl impl;

    @Param
    public CacheKind cache;

    /** {@code host:port[,host:port…]}, or {@code none}. */
    @Param({"none"})
    public String memcached;

    /**
     * The size of a sized workload's operation (names, children, parents, rows; see
     * {@link Workload#sizes()}); 0 runs it at its standard size. Workloads without a size ignore it.
     */
    @Param({"0"})
    public int size;

    /** {@code host:port[,host:port…]} of Redis, or {@code none}. */
    @Param({"none"})
    public String redis;

    Stack stack;
    HostRepository hosts;
    FamilyRepository families;
    BenchData data;

    /** Operations run so far in this trial; also the sequence the workloads pick keys from. */
    long ops;
    /** Set by a workload that inserts rows; they are deleted after the iteration. */
    boolean inserted;
    /** The size this trial's workload runs at (its standard size when {@link #size} is 0). */
    int effectiveSize;
    /**
     * Operations of the thread sweep, where several threads share this state: a {@code LongAdder}
     * so they do not contend on one counter (the single-thread workloads keep the plain
     * {@link #ops}, which costs nothing on a nanosecond hit).
     */
    final LongAdder sharedOps = new LongAdder();

    private Database database;
    private long opsAtStart;
    private long statementsAtStart;
    private long commitsAtStart;
    private CacheStats cacheAtStart = CacheStats.ZERO;
    private Sidecar.Counts measured;

    @Setup(Level.Trial)
    public void open(BenchmarkParams benchmark) {
        database = BenchDatabases.open(db);
        Workload workload = Workload.ofBenchmark(benchmark.getBenchmark()).orElse(Workload.POINT_BY_ID);
        Integer sized = workload.effectiveSize(size);
        effectiveSize = sized == null ? 0 : sized;
        data = BenchData.load(database, workload, sized);
        CacheSettings settings = CacheSettings.defaults();
        if (!"none".equals(memcached)) {
            settings = settings.withMemcachedServers(memcached);
        }
        if (!"none".equals(redis)) {
            settings = settings.withRedisServers(redis);
        }
        stack = Stack.over(database, impl, cache, settings);
        // The data was just reloaded; entries an earlier trial left in memcached must not answer.
        stack.clearCache();
        hosts = stack.hosts();
        families = stack.families();
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        StatementCounter counter = database.statements();
        opsAtStart = ops;
        sharedOps.reset();
        statementsAtStart = counter.statements();
        commitsAtStart = counter.commits();
        cacheAtStart = stack.cacheStats();
    }

    @TearDown(Level.Iteration)
    public void endIteration(BenchmarkParams benchmark, IterationParams iteration) {
        if (iteration.getType() == IterationType.MEASUREMENT) {
            StatementCounter counter = database.statements();
            Sidecar.Counts counts = new Sidecar.Counts(benchmark.getBenchmark(), db, impl.name(), cache.name(),
                    ops - opsAtStart + sharedOps.sum(), counter.statements() - statementsAtStart,
                    counter.commits() - commitsAtStart, stack.cacheStats().minus(cacheAtStart), Environments.heapAndGc(),
                    size, benchmark.getThreads());
            measured = measured == null ? counts : measured.plus(counts);
        }
        if (inserted) {
            // Through the stack, so a cache in front forgets the rows too; after the counts are taken.
            hosts.deleteWhereIdGreaterThan(data.lastSeededHostId());
            inserted = false;
        }
    }

    @TearDown(Level.Trial)
    public void close(BenchmarkParams benchmark) {
        if (measured != null) {
            Sidecar.write(measured);
        }
        measured = null;
        if (stack != null) {
            ThreadCpuProfiler.noteClientThreads();
            stack.close();
        }
        if (benchmark.getForks() > 0) {
            BenchDatabases.close(db);
        }
    }
}
