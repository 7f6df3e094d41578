package dev.sqlstudy.bench;

import dev.sqlstudy.domain.Host;
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
import org.openjdk.jmh.infra.ThreadParams;

/**
 * The point read by id with 1, 2, 4 and 8 threads sharing one stack (one pool, one cache): what
 * the pool and each cache do under contention. The runner sets JMH's thread count per trial; each
 * thread walks the hot set from its own position. Throughput is threads ÷ the mean time of one
 * operation, which holds because every thread runs the operation back to back.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ThreadedBenchmarks {

    /**
     * {@link StackBenchmarks#pointById} with every thread at once. Run:
     * {@code ./mvnw -q -pl bench exec:exec -Dbench.args="--quick --sweeps --only ThreadedBenchmarks.pointByIdThreads"}.
     */
    @Benchmark
    public Optional<Host> pointByIdThreads(StackState s, Cursor cursor) {
        s.sharedOps.increment();
        return s.hosts.findById(s.data.hotId(cursor.n++));
    }

    /** One thread's position in the hot set. */
    @State(Scope.Thread)
    public static class Cursor {

        long n;

        @Setup(Level.Trial)
        public void start(ThreadParams thread) {
            // Apart from the other threads, so they do not ask for the same key at the same time.
            n = thread.getThreadIndex() * 23L;
        }
    }
}
