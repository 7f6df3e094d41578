package dev.sqlstudy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sqlstudy.cache.CacheKind;
import dev.sqlstudy.domain.DatabaseUnavailableException;
import dev.sqlstudy.domain.Host;
import dev.sqlstudy.stack.Impl;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code study compare}: one command on every implementation (× cache), side by side, on H2, on
 * MariaDB and on MySQL 9.7 ({@link CompareDatabase}), from the sample data (hosts 1 localhost
 * 127.0.0.1 22, 2 ubuntu 192.168.2.243 20000, 3 ubuntu2 192.168.2.244 20000).
 */
class CompareCommandIT {

    private static final String UBUNTU = "{'id':2,'hostname':'ubuntu','ip_addr':'192.168.2.243','port':20000}";
    private static final String LOCALHOST = "{'id':1,'hostname':'localhost','ip_addr':'127.0.0.1','port':22}";

    /** The fields of a stack in the JSON document, in order (cli/README.md; users' scripts read them). */
    private static final List<String> STACK_FIELDS = List.of("impl", "cache", "result", "same_as_jdbc", "statements",
            "sql", "cache_events", "commits", "rollbacks", "round_trips", "cache_hits", "cache_misses", "warm", "median_ms");

    // ---- a read -----------------------------------------------------------------------------

    @ParameterizedTest(name = "db={0}")
    @EnumSource(CompareDatabase.class)
    void compare_findByHostname_printsARowPerImplementationEachTheSameAnswerInOneStatement(CompareDatabase db) {
        String out = db.fresh().run("compare", "hosts", "find", "--hostname", "ubuntu").succeeds().out();

        assertThat(out).startsWith("compare: hosts find --hostname ubuntu\n");
        assertThat(rows(out)).containsExactly(
                row("jdbc/none", "baseline", "1", "0", "0", "1", "5"),
                row("mybatis/none", "same", "1", "0", "0", "1", "5"),
                row("hibernate/none", "same", "1", "0", "0", "1", "5"));
        assertThat(out).contains("answer of jdbc/none, the same on every stack:",
                "   2  ubuntu    192.168.2.243  20000");
        List<String> sql = sqlSection(out);
        assertThat(sql).hasSize(3);
        assertThat(sql).allSatisfy(line -> assertThat(line).containsIgnoringCase("from hosts").endsWith("-- ('ubuntu')"));
        assertThat(sql).extracting(CompareCommandIT::sqlColumn).as("every stack's SQL starts in one column")
                .containsOnly(sqlColumn(sql.get(0)));
    }

    @ParameterizedTest(name = "db={0}")
    @EnumSource(CompareDatabase.class)
    void compare_json_isOneDocumentWithAStackPerImplementationInTheDocumentedShape(CompareDatabase db) {
        JsonNode document = db.fresh().json("compare", "hosts", "find", "--hostname", "ubuntu").succeeds().json();

        assertThat(fieldNames(document)).startsWith("command", "database", "writes", "baseline", "stacks");
        assertThat(document.get("command").asText()).isEqualTo("hosts find --hostname ubuntu");
        assertThat(document.get("writes").asBoolean()).isFalse();
        assertThat(document.get("stacks")).extracting(stack -> stack.get("impl").asText())
                .containsExactlyElementsOf(Arrays.stream(Impl.values()).map(Impl::toString).toList());
        for (JsonNode stack : document.get("stacks")) {
            assertThat(fieldNames(stack)).containsExactlyElementsOf(STACK_FIELDS);
            assertThat(stack.get("result")).isEqualTo(Study.expected(UBUNTU));
            assertThat(stack.get("same_as_jdbc").asBoolean()).isTrue();
            assertThat(stack.get("statements").asLong()).isEqualTo(1);
            assertThat(stack.get("sql")).hasSize(1);
            assertThat(stack.get("warm").get("runs").asInt()).isEqualTo(CompareCommand.DEFAULT_REPEAT);
            assertThat(stack.get("median_ms").asDouble()).isPositive();
        }
    }

