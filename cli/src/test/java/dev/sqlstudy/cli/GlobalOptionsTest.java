package dev.sqlstudy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlstudy.stack.Impl;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The parts of the CLI contract (cli/README.md) every command shares: help, usage errors, exit codes, formats, --explain. */
class GlobalOptionsTest {

    @Test
    void study_noArguments_printsTheUsageAndExits0() {
        Study.Outcome outcome = Study.raw();
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).contains("Usage: study", "demo", "hosts", "family", "joins", "--explain");
    }

    @Test
    void help_onACommand_printsItsUsageOnStdout() {
        Study.Outcome outcome = Study.raw("hosts", "delete", "--help").succeeds();
        assertThat(outcome.out()).contains("Usage: study hosts delete", "--id-gt", "{\"affected\":1}");
    }

    @Test
    void version_printsTheProjectVersion() {
        assertThat(Study.raw("--version").succeeds().out()).startsWith("sqlstudy ");
    }

    @Test
    void unknownCommand_exits2WithOneErrorLine() {
        Study.raw("--db", "mem", "hostz").failsWith(ExitCode.USAGE, "Unmatched argument at index 2: 'hostz'");
    }

    @Test
    void missingCommand_exits2() {
        Study.raw("--db", "mem").failsWith(ExitCode.USAGE, "missing command: one of reset, demo, hosts, family, joins");
        Study.raw("--db", "mem", "family").failsWith(ExitCode.USAGE, "missing subcommand of 'family'");
    }

    @Test
    void unknownOption_exits2() {
        Study.raw("--db", "mem", "hosts", "list", "--sort", "id").failsWith(ExitCode.USAGE, "Unknown options: '--sort', 'id'");
    }

    @Test
    void impl_unknownName_exits2NamingTheChoices() {
        Study.raw("--impl", "jpa", "hosts", "list")
                .failsWith(ExitCode.USAGE, "Invalid value for option '--impl': unknown implementation 'jpa' (one of " + Impl.values()[0]);
    }

    @Test
    void cache_nativeWithRawJdbc_exits2SayingJdbcHasNoCacheOfItsOwn() {
        Study.raw("--db", "mem", "--impl", "jdbc", "--cache", "native", "hosts", "list")
                .failsWith(ExitCode.USAGE, "raw JDBC has no cache of its own: use --cache caffeine or memcached");
    }

    @Test
    void format_unknown_exits2() {
        Study.raw("--db", "mem", "--format", "xml", "hosts", "list")
                .failsWith(ExitCode.USAGE, "Invalid value for option '--format': unknown format 'xml' (one of table, json)");
    }

    @Test
    void db_neitherAKeywordNorAUrl_exits2() {
        Study.raw("--db", "postgres", "hosts", "list").failsWith(ExitCode.USAGE, "--db must be h2, mem, container[:mysql|:mariadb] or a JDBC URL");
    }

    @Test
    void db_givenTwiceOutsideBench_exits2SayingOnlyBenchTakesSeveral() {
        Study.raw("--db", "mem", "--db", "h2", "hosts", "list")
                .failsWith(ExitCode.USAGE, "--db was given 2 times (mem, h2); only bench measures several databases");
    }

    @Test
    void db_unreachableServer_exits4QuicklyWithTheAddress() {
        Instant start = Instant.now();
        Study.raw("--db", "jdbc:mysql://127.0.0.1:1/none", "--db-user", "u", "--db-password", "p", "hosts", "list")
                .failsWith(ExitCode.UNAVAILABLE, "cannot connect to jdbc:mysql://127.0.0.1:1/none");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void options_mayFollowTheCommand(Impl impl) {
        Study.fresh(impl);
        Study.raw("hosts", "get", "1", "--db", "mem", "--impl", impl.toString(), "--format", "json")
                .printsJson("{'id':1,'hostname':'localhost','ip_addr':'127.0.0.1','port':22}");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void json_printsExactlyOneDocumentOnStdout(Impl impl) {
        Study.Outcome outcome = Study.fresh(impl).json("hosts", "list").succeeds();
        assertThat(outcome.out()).endsWith("\n").doesNotContain("(3 rows)");
        assertThat(outcome.json().size()).isEqualTo(3);
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void verbose_addsTheStackTraceBeforeTheErrorLine(Impl impl) {
        Study.Outcome outcome = Study.fresh(impl).run("--verbose", "hosts", "get", "42");
        assertThat(outcome.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(outcome.err()).contains("NotFoundException", "\tat ");
        assertThat(outcome.errLines()).last().isEqualTo("error: host '42' not found");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void reset_restoresTheSampleData(Impl impl) {
        Study study = Study.fresh(impl);
        study.run("hosts", "delete", "--id-gt", "0").succeeds();
        study.run("family", "delete", "1").succeeds();
        study.json("reset").printsJson("{'reset':true}");
        study.json("hosts", "names").printsJson("['localhost','ubuntu','ubuntu2']");
        study.json("family", "show", "1").succeeds();
    }

    // ---- --explain ------------------------------------------------------------------------------

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void explain_printsEveryStatementWithParametersThenTheSummaryLast(Impl impl) {
        Study.Outcome outcome = Study.fresh(impl).run("hosts", "get", "2", "--explain");
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).contains("ubuntu");
        List<String> lines = outcome.errLines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWithIgnoringCase("sql: select").containsIgnoringCase("hosts").endsWith("-- (2)");
        assertThat(lines.get(1)).isEqualTo("explain: statements=1 cache_hits=0 cache_misses=0");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void explain_batchImport_showsEveryRowsParameters(Impl impl) {
        Study.Outcome outcome = Study.fresh(impl).run("--explain", "family", "add", "Ann", "Bob", "Cid");
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.err()).contains("'Ann'", "'Bob'", "'Cid'");
        assertThat(outcome.errLines()).last().asString().matches("explain: statements=\\d+ cache_hits=0 cache_misses=0");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void explain_onAFailure_stillEndsWithTheSummary(Impl impl) {
        Study.Outcome outcome = Study.fresh(impl).run("--explain", "hosts", "get", "42");
        assertThat(outcome.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(outcome.errLines()).contains("error: host '42' not found");
        assertThat(outcome.errLines()).last().isEqualTo("explain: statements=1 cache_hits=0 cache_misses=0");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void explain_reset_countsNothing(Impl impl) {
        Study.Outcome outcome = Study.fresh(impl).run("--explain", "reset");
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.errLines()).containsExactly("explain: statements=0 cache_hits=0 cache_misses=0");
    }

    @Test
    void explain_databaseUnavailable_endsWithAZeroSummary() {
        Study.Outcome outcome = Study.raw("--explain", "--db", "jdbc:mysql://127.0.0.1:1/none", "hosts", "list");
        assertThat(outcome.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(outcome.errLines()).hasSize(2);
        assertThat(outcome.errLines().get(0)).startsWith("error: cannot connect to jdbc:mysql://127.0.0.1:1/none");
        assertThat(outcome.errLines().get(1)).isEqualTo("explain: statements=0 cache_hits=0 cache_misses=0");
    }

    @Test
    void explain_usageError_stillEndsWithTheSummary() {
        List<List<String>> commandLines = List.of(
                List.of("--db", "mem", "hosts", "get", "abc", "--explain"),
                List.of("--db", "mem", "--explain", "hosts", "list", "--sort", "id"),
                List.of("--db", "mem", "hosts", "delete", "--explain"),
                List.of("--db", "mem", "family", "move", "5", "--explain"),
                List.of("--db", "mem", "joins", "outer", "--explain"),
                List.of("--explain", "--impl", "jpa", "hosts", "list"));
        for (List<String> args : commandLines) {
            Study.Outcome outcome = Study.raw(args.toArray(String[]::new));
            assertThat(outcome.exitCode()).as("%s: %s", args, outcome.err()).isEqualTo(ExitCode.USAGE);
            assertThat(outcome.out()).as("%s", args).isEmpty();
            assertThat(outcome.errLines()).as("%s", args).hasSize(2);
            assertThat(outcome.errLines().get(0)).as("%s", args).startsWith("error: ");
            assertThat(outcome.errLines().get(1)).as("%s", args).isEqualTo("explain: statements=0 cache_hits=0 cache_misses=0");
        }
    }

    @Test
    void explain_usageErrorWithoutExplain_isTheErrorLineAlone() {
        Study.raw("--db", "mem", "hosts", "delete").failsWith(ExitCode.USAGE, "give either ID or --id-gt N");
        Study.raw("--db", "mem", "hosts", "get", "--", "--explain").failsWith(ExitCode.USAGE, "Invalid value");
    }
}
