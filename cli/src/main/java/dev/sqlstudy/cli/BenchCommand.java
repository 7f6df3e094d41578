package dev.sqlstudy.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sqlstudy.bench.BenchOptions;
import dev.sqlstudy.bench.BenchResult;
import dev.sqlstudy.bench.BenchRunner;
import dev.sqlstudy.bench.RunPlan;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code study bench}: the JMH comparison of every implementation × cache, written as
 * {@code results.json}, {@code report.md} and {@code report.html}. Progress goes to stderr; stdout
 * gets the paths (or one JSON document).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures every implementation × cache with JMH and writes results.json, report.md and "
                + "report.html (charts, ratios against raw JDBC measured in the same run).",
                "On every server given with --db (repeatable: a JDBC URL, or container:mysql / container:mariadb, "
                        + "started once for the whole run) and on H2 — with --quick always, in the full run when no "
                        + "server is given or --db h2 is; with memcached when "
                        + "--memcached or $STUDY_MEMCACHED names one, and with Redis when --redis or $STUDY_REDIS does.",
                "Example: study --db jdbc:mysql://127.0.0.1:3306/sqlstudy_bench --db container:mysql "
                        + "--memcached 127.0.0.1:11211 --redis 127.0.0.1:6379 bench --quick"})
final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private StudyCommand root;

    @Option(names = "--quick", description = "Short iterations in this JVM: the whole matrix in a few minutes.")
    private boolean quick;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench-out",
            description = "Where the report goes (default ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--sweeps", description = "With --quick: also the scaling sweep (each sized workload at every size) "
            + "and the thread sweep (1, 2, 4, 8 threads), which the full run always measures.")
    private boolean sweeps;

    @Option(names = "--only", paramLabel = "REGEX",
            description = "Only the workloads whose id (StackBenchmarks.pointById, CacheBaselines.caffeineGet, …) "
                    + "contains a match: one cell of the report, rerun.")
    private String only;

    @Option(names = "--profile", paramLabel = "NAME[:OPTIONS]",
            description = "A JMH profiler for every trial, as JMH's -prof takes it (repeatable). "
                    + "gc always runs: it gives the report's bytes/op.")
    private List<String> profilers = new ArrayList<>();

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        var stdout = spec.commandLine().getOut();
        List<String> databases = databases(root.dbOptions(), quick);
        try {
            PrintStream progress = new PrintStream(new WriterOutputStream(err), true, StandardCharsets.UTF_8);
            BenchResult result = BenchRunner.run(new BenchOptions(quick, out, databases, root.memcachedGiven(),
                            root.redisGiven()),
                    RunPlan.of(quick).withSweeps(sweeps || !quick).withOnly(only).withProfilers(profilers), progress);
            progress.flush();
            ObjectNode json = Views.object();
            json.put("results", result.resultsJson().toString());
            json.put("report_md", result.reportMarkdown().toString());
            json.put("report_html", result.reportHtml().toString());
            json.put("jmh_result", result.jmhResultJson().toString());
            json.put("measurements", result.measurements());
            json.put("failures", result.failures());
            json.put("goals_met", result.goalsMet());
            json.put("goals_missed", result.goalsMissed());
            json.put("seconds", result.elapsed().toSeconds());
            String table = "report:  " + result.reportHtml() + "\n"
                    + "         " + result.reportMarkdown() + "\n"
                    + "raw:     " + result.resultsJson() + "\n"
                    + "measured " + result.measurements() + " trials (" + result.failures() + " failed) in "
                    + result.elapsed().toSeconds() + " s; goals met " + result.goalsMet() + ", missed "
                    + result.goalsMissed() + "\n";
            root.print(stdout, new Result(json, table));
            return result.measurements() == 0 ? ExitCode.NOT_FOUND : ExitCode.OK;
        } catch (Exception e) {
            return Errors.report(e, err, root.verbose());
        }
    }

    /**
     * The databases measured: every {@code --db} given, once each, and H2 (the benchmark's own
     * file database) first — always in a quick run, in a full run only when no server is given or
     * {@code --db h2} is. Why: a full run forks two JVMs per trial, and an H2 matrix beside two
     * servers would take it past its budget for figures nobody quotes from a full run.
     */
    static List<String> databases(List<String> given, boolean quick) {
        List<String> servers = new ArrayList<>();
        boolean h2Asked = false;
        for (String db : given) {
            String spec = db.strip();
            if (spec.toLowerCase(Locale.ROOT).equals("h2")) {
                h2Asked = true;
            } else if (!servers.contains(spec)) {
                servers.add(spec);
            }
        }
        List<String> databases = new ArrayList<>();
        if (quick || h2Asked || servers.isEmpty()) {
            databases.add("h2");
        }
        databases.addAll(servers);
        return databases;
    }

    /** Lets the benchmark's PrintStream progress share picocli's stderr writer. */
    private static final class WriterOutputStream extends java.io.OutputStream {
        private final java.io.PrintWriter writer;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        WriterOutputStream(java.io.PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) {
            line.write(b);
            if (b == '\n') {
                flush();
            }
        }

        @Override
        public void flush() {
            writer.print(line.toString(StandardCharsets.UTF_8));
            writer.flush();
            line.reset();
        }
    }
}