    @Test
    void compare_caffeine_answersTheWarmRunsFromTheCacheWithoutSql() {
        JsonNode document = CompareDatabase.H2.fresh()
                .json("compare", "--caches", "none,caffeine", "hosts", "get", "1", "--repeat", "5").succeeds().json();

        assertThat(document.get("stacks")).hasSize(Impl.values().length * 2);
        for (JsonNode stack : document.get("stacks")) {
            assertThat(stack.get("result")).isEqualTo(Study.expected(LOCALHOST));
            assertThat(stack.get("statements").asLong()).as("the cold run reads the database").isEqualTo(1);
            JsonNode warm = stack.get("warm");
            assertThat(warm.get("runs").asInt()).isEqualTo(5);
            if (stack.get("cache").asText().equals("caffeine")) {
                assertThat(stack.get("cache_misses").asLong()).as("a cold cache misses").isEqualTo(1);
                assertThat(warm.get("statements").asLong()).as("warm runs send no SQL").isZero();
                assertThat(warm.get("cache_hits").asLong()).as("every warm run is a hit").isEqualTo(5);
            } else {
                assertThat(warm.get("statements").asLong()).as("without a cache every run reads").isEqualTo(5);
            }
        }
    }

    @Test
    void compare_caffeineTable_showsHitsAndZeroWarmStatements() {
        String out = CompareDatabase.H2.fresh()
                .run("compare", "--impls", "jdbc", "--caches", "none,caffeine", "hosts", "get", "1", "--repeat", "5")
                .succeeds().out();

        assertThat(rows(out)).containsExactly(
                row("jdbc/none", "baseline", "1", "0", "0", "1", "0/0", "5", "0/0"),
                row("jdbc/caffeine", "same", "1", "0", "0", "1", "0/1", "0", "5/0"));
        assertThat(out).contains("cache  miss hosts:id:1");
    }

    @Test
    void compare_repeat_runsAReadThatManyTimesWarm() {
        JsonNode document = CompareDatabase.H2.fresh().json("compare", "--repeat", "3", "hosts", "names").succeeds().json();

        for (JsonNode stack : document.get("stacks")) {
            assertThat(stack.get("result")).isEqualTo(Study.expected("['localhost','ubuntu','ubuntu2']"));
            assertThat(stack.get("warm").get("runs").asInt()).isEqualTo(3);
            assertThat(stack.get("warm").get("statements").asLong()).isEqualTo(3);
        }
    }

    // ---- a write ----------------------------------------------------------------------------

    @ParameterizedTest(name = "db={0}")
    @EnumSource(CompareDatabase.class)
    void compare_write_runsOnceOnEveryStackFromTheSampleData(CompareDatabase db) {
        db.fresh().run("hosts", "add", "leftover", "10.1.1.1").succeeds();

        JsonNode document = db.json("compare", "hosts", "add", "web1", "10.0.0.1", "--port", "2222").succeeds().json();

        assertThat(document.get("writes").asBoolean()).isTrue();
        for (JsonNode stack : document.get("stacks")) {
            assertThat(stack.get("result")).as("%s: id 4, the first after the sample data's 3", stack.get("impl"))
                    .isEqualTo(Study.expected("{'id':4,'hostname':'web1','ip_addr':'10.0.0.1','port':2222}"));
            assertThat(stack.get("same_as_jdbc").asBoolean()).isTrue();
            assertThat(stack.get("warm").isNull()).as("a write runs once").isTrue();
            assertThat(stack.get("statements").asLong()).isEqualTo(1);
        }
        db.json("hosts", "names").printsJson("['localhost','ubuntu','ubuntu2','web1']");
    }

