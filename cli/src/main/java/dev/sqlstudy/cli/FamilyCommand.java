package dev.sqlstudy.cli;

import dev.sqlstudy.domain.NotFoundException;
import dev.sqlstudy.domain.Rules;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code study family …}: the tutorial's one-to-many, {@code Parent.children} and {@code Child.parent}. */
@Command(name = "family", mixinStandardHelpOptions = true,
        description = "The tutorial's parent/child relationship, both ways: parents with children, a child with its parent.")
final class FamilyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private StudyCommand root;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing subcommand of 'family': one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    @Writes
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Adds a parent with its children (one transaction); prints it as stored.",
                    "Names: 1-64 characters, no control characters, stored exactly as given. Exit 2 on an invalid name."})
    int add(@Parameters(index = "0", paramLabel = "PARENT") String parent,
            @Parameters(index = "1..*", paramLabel = "CHILD", arity = "0..*") List<String> children) {
        return root.run(spec, (stack, trace) -> Views.parent(
                stack.families().addParent(parent, children == null ? List.of() : children)));
    }

    @Writes
    @Command(name = "add-child", mixinStandardHelpOptions = true,
            description = {"Adds a child to a parent, or an orphan with --orphan; prints it with its parent.",
                    "Exit 1 if the parent does not exist."})
    int addChild(@Parameters(index = "0", paramLabel = "NAME") String name,
                 @Parameters(index = "1", paramLabel = "PARENT_ID", arity = "0..1") Integer parentId,
                 @Option(names = "--orphan", description = "no parent") boolean orphan) {
        requireExactlyOne("add-child", parentId, orphan);
        return root.run(spec, (stack, trace) -> Views.child(stack.families().addChild(name,
                orphan ? null : Rules.id("parent_id", parentId))));
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Prints a parent with its children (one SQL statement); exit 1 if there is none.")
    int show(@Parameters(paramLabel = "ID") int id) {
        return root.run(spec, (stack, trace) -> Views.parent(stack.families().findParent(Rules.id("id", id))
                .orElseThrow(() -> new NotFoundException("parent", id))));
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Prints every parent with its children, by id, in one SQL statement (no N+1).")
    int list() {
        return root.run(spec, (stack, trace) -> Views.parents(stack.families().listParents()));
    }

    @Command(name = "child", mixinStandardHelpOptions = true,
            description = {"Prints a child with its parent (the back reference child.parent).",
                    "The parent is null for an orphan. Exit 1 if there is no such child."})
    int child(@Parameters(paramLabel = "ID") int id) {
        return root.run(spec, (stack, trace) -> Views.child(stack.families().findChild(Rules.id("id", id))
                .orElseThrow(() -> new NotFoundException("child", id))));
    }

    @Writes
    @Command(name = "move", mixinStandardHelpOptions = true,
            description = {"Moves a child to another parent, or makes it an orphan with --orphan.",
                    "Prints the child with its new parent. Exit 1 if the child or the parent does not exist."})
    int move(@Parameters(index = "0", paramLabel = "CHILD_ID") int childId,
             @Parameters(index = "1", paramLabel = "PARENT_ID", arity = "0..1") Integer parentId,
             @Option(names = "--orphan", description = "no parent") boolean orphan) {
        requireExactlyOne("move", parentId, orphan);
        return root.run(spec, (stack, trace) -> Views.child(stack.families().moveChild(
                Rules.id("child_id", childId), orphan ? null : Rules.id("parent_id", parentId))));
    }

    @Writes
    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = {"Deletes a parent; its children stay, as orphans (on delete set null).",
                    "Prints {\"affected\":1}; exit 1 if there is no such parent."})
    int delete(@Parameters(paramLabel = "ID") int id) {
        return root.run(spec, (stack, trace) -> {
            if (!stack.families().deleteParent(Rules.id("id", id))) {
                throw new NotFoundException("parent", id);
            }
            return Views.affected(1);
        });
    }

    private void requireExactlyOne(String command, Integer parentId, boolean orphan) {
        if ((parentId == null) == orphan) {
            return;
        }
        throw new ParameterException(spec.subcommands().get(command), "give either PARENT_ID or --orphan (exactly one)");
    }
}
