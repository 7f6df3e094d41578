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
 * gone by then counts what was noted. Without a note the iteration's client I/O figure is left out.
 */
public final class ThreadCpuProfiler implements InternalProfiler {

    /** CPU of the benchmark threads, ns per operation. */
    static final String CALLER = "cpu.caller";
    /** CPU of the cache clients' I/O threads, ns per operation (absent when no client ran). */
    static final String CLIENT_IO = "cpu.clientIo";
    /** CPU of the whole JVM, ns per operation. */
    static final String PROCESS = "cpu.process";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    /** The CPU of client I/O threads noted just before their clients closed, by thread id. */
    private static final Map<Long, Long> NOTED = new ConcurrentHashMap<>();

    private Map<Long, Long> threadCpuAtStart = Map.of();
    private List<Long> clientIoAtStart = List.of();
    private long processCpuAtStart;

    public ThreadCpuProfiler() {
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
        Map<Long, Long> cpu = new HashMap<>();
        List<Long> clientIo = new ArrayList<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            long time = info == null ? -1 : threads.getThreadCpuTime(info.getThreadId());
            if (time >= 0) {
                cpu.put(info.getThreadId(), time);
                if (CLIENT_IO.equals(role(info.getThreadName()))) {
                    clientIo.add(info.getThreadId());
                }
            }
        }
        threadCpuAtStart = cpu;
        clientIoAtStart = clientIo;
        processCpuAtStart = os.getProcessCpuTime();
    }

    @Override
    public List<? extends Result<?>> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                     IterationResult result) {
        long process = os.getProcessCpuTime() - processCpuAtStart;
        long caller = 0;
        long clientIo = 0;
        List<Long> clientIoAtEnd = new ArrayList<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            long now = info == null ? -1 : threads.getThreadCpuTime(info.getThreadId());
            if (now < 0) {
                continue;
            }
            long spent = now - threadCpuAtStart.getOrDefault(info.getThreadId(), 0L);
            String role = role(info.getThreadName());
            if (CALLER.equals(role)) {
                caller += spent;
            } else if (CLIENT_IO.equals(role)) {
                clientIo += spent;
                clientIoAtEnd.add(info.getThreadId());
            }
        }
        // Client I/O threads that ended during the iteration: what was noted before their clients closed.
        boolean everyClientThread = true;
        for (long gone : clientIoAtStart) {
            if (!clientIoAtEnd.contains(gone) && !NOTED.containsKey(gone)) {
                everyClientThread = false;
            }
        }
        for (Map.Entry<Long, Long> noted : NOTED.entrySet()) {
            if (!clientIoAtEnd.contains(noted.getKey())) {
                clientIo += noted.getValue() - threadCpuAtStart.getOrDefault(noted.getKey(), 0L);
            }
        }
        boolean anyClient = !clientIoAtStart.isEmpty() || !clientIoAtEnd.isEmpty() || !NOTED.isEmpty();
        NOTED.clear();
        long ops = result.getMetadata() == null ? 0 : result.getMetadata().getMeasuredOps();
        if (ops <= 0) {
            return List.of();
        }
        List<Result<?>> figures = new ArrayList<>();
        figures.add(perOp(CALLER, caller, ops));
        figures.add(perOp(PROCESS, process, ops));
        if (anyClient && everyClientThread) {
            figures.add(perOp(CLIENT_IO, clientIo, ops));
        }
        return figures;
    }

    /**
     * Notes the CPU time of every cache client I/O thread now: a state calls it just before it
     * closes its clients, whose threads then end before the profiler reads them.
     */
    public static void noteClientThreads() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && CLIENT_IO.equals(role(info.getThreadName()))) {
                long time = threads.getThreadCpuTime(info.getThreadId());
                if (time >= 0) {
                    NOTED.put(info.getThreadId(), time);
                }
            }
        }
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
