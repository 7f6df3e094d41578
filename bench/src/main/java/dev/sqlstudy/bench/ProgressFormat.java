package dev.sqlstudy.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * JMH's output, cut down to one line per trial — {@code [ 12/78  1m40s, ~4m left] mem jdbc/none
 * pointById  14.2 µs/op} — and the failures JMH reports, kept for the report.
 */
final class ProgressFormat implements OutputFormat {

    private final PrintStream out;
    private final int total;
    private final long startNanos = System.nanoTime();
    private final List<Results.Failure> failures = new ArrayList<>();
    private int done;
    private BenchmarkParams current;
    private boolean failing;
    private StringBuilder failure;

    ProgressFormat(PrintStream out, int total) {
        this.out = out;
        this.total = total;
    }

    List<Results.Failure> failures() {
        return failures;
    }

    /** A whole JMH invocation that did not start (another JMH holds its lock, a bad option): its workloads failed. */
    void invocationFailed(List<String> workloads, Map<String, String> params, String message) {
        note("JMH failed: " + message);
        for (String workload : workloads) {
            failures.add(new Results.Failure(workload, params, message));
        }
    }

    void note(String line) {
        out.println(line);
        out.flush();
    }

    @Override
    public void startBenchmark(BenchmarkParams params) {
        finishFailure();
        current = params;
        done++;
        long elapsed = System.nanoTime() - startNanos;
        String eta = done <= 1 ? "" : ", ~" + human(Duration.ofNanos(elapsed / (done - 1) * (total - done + 1))) + " left";
        out.printf(Locale.ROOT, "[%3d/%d %6s%s] %s%n", done, total, human(Duration.ofNanos(elapsed)), eta, describe(params));
        out.flush();
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        finishFailure();
        if (result != null && result.getPrimaryResult() != null) {
            var primary = result.getPrimaryResult();
            boolean sampled = result.getParams().getMode() == org.openjdk.jmh.annotations.Mode.SampleTime;
            out.printf(Locale.ROOT, "          %s/op ± %s, %d %s%n", Units.time(primary.getScore()),
                    Units.time(primary.getScoreError()), primary.getStatistics().getN(), sampled ? "samples" : "iterations");
            out.flush();
        }
    }

    @Override
    public void println(String s) {
        if (s == null) {
            return;
        }
        if (s.startsWith("<failure>")) {
            failing = true;
            failure = new StringBuilder();
            return;
        }
        if (failing && failure.length() == 0 && !s.isBlank()) {
            failure.append(s.lines().filter(l -> !l.isBlank()).findFirst().orElse(s).strip());
        }
    }

    private void finishFailure() {
        if (failing && current != null) {
            String message = failure.length() == 0 ? "failed (no message)" : failure.toString();
            Map<String, String> params = new TreeMap<>();
            for (String key : current.getParamsKeys()) {
                params.put(key, current.getParam(key));
            }
            failures.add(new Results.Failure(shortName(current.getBenchmark()), params, message));
            out.println("          FAILED: " + message);
            out.flush();
        }
        failing = false;
        failure = null;
    }

    static String describe(BenchmarkParams params) {
        String name = shortName(params.getBenchmark()) + " [" + params.getMode().shortLabel() + "]";
        if (params.getParamsKeys().contains("impl")) {
            return dbLabel(params.getParam("db")) + "  " + params.getParam("impl").toLowerCase(Locale.ROOT) + "/"
                    + params.getParam("cache").toLowerCase(Locale.ROOT) + "  " + name;
        }
        return name;
    }

    /** {@code mysql://127.0.0.1:3306/sqlstudy_bench} for a JDBC URL: no query string, no prefix. */
    static String dbLabel(String spec) {
        return spec.replaceFirst("^(?i)jdbc:", "").replaceFirst("\\?.*$", "");
    }

    static String shortName(String benchmark) {
        String[] parts = benchmark.split("\\.");
        return parts.length < 2 ? benchmark : parts[parts.length - 2] + "." + parts[parts.length - 1];
    }

    static String human(Duration d) {
        if (d.toMillis() < 10_000 && d.toMillis() % 1000 != 0) {
            return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
        }
        long s = d.toSeconds();
        return s < 60 ? s + "s" : (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
    }

    @Override
    public void endRun(Collection<RunResult> result) {
        finishFailure();
    }

    @Override
    public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
    }

    @Override
    public void iterationResult(BenchmarkParams benchParams, IterationParams params, int iteration, IterationResult data) {
    }

    @Override
    public void startRun() {
    }

    @Override
    public void print(String s) {
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
    }

    @Override
    public void verbosePrintln(String s) {
    }

    @Override
    public void write(int b) {
    }

    @Override
    public void write(byte[] b) {
    }
}
