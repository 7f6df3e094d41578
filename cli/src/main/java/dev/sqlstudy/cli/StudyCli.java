package dev.sqlstudy.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Builds the picocli command tree and runs one command line. Tests call {@link #execute} in-process
 * with their own writers and environment; {@link Main} calls it with the real ones.
 */
public final class StudyCli {

    private StudyCli() {
    }

    /** The command tree, printing to {@code out} and {@code err}, reading settings from {@code env}. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> env) {
        return commandLine(new StudyCommand(env), out, err);
    }

    /** The command tree over {@code root}: the ordinary one, or one that captures actions for {@code compare}. */
    static CommandLine commandLine(StudyCommand root, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(root);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setUsageHelpAutoWidth(true);
        commandLine.setUsageHelpLongOptionsMaxWidth(28);
        commandLine.getSubcommands().values().forEach(StudyCli::ownOptionsInHelp);
        // compare's own options and the global ones may come anywhere (compare hosts get 1 --repeat 5);
        // every other word, options of the compared command included, is that command's.
        commandLine.getSubcommands().get("compare").setUnmatchedOptionsArePositionalParams(true);
        // A usage error is one line, "error: …", exit 2 — never a screen of help.
        // With --explain the summary ends stderr on these errors too (cli/README.md: always the last line).
        commandLine.setParameterExceptionHandler((e, args) -> {
            PrintWriter stderr = e.getCommandLine().getErr();
            stderr.println(Errors.usageLine(e));
            if (explainRequested(args)) {
                stderr.println(Trace.summary(0, 0, 0));
            }
            stderr.flush();
            return ExitCode.USAGE;
        });
        // Commands report their own errors (see StudyCommand#run); this catches the rest.
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            boolean verbose = cl.getCommandSpec().root().userObject() instanceof StudyCommand studyRoot && studyRoot.verbose();
            int code = Errors.report(e, cl.getErr(), verbose);
            if (explainRequested(parsed.originalArgs().toArray(String[]::new))) {
                cl.getErr().println(Trace.summary(0, 0, 0));
                cl.getErr().flush();
            }
            return code;
        });
        return commandLine;
    }

    /**
     * A subcommand's help lists its own options; the global ones (inherited, so accepted anywhere)
     * are listed once, by {@code study --help}, instead of in every subcommand's help.
     */
    private static void ownOptionsInHelp(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        spec.usageMessage().abbreviateSynopsis(true);
        command.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, help -> {
            List<OptionSpec> own = spec.options().stream().filter(option -> !option.inherited()).toList();
            return help.optionListExcludingGroups(own)
                    + "Global options (--impl, --cache, --db, --format, --explain, …): study --help\n";
        });
        command.getSubcommands().values().forEach(StudyCli::ownOptionsInHelp);
    }

    /**
     * Whether the command line asks for {@code --explain}. Read from the arguments themselves: a
     * usage error may stop parsing before the option is applied, and the summary is still owed.
     */
    static boolean explainRequested(String[] args) {
        if (args == null) {
            return false;
        }
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals("--explain") || (arg.startsWith("--explain=") && !arg.equalsIgnoreCase("--explain=false"))) {
                return true;
            }
        }
        return false;
    }

    /** Runs one command line and returns its exit code (cli/README.md: 0, 1, 2, 3 or 4). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        return execute(args, out, err, env, StudyCommand.StackWrapper.NONE);
    }

    /** As {@link #execute(String[], PrintWriter, PrintWriter, Map)}, with a test double around compare's stacks. */
    static int execute(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env,
                       StudyCommand.StackWrapper wrapper) {
        CommandLine commandLine = commandLine(new StudyCommand(env, wrapper, null), out, err);
        if (args.length == 0) {
            // A newcomer's first try: show what there is.
            commandLine.usage(out);
            out.flush();
            return ExitCode.OK;
        }
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
