package dev.sqlstudy.cli;

import dev.sqlstudy.cache.CacheKind;
import dev.sqlstudy.stack.Impl;
import java.io.PrintWriter;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code study compare [--impls …] [--caches …] [--repeat N] <command…>}: one data command on every
 * implementation × cache, side by side — answers, SQL, counts, time.
 *
 * <p>The compared command is not re-implemented here. Its words are parsed by the ordinary command
 * tree, over a {@link StudyCommand} that captures the action {@link StudyCommand#run} would have run
 * instead of running it; so every data command, with its options, help and validation, works in
 * {@code compare} unchanged, and a bad argument is the same one {@code error:} line, exit 2, before
 * any stack is opened. {@link Comparison} then runs that one action on each stack.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs one data command (hosts …, family …, joins …) on every implementation × cache over the "
                + "chosen database (--db), and shows side by side: whether each answer is raw JDBC's, the SQL "
                + "statements, commits and rollbacks, round trips, cache hits and misses, the time, and each "
                + "stack's SQL one under the other.",
                "",
                "Same start for every stack: a write (hosts add/import/update/set-port/delete/rollback-demo, "
                        + "family add/add-child/move/delete) runs once per stack, each time right after the database "
                        + "is RESET to the sample data (as demo does; afterwards it holds what the last stack wrote). "
                        + "A read runs on the data as it is: each stack's cache is cleared, the command runs once cold "
                        + "(that run's answer and SQL are shown), then --repeat times warm.",
                "",
                "Round trips = statements + commits + rollbacks, as the database saw them (a JDBC batch is one "
                        + "statement; connection set-up and pool checks are not counted). Time: the median of the "
                        + "warm runs of a read, the one run of a write, in milliseconds in this process (./study starts "
                        + "the JVM for a quick start, not peak speed; to measure, use study bench).",
                "",
                "'compare demo' (or 'demo --compare') walks the whole tutorial on every stack and lines up each "
                        + "step's SQL, flagging a different statement count or answer.",
                "",
                "A stack that fails is reported in its row with its exit code, and the others still run; the "
                        + "exit code is the worst one. JSON: one document {\"command\",\"database\",\"stacks\":"
                        + "[{\"impl\",\"cache\",\"result\",\"same_as_jdbc\",\"statements\",\"sql\",\"commits\","
                        + "\"rollbacks\",\"cache_hits\",\"cache_misses\",\"median_ms\"}]} (cli/README.md)."},
        footer = {"", "Examples:",
                "  study compare hosts find --hostname ubuntu",
                "  study compare --caches none,caffeine hosts get 1 --repeat 5",
                "  study compare --impls jdbc,hibernate hosts import hosts.csv",
                "  study --db jdbc:mysql://127.0.0.1:3306/test compare family list --format json",
                "  study compare demo"})
final class CompareCommand implements Callable<Integer> {

    /** Warm runs of a read per stack when --repeat is not given: enough for a median, quick to watch. */
    static final int DEFAULT_REPEAT = 5;

    /** The commands there is something to compare in: the data commands (demo aside). */
    private static final Set<String> DATA_COMMANDS = Set.of("hosts", "family", "joins");

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private StudyCommand root;

    @Option(names = "--impls", split = ",", paramLabel = "IMPL", converter = StudyCommand.ImplConverter.class,
            completionCandidates = StudyCommand.ImplNames.class,
            description = "Implementations, in this order (default all: ${COMPLETION-CANDIDATES}).")
    private List<Impl> impls;

    @Option(names = "--caches", split = ",", paramLabel = "CACHE", converter = StudyCommand.CacheConverter.class,
            completionCandidates = StudyCommand.CacheNames.class,
            description = "Caches, each in front of every implementation (default none; any of ${COMPLETION-CANDIDATES}).")
    private List<CacheKind> caches;

    @Option(names = "--repeat", paramLabel = "N",
            description = "Warm runs of a read on each stack after the first, timed (default " + DEFAULT_REPEAT
                    + "). A write runs once.")
    private Integer repeat;

    @Parameters(paramLabel = "COMMAND", arity = "0..*",
            description = "The command to compare, with its arguments: hosts …, family …, joins …, or demo.")
    private List<String> command;

