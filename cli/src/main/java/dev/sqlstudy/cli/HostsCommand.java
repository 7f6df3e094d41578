package dev.sqlstudy.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sqlstudy.domain.DuplicateException;
import dev.sqlstudy.domain.Host;
import dev.sqlstudy.domain.HostChanges;
import dev.sqlstudy.domain.HostColumn;
import dev.sqlstudy.domain.HostPage;
import dev.sqlstudy.domain.HostRepository;
import dev.sqlstudy.domain.HostTransaction;
import dev.sqlstudy.domain.InvalidInputException;
import dev.sqlstudy.domain.NewHost;
import dev.sqlstudy.domain.NotFoundException;
import dev.sqlstudy.domain.Rules;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code study hosts …}: the tutorial's {@code Host} table, one subcommand per operation. */
@Command(name = "hosts", mixinStandardHelpOptions = true,
        description = "The tutorial's hosts table: insert, batch import, find, list, update, delete, roll back.")
final class HostsCommand implements Callable<Integer> {

    /** The tutorial's rollback example inserts this host and then takes it back. */
    static final String ROLLBACK_HOSTNAME = "rollback-demo.example";
    static final String ROLLBACK_IP = "192.0.2.1";

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private StudyCommand root;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing subcommand of 'hosts': one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    @Writes
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Inserts one host (session.add) and prints it as stored.",
                    "The hostname is stored lower-case, the ip_addr in canonical form. Exit 2 on invalid input, "
                            + "3 if the hostname or ip_addr is taken."})
    int add(@Parameters(paramLabel = "HOSTNAME", description = "RFC 1123 host name") String hostname,
            @Parameters(paramLabel = "IP", description = "IPv4 or IPv6 literal") String ip,
            @Option(names = "--port", paramLabel = "N", description = "1-65535 (default 22)") Integer port) {
        return root.run(spec, (stack, trace) -> Views.host(stack.hosts().add(
                port == null ? NewHost.of(hostname, ip) : new NewHost(hostname, ip, port))));
    }

    @Writes
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Inserts every host of a CSV file in one atomic batch (session.add_all).",
                    "Prints the hosts as stored. Lines are hostname,ip_addr[,port]; a header line is optional; blank "
                            + "lines are skipped; '-' reads stdin. A bad line exits 2 naming the line and the field, "
                            + "a clash exits 3 naming the line and the value; either way nothing is written."})
    int importCsv(@Parameters(paramLabel = "FILE.csv", description = "the CSV file, or - for stdin") String file) {
        return root.run(spec, (stack, trace) -> {
            List<HostsCsv.Line> lines = HostsCsv.parse(file, read(file));
            List<NewHost> hosts = lines.stream().map(HostsCsv.Line::host).toList();
            try {
                return Views.hosts(stack.hosts().addAll(hosts));
            } catch (DuplicateException e) {
                throw withLines(e, file, lines);
            }
        });
    }

    /**
     * Names the clash the way a bad line is named: {@code duplicate hostname: FILE line 3: 'ubuntu'
     * is taken by a stored host}, or, for a value the file itself repeats, {@code duplicate
     * ip_addr: FILE lines 1, 2: each has '10.0.0.1'}. The value is the one the database named
     * ({@link DuplicateException#value()}); when it named none, a value the file repeats, if any.
     */
    private static RuntimeException withLines(DuplicateException e, String file, List<HostsCsv.Line> lines) {
        Function<HostsCsv.Line, String> field = line ->
                e.field().equals("hostname") ? line.host().hostname() : line.host().ipAddr();
        Map<String, List<Integer>> byValue = new LinkedHashMap<>();
        lines.forEach(line -> byValue.computeIfAbsent(field.apply(line), v -> new ArrayList<>()).add(line.number()));
        String value = e.value() != null ? e.value() : byValue.entrySet().stream()
                .filter(entry -> entry.getValue().size() > 1)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
        List<Integer> numbers = value == null ? List.of() : byValue.getOrDefault(value, List.of());
        if (numbers.isEmpty()) {
            return e;
        }
        String where = numbers.size() == 1
                ? file + " line " + numbers.get(0) + ": '" + value + "' is taken by a stored host"
                : file + " lines " + join(numbers) + ": each has '" + value + "'";
        return new Errors.Failure(ExitCode.DUPLICATE, "duplicate " + e.field() + ": " + where, e);
    }

    private static String join(List<Integer> numbers) {
        return numbers.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private String read(String file) {
        try {
            byte[] bytes;
            if (file.equals("-")) {
                bytes = root.standardInput();
            } else {
                bytes = Files.readAllBytes(Path.of(file));
            }
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (InvalidPathException e) {
            throw new InvalidInputException("file", "cannot read " + file + ": " + e.getReason());
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("file", "cannot read " + file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("file", file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new InvalidInputException("file", "cannot read " + file + ": " + e.getMessage());
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true,
            description = "Prints the host with this id (query(Host).get(id)); exit 1 if there is none.")
    int get(@Parameters(paramLabel = "ID") int id) {
        return root.run(spec, (stack, trace) -> Views.host(
                stack.hosts().findById(Rules.id("id", id)).orElseThrow(() -> new NotFoundException("host", id))));
    }

    /** Exactly one way of finding. */
    static final class FindBy {
        @Option(names = "--hostname", paramLabel = "H", description = "one host by name, any letter case")
        String hostname;

        @Option(names = "--ip", paramLabel = "IP", description = "one host by IP literal, any valid spelling")
        String ip;

        @Option(names = "--in", paramLabel = "H1,H2,…", split = ",",
                description = "the hosts whose name is in the list (filter(Host.hostname.in_([...]))), by id; "
                        + "spaces around names are ignored, an empty list finds nothing")
        List<String> in;
    }

    @Command(name = "find", mixinStandardHelpOptions = true,
            description = {"Finds hosts by name, by address, or by a list of names (in_).",
                    "--hostname and --ip print one host or exit 1; --in prints an array (possibly empty), "
                            + "names with no host left out."})
    int find(@ArgGroup(exclusive = true, multiplicity = "1") FindBy by) {
        return root.run(spec, (stack, trace) -> {
            if (by.in != null) {
                return Views.hosts(stack.hosts().findByHostnameIn(names(by.in)));
            }
            Optional<Host> host = by.hostname != null
                    ? stack.hosts().findByHostname(by.hostname)
                    : stack.hosts().findByIpAddr(by.ip);
            return Views.host(host.orElseThrow(() -> by.hostname != null
                    ? new NotFoundException("host", by.hostname)
                    : new NotFoundException("host", by.ip)));
        });
    }

    /**
     * The names of {@code --in}: spaces around a name are ignored and empty items dropped, so
     * {@code --in "web1, web2"} works and {@code --in ""} is the empty list (an empty array).
     */
    static List<String> names(List<String> in) {
        return in.stream().map(String::strip).filter(name -> !name.isEmpty()).toList();
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Prints hosts ordered and sliced: order_by(...)[offset:offset+limit].",
                    "Ties are broken by id. The tutorial's [1:3] is --offset 1 --limit 2."})
    int list(@Option(names = "--order-by", paramLabel = "COLUMN", converter = ColumnConverter.class,
                     description = "id (default), hostname, ip or port") HostColumn orderBy,
             @Option(names = "--desc", description = "descending") boolean descending,
             @Option(names = "--offset", paramLabel = "N", description = "rows to skip (default 0)") Integer offset,
             @Option(names = "--limit", paramLabel = "N", description = "rows at most (default all)") Integer limit) {
        return root.run(spec, (stack, trace) -> Views.hosts(stack.hosts().list(HostPage.of(
                orderBy == null ? HostColumn.ID : orderBy, descending,
                offset == null ? 0 : offset, limit == null ? HostPage.UNLIMITED : limit))));
    }

    @Command(name = "names", mixinStandardHelpOptions = true,
            description = "Prints every host name, by id: the projection query(Host.hostname.label('name')).")
    int names() {
        return root.run(spec, (stack, trace) -> Views.names(stack.hosts().hostnames()));
    }

    @Writes
    @Command(name = "update", mixinStandardHelpOptions = true,
            description = {"Changes one host and prints it as stored.",
                    "Options not given keep their value (none given prints the host unchanged). Exit 1 if there is "
                            + "no such host, 3 if the new hostname or ip_addr belongs to another."})
    int update(@Parameters(paramLabel = "ID", description = "the host to change") int id,
               @Option(names = "--hostname", paramLabel = "H", description = "new host name") String hostname,
               @Option(names = "--ip", paramLabel = "IP", description = "new IP literal") String ip,
               @Option(names = "--port", paramLabel = "N", description = "new port") Integer port) {
        return root.run(spec, (stack, trace) -> Views.host(
                stack.hosts().update(Rules.id("id", id), new HostChanges(hostname, ip, port))));
    }

    @Writes
    @Command(name = "set-port", mixinStandardHelpOptions = true,
            description = {"Bulk update: filter(Host.id > N).update({'port': P}).",
                    "Prints {\"affected\":N}, the rows changed (0 is not an error)."})
    int setPort(@Option(names = "--id-gt", paramLabel = "N", required = true, description = "hosts with id > N") int idGreaterThan,
                @Option(names = "--port", paramLabel = "P", required = true, description = "their new port") int port) {
        return root.run(spec, (stack, trace) -> Views.affected(
                stack.hosts().updatePortWhereIdGreaterThan(nonNegative(idGreaterThan), port)));
    }

    @Writes
    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = {"Deletes one host, or in bulk every host with id > N.",
                    "delete ID prints {\"affected\":1}, or exits 1 if there is no such host. delete --id-gt N is "
                            + "filter(Host.id > N).delete() and prints {\"affected\":N} (0 is not an error)."})
    int delete(@Parameters(paramLabel = "ID", arity = "0..1", description = "the host to delete") Integer id,
               @Option(names = "--id-gt", paramLabel = "N", description = "delete every host with id > N") Integer idGreaterThan) {
        if ((id == null) == (idGreaterThan == null)) {
            throw new ParameterException(spec.subcommands().get("delete"),
                    "give either ID or --id-gt N (exactly one)");
        }
        return root.run(spec, (stack, trace) -> {
            if (idGreaterThan != null) {
                return Views.affected(stack.hosts().deleteWhereIdGreaterThan(nonNegative(idGreaterThan)));
            }
            if (!stack.hosts().delete(Rules.id("id", id))) {
                throw new NotFoundException("host", id);
            }
            return Views.affected(1);
        });
    }

    @Writes
    @Command(name = "rollback-demo", mixinStandardHelpOptions = true,
            description = {"The tutorial's session.rollback(): a unit of work that leaves nothing behind.",
                    "In one unit of work, adds " + ROLLBACK_HOSTNAME + " (" + ROLLBACK_IP + "), counts the hosts "
                            + "inside it, rolls back, and shows that the host is gone. JSON: {\"count_before\","
                            + "\"added\",\"count_inside\",\"count_after\",\"found_after\":null}. "
                            + "Exit 3 if that host exists already."})
    int rollbackDemo() {
        return root.run(spec, (stack, trace) -> rollback(stack.hosts()).result());
    }

    /** What the rollback demo saw; shared with {@code demo}. */
    record Rollback(long countBefore, Host added, long countInside, long countAfter, Optional<Host> foundAfter) {

        Result result() {
            ObjectNode json = Views.object();
            json.put("count_before", countBefore);
            json.set("added", Views.hostJson(added));
            json.put("count_inside", countInside);
            json.put("count_after", countAfter);
            json.set("found_after", Views.nullable(foundAfter.map(Views::hostJson).orElse(null)));
            String table = "begin\n"
                    + "  hosts before:           " + countBefore + "\n"
                    + "  add (inside the unit):  " + added.id() + " " + added.hostname() + " " + added.ipAddr() + " " + added.port() + "\n"
                    + "  hosts inside the unit:  " + countInside + "\n"
                    + "rollback\n"
                    + "  hosts after:            " + countAfter + "\n"
                    + "  " + added.hostname() + " after:  " + foundAfter.map(h -> "still there (" + h.id() + ")").orElse("gone") + "\n";
            return new Result(json, table);
        }
    }

    static Rollback rollback(HostRepository hosts) {
        long before = hosts.count();
        Host added;
        long inside;
        try (HostTransaction tx = hosts.begin()) {
            added = tx.add(NewHost.of(ROLLBACK_HOSTNAME, ROLLBACK_IP));
            inside = tx.count();
            tx.rollback();
        }
        return new Rollback(before, added, inside, hosts.count(), hosts.findByHostname(ROLLBACK_HOSTNAME));
    }

    private static int nonNegative(int idGreaterThan) {
        if (idGreaterThan < 0) {
            throw new InvalidInputException("id-gt", "must be 0 or more, was " + idGreaterThan);
        }
        return idGreaterThan;
    }

    /** {@code --order-by id|hostname|ip|port} ({@code ip_addr} accepted too). */
    static final class ColumnConverter implements ITypeConverter<HostColumn> {
        @Override
        public HostColumn convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "id" -> HostColumn.ID;
                case "hostname" -> HostColumn.HOSTNAME;
                case "ip", "ip_addr" -> HostColumn.IP_ADDR;
                case "port" -> HostColumn.PORT;
                default -> throw new TypeConversionException("unknown column '" + value + "' (one of id, hostname, ip, port)");
            };
        }
    }
}
