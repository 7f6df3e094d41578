package dev.sqlstudy.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the benchmark without the CLI, for a build checkout:
 * {@code java -cp cli/target/sqlstudy-cli.jar dev.sqlstudy.bench.BenchMain --quick --db mem --only pointById}
 * (or {@code ./mvnw -q -pl bench exec:exec -Dbench.args="…"} once the modules are installed).
 * Options: {@code --quick}, {@code --db SPEC} (repeatable), {@code --memcached HOST:PORT[,…]},
 * {@code --redis HOST:PORT[,…]},
 * {@code --out DIR}, {@code --only REGEX} (workload ids such as {@code StackBenchmarks.pointById}),
 * {@code --profile NAME[:OPTIONS]} (repeatable: a JMH profiler besides {@code gc}, which always runs).
 * {@code --render DIR/results.json} measures nothing: it judges the goals again and writes
 * {@code report.md} and {@code report.html} again beside a run's {@code results.json}, with this
 * build's goals and report writer (both are a function of the figures, so a fix reaches a
 * committed run).
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        boolean quick = false;
        Path out = null;
        List<String> dbs = new ArrayList<>();
        String memcached = null;
        String redis = null;
        String only = null;
        List<String> profilers = new ArrayList<>();
        if (args.length == 2 && args[0].equals("--render")) {
            render(Path.of(args[1]));
            return;
        }
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--db" -> dbs.add(args[++i]);
                case "--memcached" -> memcached = args[++i];
                case "--redis" -> redis = args[++i];
                case "--out" -> out = Path.of(args[++i]);
                case "--only" -> only = args[++i];
                case "--profile" -> profilers.add(args[++i]);
                default -> {
                    System.err.println("error: unknown option '" + args[i]
                            + "' (use --quick, --db SPEC, --memcached SERVERS, --redis SERVERS, --out DIR, --only REGEX, "
                            + "--profile NAME, or --render RESULTS.json alone)");
                    System.exit(2);
                }
            }
        }
        BenchOptions options = new BenchOptions(quick, out, dbs, memcached, redis);
        BenchResult result = BenchRunner.run(options, RunPlan.of(quick).withOnly(only).withProfilers(profilers), System.out);
        System.exit(result.measurements() == 0 ? 1 : 0);
    }

    private static void render(Path resultsJson) {
        try {
            Results read = ResultsJson.read(resultsJson);
            // The goals are a function of the figures too: judged again by this build, and kept in results.json.
            Results results = new Results(read.schemaVersion(), read.settings(), read.environment(), read.databases(),
                    read.memcached(), read.dropped(), read.measurements(), read.failures(),
                    Goals.evaluate(read.measurements(), read.databases(), read.memcached(), read.redis(), read.dropped()),
                    read.redis());
            Path dir = resultsJson.toAbsolutePath().getParent();
            ResultsJson.write(results, resultsJson);
            java.nio.file.Files.writeString(dir.resolve("report.md"), MarkdownReport.render(results));
            java.nio.file.Files.writeString(dir.resolve("report.html"), HtmlReport.render(results));
            System.out.println("rendered " + dir.resolve("report.md") + " and " + dir.resolve("report.html"));
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("error: cannot render " + resultsJson + ": " + e.getMessage());
            System.exit(2);
        }
    }
}