    @Override
    public Integer call() {
        if (command == null || command.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                    "missing command to compare: one of " + String.join(", ", DATA_COMMANDS.stream().sorted().toList())
                            + " (with its arguments), or demo");
        }
        if (repeat != null && repeat < 1) {
            throw new ParameterException(spec.commandLine(), "--repeat must be 1 or more, was " + repeat);
        }
        refuseSingleStackOptions(root, spec.commandLine());
        String first = command.get(0);
        if (first.equals("demo")) {
            if (command.size() > 1) {
                throw new ParameterException(spec.commandLine(), "compare demo takes no arguments, was given "
                        + String.join(" ", command.subList(1, command.size())));
            }
            return demo(root, spec, list(impls), list(caches), repeat);
        }
        if (!DATA_COMMANDS.contains(first)) {
            throw new ParameterException(spec.commandLine(), "compare runs a data command (one of "
                    + String.join(", ", DATA_COMMANDS.stream().sorted().toList()) + ") or demo, not '" + first + "'");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Captured captured = capture(command, out, err);
        if (captured.exitCode() != ExitCode.OK || captured.action() == null) {
            // The command's own error line (or its --help) is printed already.
            if (captured.exitCode() != ExitCode.OK && root.explain()) {
                err.println(Trace.summary(0, 0, 0));
                err.flush();
            }
            return captured.exitCode();
        }
        Comparison.Job job = new Comparison.Job(String.join(" ", command), captured.action(), writes(captured.leaf()));
        return Comparison.run(root, out, err, new Comparison.Axes(list(impls), list(caches)), repeat, job);
    }

    /** {@code study demo --compare} and {@code study compare demo}. */
    static int demo(StudyCommand root, CommandSpec spec, List<Impl> impls, List<CacheKind> caches) {
        refuseSingleStackOptions(root, spec.commandLine());
        return demo(root, spec, impls, caches, null);
    }

    private static int demo(StudyCommand root, CommandSpec spec, List<Impl> impls, List<CacheKind> caches,
                            Integer repeat) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return Comparison.runDemo(root, out, err, new Comparison.Axes(impls, caches), repeat);
    }

    /** One stack's --impl or --cache has no meaning when every stack runs: say which option to use. */
    private static void refuseSingleStackOptions(StudyCommand root, CommandLine commandLine) {
        if (root.implOption() != null) {
            throw new ParameterException(commandLine, "compare runs every implementation: choose them with --impls, not --impl");
        }
        if (root.cacheOption() != null) {
            throw new ParameterException(commandLine, "compare runs every cache given: choose them with --caches, not --cache");
        }
    }

    /** The compared command, parsed and validated by its own class; its action captured, not run. */
    private Captured capture(List<String> words, PrintWriter out, PrintWriter err) {
        List<StudyCommand.Action> actions = new ArrayList<>(1);
        StudyCommand nested = new StudyCommand(root.env(), StudyCommand.StackWrapper.NONE,
                (command, action) -> actions.add(action));
        CommandLine commandLine = StudyCli.commandLine(nested, out, err);
        int code = commandLine.execute(words.toArray(String[]::new));
        if (code != ExitCode.OK || actions.isEmpty()) {
            return new Captured(code, null, null);
        }
        // The command that ran is the deepest one parsed (hosts get, joins): its method or class says whether it writes.
        CommandLine.ParseResult parsed = commandLine.getParseResult();
        while (parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        return new Captured(code, parsed.commandSpec(), actions.get(0));
    }

    /** Whether the command carries {@link Writes} (a method subcommand's method, or a command's class). */
    static boolean writes(CommandSpec command) {
        Object user = command.userObject();
        AnnotatedElement element = user instanceof AnnotatedElement annotated ? annotated : user.getClass();
        return element.isAnnotationPresent(Writes.class);
    }

    private static <T> List<T> list(List<T> given) {
        return given == null ? List.of() : given.stream().distinct().toList();
    }

    private record Captured(int exitCode, CommandSpec leaf, StudyCommand.Action action) {
    }
}
