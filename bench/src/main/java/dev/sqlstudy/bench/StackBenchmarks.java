package dev.sqlstudy.bench;

import dev.sqlstudy.domain.Host;
import dev.sqlstudy.domain.HostChanges;
import dev.sqlstudy.domain.HostColumn;
import dev.sqlstudy.domain.HostPage;
import dev.sqlstudy.domain.NewHost;
import dev.sqlstudy.domain.Parent;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The workloads of the comparison, each run on every stack ({@link StackState}: database ×
 * implementation × cache). One thread; {@link Mode#SampleTime} gives the mean, its error and the
 * latency percentiles of one operation, except that the runner measures the mean of the
 * sub-microsecond cached look-ups in {@link Mode#AverageTime} (see {@code BenchRunner}).
 *
 * <p>Run them all with {@code ./study bench --quick} (or without {@code --quick} for the full
 * run); run one from a build with
 * {@code ./mvnw -q -pl bench exec:exec -Dbench.args="--quick --only StackBenchmarks.pointById"}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StackBenchmarks {

    /**
     * Point look-up by id over the hot set (100 hosts, each visited once per 100 calls): with a
     * cache, nearly every call is a hit. Run:
     * {@code ./mvnw -q -pl bench exec:exec -Dbench.args="--quick --only StackBenchmarks.pointById"}.
     */
    @Benchmark
    public Optional<Host> pointById(StackState s) {
        return s.hosts.findById(s.data.hotId(s.ops++));
    }

    /**
     * Point look-up by id where every call misses: each call asks for an id no row has, a new one
     * each time, so a cached stack pays its whole miss path — the look-up, the lease, the
     * database read (which finds nothing, one statement) and the fill of the absence — against
     * the bare database read of the same absent id on the uncached stacks. The cost of a miss,
     * beside the hit of {@link #pointById}; {@link #readWriteMix} is the mix. Run:
     * {@code ./study bench --quick --only 'StackBenchmarks\.pointByIdMiss$'}.
     */
    @Benchmark
    public Optional<Host> pointByIdMiss(StackState s) {
        return s.hosts.findById(s.data.absentId(s.ops++));
    }

    /**
     * Point look-up by host name over the same hot set. Run:
     * {@code ./mvnw -q -pl bench exec:exec -Dbench.args="--quick --only StackBenchmarks.pointByHostname"}.
     */
    @Benchmark
    public Optional<Host> pointByHostname(StackState s) {
        return s.hosts.findByHostname(s.data.hotHostname(s.ops++));
    }

    /**
     * An ordered page: 20 hosts ordered by host name, offset cycling over the first 25 pages
     * ({@code ORDER BY hostname LIMIT 20 OFFSET n}). With a cache each page is cached too (one
     * entry per order, offset and limit; every host write makes them all stale), so after the
     * first 25 calls a cached stack answers from the cache. Run:
     * {@code ./mvnw -q -pl bench exec:exec -Dbench.args="--quick --only StackBenchmarks.page20"}.
     */
    @Benchmark
    public List<Host> page20(StackState s) {
        return s.hosts.list(HostPage.of(HostColumn.HOSTNAME, false, s.data.pageOffset(s.ops++), BenchData.PAGE));
    }

    /**
     * {@code WHERE hostname IN (…names…)}: 16 hot host names in one call (1 and 256 in the scaling
     * sweep). Compare with {@link NPlusOneBenchmarks#inListNaive}. Run:
     * {@code ./mvnw -q -pl bench exec:exec -Dbench.args="--quick --only StackBenchmarks.inList"}.
     */
    @Benchmark
    public List<Host> inList(StackState s) {
        return s.hosts.findByHostnameIn(s.data.hostnames(s.ops++, s.effectiveSize));
    }

    /**
     * One parent with its 100 children (1 to 1,000 in the sweep), in one statement (a left join).
     * Compare with {@link NPlusOneBenchmarks#parentWithChildrenNaive}. Run:
     * {@code ./mvnw -q -pl bench exec:exec -Dbench.args="--quick --only StackBenchmarks.parentWithChildren"}.
     */
    @Benchmark
    public Optional<Parent> parentWithChildren(StackState s) {
        s.ops++;
        return s.families.findParent(s.data.bigParentId());
    }

    /**
     * All 100 parents (10 to 1,000 in the sweep) with their children, in one statement. Compare
     * with {@link NPlusOneBenchmarks#allParentsNaive}. Run:
     * {@code ./mvnw -q -pl bench exec:exec -Dbench.args="--quick --only StackBenchmarks.allParentsWithChildren"}.
     */
    @Benchmark
    public List<Parent> allParentsWithChildren(StackState s) {
        s.ops++;
        return s.families.listParents();
    }

    /**
     * 1,000 new hosts (10 to 10,000 in the sweep) in one atomic {@code addAll} (one JDBC batch
     * where the technology allows). One operation = all the rows; the report also gives the time
     * per row. The rows are deleted after each iteration. Run:
     * {@code ./mvnw -q -pl bench exec:exec -Dbench.args="--quick --only StackBenchmarks.batchInsert"}.
     */
    @Benchmark
    public List<Host> batchInsert(StackState s, NextBatch batch) {
        s.ops++;
        s.inserted = true;
        return s.hosts.addAll(batch.hosts);
    }

    /**
     * The same hosts as {@link #batchInsert}, one {@code add} each, inside one unit of work (one
     * commit): the difference is round trips, not commits. Run:
     * {@code ./mvnw -q -pl bench exec:exec -Dbench.args="--quick --only StackBenchmarks.singleInserts"}.
     */
    @Benchmark
    public int singleInserts(StackState s, NextBatch batch) {
        s.ops++;
        s.inserted = true;
        return s.hosts.inTransaction(tx -> {
            int last = 0;
            for (NewHost host : batch.hosts) {
                last = tx.add(host).id();
            }
            return last;
        });
    }

    /**
     * The tutorial's bulk {@code UPDATE hosts SET port = ? WHERE id > ?} over the 1,000 benchmark
     * hosts, the port alternating so every call changes every row; a cache must invalidate every
     * host it holds. Run:
     * {@code ./mvnw -q -pl bench exec:exec -Dbench.args="--quick --only StackBenchmarks.bulkUpdate"}.
     */
    @Benchmark
    public int bulkUpdate(StackState s) {
        long n = s.ops++;
        return s.hosts.updatePortWhereIdGreaterThan(s.data.lastSeededHostId() - BenchData.BENCH_HOSTS,
                (n & 1) == 0 ? 2222 : 3333);
    }

    /**
     * 90 % look-ups by id over the hot set, 10 % updates of a hot host's port: every write
     * invalidates a key the next reads of it miss, so the hit ratio shows what invalidation costs.
     * Run: {@code ./mvnw -q -pl bench exec:exec -Dbench.args="--quick --only StackBenchmarks.readWriteMix"}.
     */
    @Benchmark
    public Object readWriteMix(StackState s) {
        long n = s.ops++;
        int id = s.data.hotId(n);
        if (n % 10 == 9) {
            return s.hosts.update(id, HostChanges.none().withPort(1024 + (int) (n % 60_000)));
        }
        return s.hosts.findById(id);
    }

    /**
     * The next hosts to insert (as many as the trial's size), built and validated outside the
     * measured time.
     */
    @State(Scope.Thread)
    public static class NextBatch {

        List<NewHost> hosts;
        private long batch;

        @Setup(Level.Invocation)
        public void next(StackState s) {
            hosts = BenchData.newHosts(batch++, s.effectiveSize);
        }
    }
}
