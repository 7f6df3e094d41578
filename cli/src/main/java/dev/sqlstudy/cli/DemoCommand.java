package dev.sqlstudy.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sqlstudy.domain.FamilyRepository;
import dev.sqlstudy.domain.HostChanges;
import dev.sqlstudy.domain.HostColumn;
import dev.sqlstudy.domain.HostPage;
import dev.sqlstudy.domain.HostRepository;
import dev.sqlstudy.domain.JoinKind;
import dev.sqlstudy.domain.NewHost;
import dev.sqlstudy.domain.NotFoundException;
import dev.sqlstudy.cache.CacheKind;
import dev.sqlstudy.cache.CacheStats;
import dev.sqlstudy.stack.Impl;
import dev.sqlstudy.stack.Stack;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code study demo}: the whole SQLAlchemy tutorial, step by step, on the chosen stack. Each step
 * shows the tutorial's line, the equivalent {@code ./study} command, the answer, and the SQL
 * statements (with parameters) and cache events it caused.
 *
 * <p>The demo starts with {@code reset}, so that every run — on a fresh or a used database, on any
 * implementation — walks the same ids and prints the same answers.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Walks the whole tutorial on the chosen stack, step by step, with the SQL of each step.",
                "Insert, add_all, filters, in_, order_by and slices, the label projection, update, bulk update and "
                        + "delete, rollback, parent/child both ways, the three joins and GROUP BY: for each step the "
                        + "tutorial's line, the same as a ./study command, the answer, every SQL statement it sent and, "
                        + "with a cache, the hits and misses.",
                "It RESETS the database to the sample data first, so every run shows the same ids and answers.",
                "JSON: one document {\"impl\",\"cache\",\"steps\":[...],\"statements\"}; each step is "
                        + "{\"step\",\"title\",\"tutorial\",\"command\",\"result\",\"statements\",\"sql\","
                        + "\"cache_events\",\"cache_hits\",\"cache_misses\"}."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private StudyCommand root;

    @Option(names = "--compare",
            description = "Walk it on every implementation (as 'study compare demo'; that one takes --impls and "
                    + "--caches): each step's answer once, every stack's SQL one under the other, and any difference "
                    + "in statement count or answer flagged.")
    private boolean compare;

    @Override
    public Integer call() {
        if (compare) {
            return CompareCommand.demo(root, spec, List.of(), List.of());
        }
        return root.run(spec, (stack, trace) -> {
            boolean json = root.format() == StudyCommand.Format.JSON;
            PrintWriter out = spec.commandLine().getOut();
            ArrayNode steps = Views.array();
            Walk walk = new Walk(stack, trace);
            List<Step> walked = walk.run(step -> {
                if (json) {
                    steps.add(step.json());
                } else {
                    if (step.number() == 1) {
                        header(out, stack);
                    }
                    print(out, step, stack.cache() != CacheKind.NONE);
                }
            });
            long total = trace.statements();
            if (!json) {
                out.println();
                out.println("Done: " + walked.size() + " steps, " + total + " SQL statements in all.");
                out.println("Try the same on another stack, e.g. ./study --impl " + last() + " --cache caffeine demo");
                out.println("or on all of them at once: ./study demo --compare");
                out.flush();
                return null;
            }
            ObjectNode document = Views.object();
            document.put("impl", stack.impl().toString());
            document.put("cache", stack.cache().toString());
            document.set("steps", steps);
            document.put("statements", total);
            return new Result(document, "");
        });
    }

    private static void header(PrintWriter out, Stack stack) {
        out.println("sqlstudy demo: impl=" + stack.impl() + ", cache=" + stack.cache() + ", db=" + stack.database().server());
        out.println("The demo starts from the sample data: the database was just reset (not counted).");
        out.println("Each step: the tutorial's SQLAlchemy line, the same thing as a ./study command,");
        out.println("the answer, and every SQL statement it sent" + (stack.cache() == CacheKind.NONE
                ? "." : ", cache event, hit and miss."));
    }

    private static void print(PrintWriter out, Step step, boolean cached) {
        out.println();
        out.println(step.number() + ". " + step.title());
        out.println("   tutorial: " + step.tutorial());
        out.println("   command:  ./study " + step.command());
        out.println();
        step.result().table().lines().forEach(line -> out.println("   " + line));
        out.println();
        out.println("   " + step.statements() + (step.statements() == 1 ? " SQL statement" : " SQL statements")
                + (cached ? ", cache hits=" + step.cacheHits() + " misses=" + step.cacheMisses() : "")
                + (step.events().isEmpty() ? "" : ":"));
        step.events().forEach(event -> out.println("     " + event));
        out.flush();
    }

    private static String last() {
        Impl[] impls = Impl.values();
        return impls[impls.length - 1].toString();
    }

    /**
     * One step as it ran on one stack.
     *
     * @param command the same step as a {@code ./study} command line, without {@code ./study}
     * @param events  its {@code sql: …} and {@code cache: …} lines, in the order they happened
     */
    record Step(int number, String title, String tutorial, String command, Result result, long statements,
                List<String> events, long cacheHits, long cacheMisses) {

        /** The SQL statements alone, as {@code --explain} prints them without the {@code sql: } prefix. */
        List<String> sql() {
            return events.stream().filter(e -> e.startsWith("sql: ")).map(e -> e.substring(5)).toList();
        }

        /** The step as {@code demo --format json} prints it (cli/README.md). */
        ObjectNode json() {
            ObjectNode node = Views.object();
            node.put("step", number);
            node.put("title", title);
            node.put("tutorial", tutorial);
            node.put("command", "./study " + command);
            node.set("result", result.json());
            node.put("statements", statements);
            ArrayNode sql = node.putArray("sql");
            ArrayNode cacheEvents = node.putArray("cache_events");
            for (String event : events) {
                if (event.startsWith("sql: ")) {
                    sql.add(event.substring(5));
                } else {
                    cacheEvents.add(event.substring(event.indexOf(' ') + 1));
                }
            }
            node.put("cache_hits", cacheHits);
            node.put("cache_misses", cacheMisses);
            return node;
        }
    }

    /** One walk of the tutorial on one stack; {@code demo} prints it, {@code compare demo} lines walks up. */
    static final class Walk {

        private final Stack stack;
        private final Trace trace;
        private final List<Step> walked = new ArrayList<>();
        private Consumer<Step> onStep;

        Walk(Stack stack, Trace trace) {
            this.stack = stack;
            this.trace = trace;
        }

        /** Resets the database to the sample data (not counted), then runs every step, handing each to {@code onStep}. */
        List<Step> run(Consumer<Step> onStep) {
            this.onStep = onStep;
            stack.reset();
            trace.drain();
            hosts(stack.hosts());
            families(stack.families());
            return List.copyOf(walked);
        }

        private void hosts(HostRepository hosts) {
            step("Insert one host (the port defaults to 22)",
                    "session.add(Host(hostname='web1', ip_addr='10.0.0.1')); session.commit()",
                    "hosts add web1 10.0.0.1",
                    () -> Views.host(hosts.add(NewHost.of("web1", "10.0.0.1"))));
            step("Insert several in one atomic batch: all rows or none",
                    "session.add_all([h2, h3, h4]); session.commit()",
                    "hosts import hosts.csv",
                    () -> Views.hosts(hosts.addAll(List.of(
                            new NewHost("web2", "10.0.0.2", 2222),
                            new NewHost("web3", "10.0.0.3", 2222),
                            new NewHost("db1", "10.0.0.4", 3306)))));
            step("Filter by a column: one host or none",
                    "session.query(Host).filter_by(hostname='ubuntu').first()",
                    "hosts find --hostname ubuntu",
                    () -> Views.host(hosts.findByHostname("ubuntu").orElseThrow(() -> new NotFoundException("host", "ubuntu"))));
            step("Look up by primary key",
                    "session.query(Host).get(1)",
                    "hosts get 1",
                    () -> Views.host(hosts.findById(1).orElseThrow(() -> new NotFoundException("host", 1))));
            step("The same look-up again: with a cache it is a hit and sends no SQL",
                    "session.query(Host).get(1)",
                    "hosts get 1",
                    () -> Views.host(hosts.findById(1).orElseThrow(() -> new NotFoundException("host", 1))));
            step("Filter by IP address (any valid spelling finds the canonical one)",
                    "session.query(Host).filter(Host.ip_addr == '192.168.2.244').first()",
                    "hosts find --ip 192.168.2.244",
                    () -> Views.host(hosts.findByIpAddr("192.168.2.244").orElseThrow(() -> new NotFoundException("host", "192.168.2.244"))));
            step("in_: the hosts whose name is in a list, by id",
                    "session.query(Host).filter(Host.hostname.in_(['ubuntu2', 'localhost'])).all()",
                    "hosts find --in ubuntu2,localhost",
                    () -> Views.hosts(hosts.findByHostnameIn(List.of("ubuntu2", "localhost"))));
            step("order_by: every host",
                    "session.query(Host).order_by(Host.id).all()",
                    "hosts list --order-by id",
                    () -> Views.hosts(hosts.list(HostPage.all())));
            step("A slice of an ordered query: OFFSET 1 LIMIT 2",
                    "session.query(Host).order_by(Host.id)[1:3]",
                    "hosts list --order-by id --offset 1 --limit 2",
                    () -> Views.hosts(hosts.list(HostPage.of(HostColumn.ID, false, 1, 2))));
            step("Descending, ties broken by id",
                    "session.query(Host).order_by(Host.port.desc(), Host.id)[0:3]",
                    "hosts list --order-by port --desc --limit 3",
                    () -> Views.hosts(hosts.list(HostPage.of(HostColumn.PORT, true, 0, 3))));
            step("A projection with a label: names only",
                    "session.query(Host.hostname.label('name')).all()",
                    "hosts names",
                    () -> Views.names(hosts.hostnames()));
            step("Update one host",
                    "h = session.query(Host).get(4); h.port = 2200; session.commit()",
                    "hosts update 4 --port 2200",
                    () -> Views.host(hosts.update(4, HostChanges.none().withPort(2200))));
            step("Bulk update: one UPDATE for every matching row",
                    "session.query(Host).filter(Host.id > 4).update({'port': 8022}); session.commit()",
                    "hosts set-port --id-gt 4 --port 8022",
                    () -> Views.affected(hosts.updatePortWhereIdGreaterThan(4, 8022)));
            step("Rollback: a unit of work that leaves nothing behind",
                    "session.add(Host(hostname='" + HostsCommand.ROLLBACK_HOSTNAME + "', ...)); session.rollback()",
                    "hosts rollback-demo",
                    () -> HostsCommand.rollback(hosts).result());
            step("Bulk delete",
                    "session.query(Host).filter(Host.id > 5).delete(); session.commit()",
                    "hosts delete --id-gt 5",
                    () -> Views.affected(hosts.deleteWhereIdGreaterThan(5)));
            step("Delete one host",
                    "session.delete(session.query(Host).get(5)); session.commit()",
                    "hosts delete 5",
                    () -> Views.affected(hosts.delete(5) ? 1 : 0));
            step("What is left",
                    "session.query(Host).order_by(Host.id).all()",
                    "hosts list",
                    () -> Views.hosts(hosts.list(HostPage.all())));
        }

        private void families(FamilyRepository families) {
            step("A parent with its children, saved together",
                    "session.add(Parent(name='Ann', children=[Child(name='Bob'), Child(name='Cid')]))",
                    "family add Ann Bob Cid",
                    () -> Views.parent(families.addParent("Ann", List.of("Bob", "Cid"))));
            step("parent.children: a parent with its children in ONE statement (a left join, not N+1)",
                    "session.query(Parent).get(1).children",
                    "family show 1",
                    () -> Views.parent(families.findParent(1).orElseThrow(() -> new NotFoundException("parent", 1))));
            step("child.parent: the back reference (back_populates / backref)",
                    "session.query(Child).get(3).parent",
                    "family child 3",
                    () -> Views.child(families.findChild(3).orElseThrow(() -> new NotFoundException("child", 3))));
            step("Every parent with its children, still ONE statement",
                    "session.query(Parent).options(joinedload(Parent.children)).all()",
                    "family list",
                    () -> Views.parents(families.listParents()));
            step("INNER JOIN: only parents that have children",
                    "session.query(Parent, Child).join(Parent.children).all()",
                    "joins inner",
                    () -> Views.joinRows(families.join(JoinKind.INNER)));
            step("LEFT JOIN: every parent; Eve (no child) once, with NULL",
                    "session.query(Parent, Child).outerjoin(Parent.children).all()",
                    "joins left",
                    () -> Views.joinRows(families.join(JoinKind.LEFT)));
            step("RIGHT JOIN: every child; the orphan Oliver once, with NULL",
                    "SELECT ... FROM parent RIGHT JOIN child ON child.parent_id = parent.id",
                    "joins right",
                    () -> Views.joinRows(families.join(JoinKind.RIGHT)));
            step("GROUP BY: children per parent, 0 included",
                    "session.query(Parent.id, Parent.name, func.count(Child.id)).outerjoin(Parent.children).group_by(Parent.id)",
                    "joins counts",
                    () -> Views.counts(families.childrenCounts()));
            step("Move a child to another parent (--orphan makes it an orphan)",
                    "bob.parent = john; session.commit()",
                    "family move 5 2",
                    () -> Views.child(families.moveChild(5, 2)));
            step("Delete a parent: its children stay, as orphans (ON DELETE SET NULL)",
                    "session.delete(ann); session.commit()",
                    "family delete 4",
                    () -> Views.affected(families.deleteParent(4) ? 1 : 0));
            step("Cid is an orphan now: child.parent is None",
                    "session.query(Child).get(6).parent",
                    "family child 6",
                    () -> Views.child(families.findChild(6).orElseThrow(() -> new NotFoundException("child", 6))));
        }

        private void step(String title, String tutorial, String command, Supplier<Result> work) {
            long statementsBefore = trace.statements();
            CacheStats cacheBefore = trace.cache();
            trace.drain();
            Result result = work.get();
            List<String> events = trace.drain();
            CacheStats cacheAfter = trace.cache();
            Step step = new Step(walked.size() + 1, title, tutorial, command, result,
                    trace.statements() - statementsBefore, events,
                    cacheAfter.hits() - cacheBefore.hits(), cacheAfter.misses() - cacheBefore.misses());
            walked.add(step);
            onStep.accept(step);
        }
    }
}
