package dev.sqlstudy.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code study reset}: every table emptied, the sample data loaded again, ids from 1. */
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = {"Empties every table and loads the sample data again (ids start at 1).",
                "Sample data: hosts localhost, ubuntu, ubuntu2; parents Mary (Tom, Lucy), John (Jack), Eve; the "
                        + "orphan Oliver. Prints {\"reset\":true}. The reset itself is not counted by --explain."})
final class ResetCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private StudyCommand root;

    @Override
    public Integer call() {
        return root.run(spec, (stack, trace) -> {
            stack.reset();
            ObjectNode json = Views.object();
            json.put("reset", true);
            return new Result(json, "reset: every table emptied and the sample data loaded again\n");
        });
    }
}
