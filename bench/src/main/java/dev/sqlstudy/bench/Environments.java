package dev.sqlstudy.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** What the report says about the machine and the build: JDK, CPU, cores, commit, load. */
final class Environments {

    private Environments() {
    }

    /**
     * @param measuringJvm       how the trials' JVM was started (the forks' options, or in-process)
     * @param measuringHeapAndGc what the trials reported from inside it ({@link #heapAndGc()}), or null
     */
    static Results.Environment capture(String loadAtStart, Instant started, Instant finished, String measuringJvm,
                                       String measuringHeapAndGc) {
        String jdk = System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
        String jvm = System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version");
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
        String[] git = git();
        double[] timer = timer();
        return new Results.Environment(jdk, jvm, os, cpuModel(), Runtime.getRuntime().availableProcessors(), clocksource(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), jmhVersion(), git[0],
                git[1] == null ? null : !git[1].isBlank(), loadAtStart, started.toString(), finished.toString(),
                Duration.between(started, finished).toSeconds(), timer[0], timer[1], measuringJvm, measuringHeapAndGc);
    }

    /** This JVM's maximum heap and garbage collectors: {@code max heap 1,024 MB; G1 Young Generation, G1 Old Generation}. */
    static String heapAndGc() {
        String collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "max heap %,d MB; %s", Runtime.getRuntime().maxMemory() / (1024 * 1024),
                collectors);
    }

    /**
     * {@code System.nanoTime} here: {granularity, latency} in ns — the smallest non-zero step seen
     * between two reads, and the mean cost of one read. A SampleTime sample of one call includes one
     * read and is a multiple of the granularity, which is what nanosecond percentiles are made of.
     */
    static double[] timer() {
        long granularity = Long.MAX_VALUE;
        int reads = 0;
        long start = System.nanoTime();
        long last = start;
        while (reads < 2_000_000 && last - start < 50_000_000L) {
            long now = System.nanoTime();
            if (now > last) {
                granularity = Math.min(granularity, now - last);
            }
            last = now;
            reads++;
        }
        return new double[] {granularity == Long.MAX_VALUE ? Double.NaN : granularity, (double) (last - start) / reads};
    }

    /** The 1-, 5- and 15-minute load averages, from {@code /proc/loadavg} (null elsewhere). */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** True when JMH's forks, started with this JVM's class path, will find the benchmarks. */
    static boolean benchmarksOnSystemClassPath() {
        return ClassLoader.getSystemClassLoader().getResource("META-INF/BenchmarkList") != null;
    }

    /** Linux's clock source: {@code tsc} makes a timer read cost tens of ns, others far more. */
    private static String clocksource() {
        try {
            return Files.readString(Path.of("/sys/devices/system/clocksource/clocksource0/current_clocksource")).strip();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst().orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String jmhVersion() {
        try {
            return org.openjdk.jmh.util.Version.getPlainVersion();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** {commit, porcelain status}; nulls when this is not a git checkout or git is missing. */
    private static String[] git() {
        String commit = run("git", "rev-parse", "HEAD");
        String status = commit == null ? null : run("git", "status", "--porcelain", "--untracked-files=no");
        return new String[] {commit == null ? null : commit.strip(), status};
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroy();
                return null;
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
