package dev.sqlstudy.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler: CPU time per operation, by who spent it — the benchmark's own threads (the
 * caller: repository, decorator, codec, and the cache client's work on the calling thread), the
 * cache clients' I/O threads (spymemcached's selector thread, Lettuce's event loops), and the whole
 * measuring JVM (which adds the JIT compiler, the GC and every other thread).
 *
 * <p>Why: a remote hit is mostly waiting — a loopback round trip and, on 2 cores, the wake-ups of
 * three threads (caller, client I/O, server) — so its wall time moves by tens of microseconds with
 * where the scheduler puts them. CPU per operation moves much less: it says what a decorator costs
 * in work, apart from what it costs in waiting. And a JVM that is still compiling shows it: its
 * whole-JVM CPU per operation stays well above the caller's and the I/O threads' together until
 * the JIT is done, which is how the warm-up of the remote hits was chosen (bench/README).
 *
 * <p>Run it with {@code -prof dev.sqlstudy.bench.ThreadCpuProfiler}; every {@code ./study bench}
 * trial does. A thread that ends takes its CPU time with it, and a trial's cache clients shut down
 * at the end of its last iteration, before JMH hands that iteration to the profilers: the states
 * call {@link #noteClientThreads()} just before they close their clients, and a client I/O thread
 * gone by then counts what was noted. One that ends without a note is a client the trial did not
 * close (in-process: the runner's probe, an earlier trial's) winding down, and counts nothing.
 */
public final class ThreadCpuProfiler implements InternalProfiler {

    /** CPU of the benchmark threads, ns per operation. */
    static final String CALLER = "cpu.caller";
    /** CPU of the cache clients' I/O threads, ns per operation (absent when no client ran). */
    static final String CLIENT_IO = "cpu.clientIo";
    /** CPU of the whole JVM, ns per operation. */
    static final String PROCESS = "cpu.process";

    /** The CPU of client I/O threads noted just before their clients closed, by thread id. */
    private static final Map<Long, Long> NOTED = new ConcurrentHashMap<>();

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private Map<Long, ThreadCpu> atStart = Map.of();
    private long processCpuAtStart;

    /** One live thread's role ({@link #role}) and CPU time so far, ns. */
    private record ThreadCpu(String role, long nanos) {
    }

    public ThreadCpuProfiler() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (threads.isThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) {
            threads.setThreadCpuTimeEnabled(true);
        }
    }

    @Override
    public String getDescription() {
        return "CPU time per operation: the benchmark threads, the cache clients' I/O threads, the whole JVM";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        atStart = liveThreads();
        processCpuAtStart = os.getProcessCpuTime();
    }

    @Override
    public List<? extends Result<?>> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                     IterationResult result) {
        long process = os.getProcessCpuTime() - processCpuAtStart;
        Map<Long, ThreadCpu> atEnd = liveThreads();
        long caller = spentBy(CALLER, atEnd);
        long clientIo = spentBy(CLIENT_IO, atEnd);
        // Client I/O threads that ended during the iteration count what was noted before their clients
        // closed. One with no note since the start belongs to a client this trial did not close (a
        // probe's, an earlier trial's, in-process), still winding down: it counts nothing.
        boolean anyClient = atStart.values().stream().anyMatch(t -> CLIENT_IO.equals(t.role()))
                || atEnd.values().stream().anyMatch(t -> CLIENT_IO.equals(t.role()));
        for (Map.Entry<Long, Long> noted : Map.copyOf(NOTED).entrySet()) {
            if (!atEnd.containsKey(noted.getKey())) {
                anyClient = true;
                clientIo += Math.max(0, noted.getValue() - nanosAtStart(noted.getKey()));
                NOTED.remove(noted.getKey());
            }
        }
        long ops = result.getMetadata() == null ? 0 : result.getMetadata().getMeasuredOps();
        if (ops <= 0) {
            return List.of();
        }
        List<Result<?>> figures = new ArrayList<>();
        figures.add(perOp(CALLER, caller, ops));
        figures.add(perOp(PROCESS, process, ops));
        if (anyClient) {
            figures.add(perOp(CLIENT_IO, clientIo, ops));
        }
        return figures;
    }

    /**
     * Notes the CPU time of every cache client I/O thread now: a state calls it just before it
     * closes its clients, whose threads then end before the profiler reads them.
     */
    public static void noteClientThreads() {
        liveThreads().forEach((id, thread) -> {
            if (CLIENT_IO.equals(thread.role())) {
                NOTED.put(id, thread.nanos());
            }
        });
    }

    /** The CPU the threads of {@code role} alive at the end spent since the start (all of it, for one born since). */
    private long spentBy(String role, Map<Long, ThreadCpu> atEnd) {
        long spent = 0;
        for (Map.Entry<Long, ThreadCpu> thread : atEnd.entrySet()) {
            if (role.equals(thread.getValue().role())) {
                spent += thread.getValue().nanos() - nanosAtStart(thread.getKey());
            }
        }
        return spent;
    }

    private long nanosAtStart(long threadId) {
        ThreadCpu thread = atStart.get(threadId);
        return thread == null ? 0 : thread.nanos();
    }

    /** Every live thread of this JVM whose CPU time can be read, by id. */
    private static Map<Long, ThreadCpu> liveThreads() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, ThreadCpu> live = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            long nanos = info == null ? -1 : threads.getThreadCpuTime(info.getThreadId());
            if (nanos >= 0) {
                live.put(info.getThreadId(), new ThreadCpu(role(info.getThreadName()), nanos));
            }
        }
        return live;
    }

    private static ScalarResult perOp(String label, long nanos, long ops) {
        return new ScalarResult(label, (double) nanos / ops, "ns/op", AggregationPolicy.AVG);
    }

    /** Whose work a thread does, by the name its library gives it: {@link #CALLER}, {@link #CLIENT_IO} or other. */
    static String role(String threadName) {
        // JMH names its workers "<benchmark>-jmh-worker-<n>".
        if (threadName.contains("jmh-worker")) {
            return CALLER;
        }
        // spymemcached's selector thread ("Memcached IO over {…}"); Lettuce's Netty event loops.
        if (threadName.startsWith("Memcached IO") || threadName.startsWith("lettuce-")) {
            return CLIENT_IO;
        }
        return "other";
    }
}