    @Test
    void compare_batchImport_showsHibernateSendingOneInsertPerRow() {
        String out = CompareDatabase.H2.fresh().run("compare", "hosts", "rollback-demo").succeeds().out();
        assertThat(out).contains("a write: each stack runs it once");

        JsonNode family = CompareDatabase.H2.json("compare", "family", "add", "Ann", "Bob", "Cid").succeeds().json();
        assertThat(statementsByImpl(family)).containsExactly("jdbc=2", "mybatis=2", "hibernate=3");
        assertThat(family.get("stacks")).allSatisfy(stack -> assertThat(stack.get("same_as_jdbc").asBoolean()).isTrue());
    }

    @Test
    void compare_importFromStdin_readsItOnceAndImportsItOnEveryStack() {
        java.io.InputStream stdin = System.in;
        System.setIn(new java.io.ByteArrayInputStream("web1,10.0.0.1\nweb2,10.0.0.2,2222\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try {
            JsonNode document = CompareDatabase.H2.fresh().json("compare", "hosts", "import", "-").succeeds().json();

            assertThat(document.get("stacks")).hasSize(Impl.values().length).allSatisfy(stack ->
                    assertThat(stack.get("result")).isEqualTo(Study.expected("[{'id':4,'hostname':'web1','ip_addr':'10.0.0.1',"
                            + "'port':22},{'id':5,'hostname':'web2','ip_addr':'10.0.0.2','port':2222}]")));
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void compare_writeWithRepeat_runsOnceAndSaysSo() {
        String out = CompareDatabase.H2.fresh().run("compare", "--repeat", "3", "hosts", "delete", "--id-gt", "2")
                .succeeds().out();

        assertThat(out).contains("note: 'hosts delete --id-gt 2' writes: it runs once on each stack, from the sample data");
        assertThat(rows(out)).allSatisfy(row -> assertThat(row).startsWith(row.get(0), row.get(1), "1"));
    }

    // ---- failures ---------------------------------------------------------------------------

    @ParameterizedTest(name = "db={0}")
    @EnumSource(CompareDatabase.class)
    void compare_duplicate_isExit3InEveryRowAndTheProcessExits3(CompareDatabase db) {
        Study.Outcome outcome = db.fresh().json("compare", "hosts", "add", "localhost", "10.9.9.9");

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.DUPLICATE);
        for (JsonNode stack : outcome.json().get("stacks")) {
            assertThat(stack.get("exit").asInt()).isEqualTo(ExitCode.DUPLICATE);
            assertThat(stack.get("error").asText()).startsWith("duplicate hostname");
            assertThat(stack.get("result").isNull()).isTrue();
            assertThat(stack.get("same_as_jdbc").asBoolean()).as("failing as raw JDBC fails is the same").isTrue();
        }
        db.json("hosts", "names").printsJson("['localhost','ubuntu','ubuntu2']");
    }

    @ParameterizedTest(name = "db={0}")
    @EnumSource(CompareDatabase.class)
    void compare_oneStackFails_isReportedInItsRowWhileTheOthersRunAndTheExitIsTheWorst(CompareDatabase db) {
        StudyCommand.StackWrapper hibernateDown = (impl, cache, real) -> impl != Impl.HIBERNATE ? real
                : Doubles.failing(real, "findById", new DatabaseUnavailableException("cannot connect to the test double", null));

        Study.Outcome table = db.fresh().run(hibernateDown, "compare", "hosts", "get", "1");
        assertThat(table.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(rows(table.out())).extracting(row -> row.get(0) + " " + row.get(1)).containsExactly(
                "jdbc/none baseline", "mybatis/none same", "hibernate/none DIFFERS: exit 4 database unavailable");
        assertThat(table.out()).contains("hibernate/none  error (exit 4, database unavailable): cannot connect to the test double");

        JsonNode hibernate = db.json(hibernateDown, "compare", "hosts", "get", "1").json().get("stacks").get(2);
        assertThat(hibernate.get("exit").asInt()).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(hibernate.get("error").asText()).isEqualTo("cannot connect to the test double");
        assertThat(hibernate.get("same_as_jdbc").asBoolean()).isFalse();
    }

    @Test
    void compare_databaseUnreachable_isOneErrorLineAndExit4() {
        Study.raw("--db", "jdbc:mysql://127.0.0.1:1/none", "--db-user", "u", "--db-password", "p",
                        "compare", "hosts", "list")
                .failsWith(ExitCode.UNAVAILABLE, "cannot connect to jdbc:mysql://127.0.0.1:1/none");
    }

    @Test
    void compare_notFound_isExit1OnEveryStack() {
        Study.Outcome outcome = CompareDatabase.H2.fresh().run("compare", "hosts", "get", "42");

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(outcome.out()).contains("jdbc/none failed, as did every stack:",
                "every stack: error (exit 1, not found): host '42' not found");
    }

    // ---- a result that differs ----------------------------------------------------------------

    @ParameterizedTest(name = "db={0}")
    @EnumSource(CompareDatabase.class)
    void compare_answerThatDiffers_isFlaggedWithTheDifference(CompareDatabase db) {
        StudyCommand.StackWrapper mybatisOffByOne = (impl, cache, real) -> impl != Impl.MYBATIS ? real
                : Doubles.changing(real, "findById", answer -> ((Optional<?>) answer).map(Host.class::cast)
                        .map(h -> new Host(h.id(), h.hostname(), h.ipAddr(), h.port() + 1)));

        Study.Outcome table = db.fresh().run(mybatisOffByOne, "compare", "hosts", "get", "1");
        assertThat(table.exitCode()).as("a different answer is shown, not an error").isZero();
        assertThat(rows(table.out())).extracting(row -> row.get(0) + " " + row.get(1))
                .containsExactly("jdbc/none baseline", "mybatis/none DIFFERS", "hibernate/none same");
        assertThat(table.out()).contains("mybatis/none DIFFERS from jdbc/none:\n  port: 22 -> 23\n");

        JsonNode stacks = db.json(mybatisOffByOne, "compare", "hosts", "get", "1").json().get("stacks");
        assertThat(stacks.get(1).get("same_as_jdbc").asBoolean()).isFalse();
        assertThat(stacks.get(1).get("result").get("port").asInt()).isEqualTo(23);
        assertThat(stacks.get(2).get("same_as_jdbc").asBoolean()).isTrue();
    }

    // ---- which stacks -----------------------------------------------------------------------

    @Test
    void compare_impls_runsThoseInTheOrderGiven() {
        JsonNode document = CompareDatabase.H2.fresh().json("compare", "--impls", "hibernate,jdbc", "joins", "counts")
                .succeeds().json();

        assertThat(document.get("stacks")).extracting(stack -> stack.get("impl").asText()).containsExactly("hibernate", "jdbc");
        assertThat(document.get("baseline").get("impl").asText()).as("raw JDBC is the baseline wherever it runs")
                .isEqualTo("jdbc");
    }

    @Test
    void compare_combinationTheStackRefuses_isLeftOutWithANoteWhenItCameFromTheDefaults() {
        StudyCommand.StackWrapper noCaffeineForHibernate = (impl, cache, real) -> {
            if (impl == Impl.HIBERNATE && cache == CacheKind.CAFFEINE) {
                real.close();
                throw new IllegalArgumentException("hibernate cannot have caffeine (test double)");
            }
            return real;
        };

        Study.Outcome fromDefaults = CompareDatabase.H2.fresh()
                .run(noCaffeineForHibernate, "compare", "--caches", "caffeine", "hosts", "get", "1");
        assertThat(fromDefaults.exitCode()).isZero();
        assertThat(fromDefaults.out()).contains("note: left out hibernate/caffeine (hibernate cannot have caffeine (test double))");
        assertThat(rows(fromDefaults.out())).extracting(row -> row.get(0)).containsExactly("jdbc/caffeine", "mybatis/caffeine");

        CompareDatabase.H2.run(noCaffeineForHibernate, "compare", "--impls", "jdbc,hibernate", "--caches", "caffeine",
                        "hosts", "get", "1")
                .failsWith(ExitCode.USAGE, "cannot compare hibernate/caffeine: hibernate cannot have caffeine (test double)");
    }

    // ---- bad input --------------------------------------------------------------------------

    @Test
    void compare_badInput_exits2WithOneErrorLineBeforeAnythingRuns() {
        List<List<String>> badLines = List.of(
                List.of("compare"),
                List.of("compare", "--impls", "jdbc,jpa", "hosts", "list"),
                List.of("compare", "--caches", "none,nocache", "hosts", "list"),
                List.of("compare", "--repeat", "0", "hosts", "list"),
                List.of("compare", "hosts"),
                List.of("compare", "hosts", "get", "abc"),
                List.of("compare", "hosts", "delete"),
                List.of("compare", "hosts", "list", "--sort", "id"),
                List.of("compare", "joins", "outer"),
                List.of("compare", "reset"),
                List.of("compare", "bench"),
                List.of("compare", "demo", "again"),
                List.of("--impl", "mybatis", "compare", "hosts", "list"),
                List.of("compare", "hosts", "add", "bad_name", "10.0.0.1"));
        CompareDatabase.H2.fresh();
        for (List<String> line : badLines) {
            Study.Outcome outcome = CompareDatabase.H2.run(line.toArray(String[]::new));
            assertThat(outcome.exitCode()).as("%s: %s", line, outcome.err()).isEqualTo(ExitCode.USAGE);
            assertThat(outcome.out()).as("%s", line).isEmpty();
            assertThat(outcome.errLines()).as("%s", line).hasSize(1).first().asString().startsWith("error: ");
        }
        CompareDatabase.H2.json("hosts", "names").printsJson("['localhost','ubuntu','ubuntu2']");
    }

    @Test
    void compare_badArgumentOfTheCommand_isTheCommandsOwnErrorLine() {
        CompareDatabase.H2.run("compare", "hosts", "get", "abc")
                .failsWith(ExitCode.USAGE, "Invalid value for positional parameter at index 0 (ID): 'abc' is not an int "
                        + "(see 'study hosts get --help')");
        CompareDatabase.H2.run("compare", "--repeat", "0", "hosts", "list")
                .failsWith(ExitCode.USAGE, "--repeat must be 1 or more, was 0");
    }

    @Test
    void compare_explain_endsStderrWithTheSummaryOfEveryStack() {
        Study.Outcome outcome = CompareDatabase.H2.fresh().run("compare", "--repeat", "1", "hosts", "get", "2", "--explain");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.errLines()).filteredOn(line -> line.contains("sql: ")).hasSize(Impl.values().length * 2);
        assertThat(outcome.errLines()).first().asString().startsWith("[jdbc/none] sql: ");
        assertThat(outcome.errLines()).last().isEqualTo("explain: statements=" + Impl.values().length * 2
                + " cache_hits=0 cache_misses=0");
    }

    // ---- the read/write rule ------------------------------------------------------------------

    /** A command that sends an INSERT, UPDATE or DELETE must be marked {@link Writes}, or compare would not reset for it. */
    @Test
    void writes_everyCommandThatWritesIsMarkedAndNoReadIs() {
        List<List<String>> commands = List.of(
                List.of("hosts", "add", "web1", "10.0.0.1"), List.of("hosts", "get", "1"),
                List.of("hosts", "find", "--ip", "127.0.0.1"), List.of("hosts", "list"), List.of("hosts", "names"),
                List.of("hosts", "update", "1", "--port", "2200"), List.of("hosts", "set-port", "--id-gt", "1", "--port", "1"),
                List.of("hosts", "delete", "3"), List.of("hosts", "delete", "--id-gt", "1"), List.of("hosts", "rollback-demo"),
                List.of("family", "add", "Ann"), List.of("family", "add-child", "Bob", "1"), List.of("family", "show", "1"),
                List.of("family", "list"), List.of("family", "child", "1"), List.of("family", "move", "1", "2"),
                List.of("family", "delete", "3"), List.of("joins", "left"), List.of("joins", "counts"));
        CompareDatabase.H2.fresh();
        for (List<String> command : commands) {
            List<String> line = new ArrayList<>(List.of("compare", "--impls", "jdbc", "--repeat", "1"));
            line.addAll(command);
            JsonNode document = CompareDatabase.H2.json(line.toArray(String[]::new)).succeeds().json();
            boolean sendsWrites = StreamSupport.stream(document.get("stacks").get(0).get("sql").spliterator(), false)
                    .map(JsonNode::asText).anyMatch(sql -> sql.matches("(?i)(insert|update|delete)\\b.*"));
            assertThat(document.get("writes").asBoolean()).as("%s writes", command).isEqualTo(sendsWrites);
        }
    }

    // ---- demo -------------------------------------------------------------------------------

    @Test
    void compareDemo_flagsTheStepsWhereHibernateSendsMoreStatements() {
        String out = CompareDatabase.H2.fresh().run("compare", "demo").succeeds().out();

        assertThat(out).contains("compare demo: the tutorial on jdbc/none, mybatis/none, hibernate/none",
                "2. ! Insert several in one atomic batch: all rows or none",
                "   ! statements differ: jdbc/none 1, mybatis/none 1, hibernate/none 3",
                "(the same SQL 3 times, one statement each; the first shown)",
                "3. Filter by a column: one host or none",
                "Done: 28 steps on 3 stacks.");
        assertThat(out).doesNotContain("answer differs");
        String steps = out.substring(0, out.indexOf("Done: "));
        assertThat(CompareDatabase.H2.run("demo", "--compare").succeeds().out())
                .as("demo --compare is compare demo (times aside)").startsWith(steps);
    }

    @Test
    void compareDemo_json_holdsEveryStacksStepsWithTheirSql() {
        JsonNode document = CompareDatabase.H2.fresh().json("compare", "--impls", "jdbc,hibernate", "demo").succeeds().json();

        assertThat(document.get("command").asText()).isEqualTo("demo");
        JsonNode stacks = document.get("stacks");
        assertThat(stacks).hasSize(2);
        for (JsonNode stack : stacks) {
            assertThat(stack.get("steps")).hasSize(28);
            assertThat(stack.get("same_as_jdbc").asBoolean()).isTrue();
            assertThat(stack.get("steps").get(1).get("same_as_jdbc").asBoolean()).isTrue();
        }
        assertThat(stacks.get(0).get("steps").get(1).get("statements").asLong()).as("jdbc: add_all is one batch").isEqualTo(1);
        assertThat(stacks.get(1).get("steps").get(1).get("statements").asLong()).as("hibernate: one INSERT a row").isEqualTo(3);
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** The rows of the comparison table, as cells (split on two or more spaces), the time (last) left out. */
    private static List<List<String>> rows(String out) {
        List<String> lines = out.lines().toList();
        int header = lines.indexOf(lines.stream().filter(line -> line.startsWith("stack  ")).findFirst().orElseThrow());
        List<List<String>> rows = new ArrayList<>();
        for (int i = header + 2; i < lines.size() && !lines.get(i).startsWith("round trips"); i++) {
            List<String> cells = List.of(lines.get(i).strip().split("\\s{2,}"));
            rows.add(cells.subList(0, cells.size() - 1));
        }
        return rows;
    }

    /** A row's cells but the time. */
    private static List<String> row(String... cells) {
        return List.of(cells);
    }

    private static List<String> sqlSection(String out) {
        List<String> lines = out.lines().toList();
        return lines.subList(lines.indexOf("SQL of the first run, stack by stack:") + 1, lines.size());
    }

    /** Where the SQL text starts on a line of the SQL section. */
    private static int sqlColumn(String line) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)\\b(select|insert|update|delete)\\b").matcher(line);
        return m.find() ? m.start() : -1;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> statementsByImpl(JsonNode document) {
        List<String> counts = new ArrayList<>();
        document.get("stacks").forEach(stack -> counts.add(stack.get("impl").asText() + "=" + stack.get("statements").asLong()));
        return counts;
    }
}
