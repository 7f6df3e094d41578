package dev.sqlstudy.cli;

import dev.sqlstudy.domain.JoinKind;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code study joins inner|left|right|counts}: the three joins the tutorial contrasts, and GROUP BY. */
@Command(name = "joins", mixinStandardHelpOptions = true,
        description = {"The three joins of parent and child, and GROUP BY.",
                "Each is one SQL statement. inner: only parents with children, with those children. left: every "
                        + "parent; a childless one once, with a null child. right: every child; an orphan once, with "
                        + "a null parent, after the others. counts: children per parent, 0 included.",
                "Join rows are {\"parent_id\",\"parent\",\"child_id\",\"child\"}; counts are "
                        + "{\"parent_id\",\"parent\",\"children\"}."})
final class JoinsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private StudyCommand root;

    @Parameters(paramLabel = "KIND", completionCandidates = Kinds.class, description = "${COMPLETION-CANDIDATES}")
    private String kind;

    @Override
    public Integer call() {
        String chosen = kind.toLowerCase(Locale.ROOT);
        if (chosen.equals("counts")) {
            return root.run(spec, (stack, trace) -> Views.counts(stack.families().childrenCounts()));
        }
        JoinKind join = switch (chosen) {
            case "inner" -> JoinKind.INNER;
            case "left" -> JoinKind.LEFT;
            case "right" -> JoinKind.RIGHT;
            default -> throw new ParameterException(spec.commandLine(),
                    "unknown join '" + kind + "' (one of inner, left, right, counts)");
        };
        return root.run(spec, (stack, trace) -> Views.joinRows(stack.families().join(join)));
    }

    static final class Kinds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("inner", "left", "right", "counts").iterator();
        }
    }
}
