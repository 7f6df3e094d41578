package dev.sqlstudy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlstudy.stack.Impl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code study hosts …} on every implementation, from the sample data (localhost, ubuntu, ubuntu2). */
class HostsCommandTest {

    private static final String LOCALHOST = "{'id':1,'hostname':'localhost','ip_addr':'127.0.0.1','port':22}";
    private static final String UBUNTU = "{'id':2,'hostname':'ubuntu','ip_addr':'192.168.2.243','port':20000}";
    private static final String UBUNTU2 = "{'id':3,'hostname':'ubuntu2','ip_addr':'192.168.2.244','port':20000}";

    @TempDir
    Path dir;

    // ---- add ------------------------------------------------------------------------------------

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void add_newHost_printsItAsStoredWithTheDefaultPort(Impl impl) {
        Study.fresh(impl).json("hosts", "add", "Web1.Example", "10.0.0.1")
                .printsJson("{'id':4,'hostname':'web1.example','ip_addr':'10.0.0.1','port':22}");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void add_ipv6WithPort_storesTheCanonicalAddress(Impl impl) {
        Study.fresh(impl).json("hosts", "add", "v6", "2001:DB8:0:0::1", "--port", "2222")
                .printsJson("{'id':4,'hostname':'v6','ip_addr':'2001:db8::1','port':2222}");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void add_table_printsARow(Impl impl) {
        String out = Study.fresh(impl).run("hosts", "add", "web1", "10.0.0.1").succeeds().out();
        assertThat(out).isEqualTo("""
                id  hostname  ip_addr   port
                --  --------  --------  ----
                 4  web1      10.0.0.1    22
                """);
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void add_takenHostname_exits3NamingTheFieldAndWritesNothing(Impl impl) {
        Study study = Study.fresh(impl);
        study.run("hosts", "add", "LOCALHOST", "10.9.9.9").failsWith(ExitCode.DUPLICATE, "duplicate hostname");
        study.json("hosts", "find", "--ip", "10.9.9.9").failsWith(ExitCode.NOT_FOUND, "host '10.9.9.9' not found");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void add_takenIp_exits3NamingTheField(Impl impl) {
        Study.fresh(impl).run("hosts", "add", "other", "127.0.0.1").failsWith(ExitCode.DUPLICATE, "duplicate ip_addr");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void add_invalidInput_exits2NamingTheField(Impl impl) {
        Study study = Study.fresh(impl);
        study.run("hosts", "add", "bad_name", "10.0.0.1").failsWith(ExitCode.USAGE, "invalid hostname");
        study.run("hosts", "add", "web1", "example.com").failsWith(ExitCode.USAGE, "invalid ip_addr");
        study.run("hosts", "add", "web1", "10.0.0.1", "--port", "70000").failsWith(ExitCode.USAGE, "invalid port");
        study.json("hosts", "names").printsJson("['localhost','ubuntu','ubuntu2']");
    }

    // ---- import ---------------------------------------------------------------------------------

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void import_csvWithHeader_insertsEveryLineInOrder(Impl impl) throws IOException {
        Path csv = write("hosts.csv", "hostname,ip_addr,port\r\nweb1,10.0.0.1,8080\n\n web2 , 10.0.0.2\n\"db1\",::1,3306\n");
        Study.fresh(impl).json("hosts", "import", csv.toString()).printsJson("["
                + "{'id':4,'hostname':'web1','ip_addr':'10.0.0.1','port':8080},"
                + "{'id':5,'hostname':'web2','ip_addr':'10.0.0.2','port':22},"
                + "{'id':6,'hostname':'db1','ip_addr':'::1','port':3306}]");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void import_badLine_exits2NamingTheLineAndFieldAndWritesNothing(Impl impl) throws IOException {
        Path csv = write("bad.csv", "web1,10.0.0.1\nweb2,10.0.0.2,99999\n");
        Study study = Study.fresh(impl);
        study.run("hosts", "import", csv.toString()).failsWith(ExitCode.USAGE, "invalid port: " + csv + " line 2: ");
        study.json("hosts", "names").printsJson("['localhost','ubuntu','ubuntu2']");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void import_wrongNumberOfFields_exits2NamingTheLine(Impl impl) throws IOException {
        Path csv = write("short.csv", "web1\n");
        Study.fresh(impl).run("hosts", "import", csv.toString())
                .failsWith(ExitCode.USAGE, "invalid line: " + csv + " line 1: expected hostname,ip_addr[,port]");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void import_clashWithAStoredHost_exits3AndWritesNothing(Impl impl) throws IOException {
        Path csv = write("clash.csv", "web1,10.0.0.1\nubuntu,10.0.0.2\n");
        Study study = Study.fresh(impl);
        study.run("hosts", "import", csv.toString()).failsWith(ExitCode.DUPLICATE, "duplicate hostname");
        study.json("hosts", "names").printsJson("['localhost','ubuntu','ubuntu2']");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void import_clashWithAStoredHost_namesTheValueAndItsLineLikeABadLine(Impl impl) throws IOException {
        Path csv = write("clash.csv", "hostname,ip_addr\nweb1,10.0.0.1\nweb2,10.0.0.2\nUbuntu,10.0.0.3\n");
        Study.Outcome outcome = Study.fresh(impl).run("hosts", "import", csv.toString())
                .failsWith(ExitCode.DUPLICATE, "duplicate hostname: ");
        assertThat(outcome.errLines()).containsExactly(
                "error: duplicate hostname: " + csv + " line 4: 'ubuntu' is taken by a stored host");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void import_ipOfAStoredHost_namesTheIpAndItsLine(Impl impl) throws IOException {
        Path csv = write("clash-ip.csv", "web1,10.0.0.1\nweb2,192.168.2.244\n");
        Study.fresh(impl).run("hosts", "import", csv.toString())
                .failsWith(ExitCode.DUPLICATE, "duplicate ip_addr: " + csv + " line 2: '192.168.2.244' is taken by a stored host");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void import_valueRepeatedInTheFile_exits3NamingTheLinesAndWritesNothing(Impl impl) throws IOException {
        Path csv = write("repeat.csv", "web1,10.0.0.1\nweb2,10.0.0.1\n");
        Study study = Study.fresh(impl);
        study.run("hosts", "import", csv.toString())
                .failsWith(ExitCode.DUPLICATE, "duplicate ip_addr: " + csv + " lines 1, 2: each has '10.0.0.1'");
        study.json("hosts", "names").printsJson("['localhost','ubuntu','ubuntu2']");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void import_missingFile_exits2(Impl impl) {
        Study.fresh(impl).run("hosts", "import", dir.resolve("none.csv").toString())
                .failsWith(ExitCode.USAGE, "invalid file: cannot read");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void import_fileNameThePlatformCannotHold_exits2NotAnUnexpectedFailure(Impl impl) {
        // Under LANG=C a non-ASCII name cannot become a path either; a NUL can nowhere.
        Study.fresh(impl).run("hosts", "import", "hosts\u0000.csv")
                .failsWith(ExitCode.USAGE, "invalid file: cannot read");
    }

    // ---- get / find -----------------------------------------------------------------------------

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void get_existingId_printsTheHost(Impl impl) {
        Study.fresh(impl).json("hosts", "get", "2").printsJson(UBUNTU);
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void get_missingId_exits1(Impl impl) {
        Study.fresh(impl).json("hosts", "get", "42").failsWith(ExitCode.NOT_FOUND, "host '42' not found");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void get_idThatIsNotANumber_exits2(Impl impl) {
        Study.fresh(impl).run("hosts", "get", "one").failsWith(ExitCode.USAGE, "Invalid value for positional parameter");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void find_byHostnameInAnyCase_printsOneHost(Impl impl) {
        Study.fresh(impl).json("hosts", "find", "--hostname", "LocalHost").printsJson(LOCALHOST);
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void find_byIp_printsOneHost(Impl impl) {
        Study.fresh(impl).json("hosts", "find", "--ip", "192.168.2.244").printsJson(UBUNTU2);
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void find_unknownHostname_exits1(Impl impl) {
        Study.fresh(impl).json("hosts", "find", "--hostname", "nowhere").failsWith(ExitCode.NOT_FOUND, "host 'nowhere' not found");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void find_in_printsTheMatchesById(Impl impl) {
        Study.fresh(impl).json("hosts", "find", "--in", "ubuntu2,localhost,nowhere")
                .printsJson("[" + LOCALHOST + "," + UBUNTU2 + "]");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void find_inWithNoMatch_printsAnEmptyArray(Impl impl) {
        Study.fresh(impl).json("hosts", "find", "--in", "nowhere").printsJson("[]");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void find_inWithSpacesAroundNames_ignoresTheSpaces(Impl impl) {
        Study.fresh(impl).json("hosts", "find", "--in", " ubuntu2 , LOCALHOST,,nowhere ")
                .printsJson("[" + LOCALHOST + "," + UBUNTU2 + "]");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void find_inEmptyList_printsAnEmptyArray(Impl impl) {
        Study study = Study.fresh(impl);
        study.json("hosts", "find", "--in", "").printsJson("[]");
        study.json("hosts", "find", "--in", " , ").printsJson("[]");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void find_withoutACriterionOrWithTwo_exits2(Impl impl) {
        Study study = Study.fresh(impl);
        study.run("hosts", "find").failsWith(ExitCode.USAGE, "Missing required argument");
        study.run("hosts", "find", "--hostname", "a", "--ip", "10.0.0.1").failsWith(ExitCode.USAGE, "--hostname=H, --ip=IP are mutually exclusive");
    }

    // ---- list / names ---------------------------------------------------------------------------

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void list_default_printsEveryHostById(Impl impl) {
        Study.fresh(impl).json("hosts", "list").printsJson("[" + LOCALHOST + "," + UBUNTU + "," + UBUNTU2 + "]");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void list_tutorialSlice_isOffset1Limit2(Impl impl) {
        Study.fresh(impl).json("hosts", "list", "--order-by", "id", "--offset", "1", "--limit", "2")
                .printsJson("[" + UBUNTU + "," + UBUNTU2 + "]");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void list_byPortDescending_breaksTiesById(Impl impl) {
        Study.fresh(impl).json("hosts", "list", "--order-by", "port", "--desc")
                .printsJson("[" + UBUNTU + "," + UBUNTU2 + "," + LOCALHOST + "]");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void list_byIpWithLimit_printsTheFirstRows(Impl impl) {
        Study.fresh(impl).json("hosts", "list", "--order-by", "ip", "--limit", "1").printsJson("[" + LOCALHOST + "]");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void list_table_alignsColumnsAndCountsRows(Impl impl) {
        assertThat(Study.fresh(impl).run("hosts", "list").succeeds().out()).isEqualTo("""
                id  hostname   ip_addr         port
                --  ---------  -------------  -----
                 1  localhost  127.0.0.1         22
                 2  ubuntu     192.168.2.243  20000
                 3  ubuntu2    192.168.2.244  20000
                (3 rows)
                """);
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void list_badPaging_exits2(Impl impl) {
        Study study = Study.fresh(impl);
        study.run("hosts", "list", "--offset", "-1").failsWith(ExitCode.USAGE, "invalid offset");
        study.run("hosts", "list", "--order-by", "name").failsWith(ExitCode.USAGE, "Invalid value for option '--order-by'");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void names_printsTheLabelProjectionById(Impl impl) {
        Study.fresh(impl).json("hosts", "names").printsJson("['localhost','ubuntu','ubuntu2']");
    }

    // ---- update / set-port ----------------------------------------------------------------------

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void update_someFields_printsTheHostAsStored(Impl impl) {
        Study.fresh(impl).json("hosts", "update", "2", "--hostname", "Ubuntu-Test", "--port", "2200")
                .printsJson("{'id':2,'hostname':'ubuntu-test','ip_addr':'192.168.2.243','port':2200}");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void update_nothingToChange_printsTheHostUnchanged(Impl impl) {
        Study.fresh(impl).json("hosts", "update", "1").printsJson(LOCALHOST);
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void update_missingHost_exits1(Impl impl) {
        Study.fresh(impl).run("hosts", "update", "42", "--port", "1").failsWith(ExitCode.NOT_FOUND, "host '42' not found");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void update_toAnotherHostsAddress_exits3AndChangesNothing(Impl impl) {
        Study study = Study.fresh(impl);
        study.run("hosts", "update", "2", "--ip", "192.168.2.244", "--port", "1").failsWith(ExitCode.DUPLICATE, "duplicate ip_addr");
        study.json("hosts", "get", "2").printsJson(UBUNTU);
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void setPort_idGreaterThan_printsTheRowsChanged(Impl impl) {
        Study study = Study.fresh(impl);
        study.json("hosts", "set-port", "--id-gt", "1", "--port", "8022").printsJson("{'affected':2}");
        study.json("hosts", "get", "3").printsJson("{'id':3,'hostname':'ubuntu2','ip_addr':'192.168.2.244','port':8022}");
        study.json("hosts", "set-port", "--id-gt", "3", "--port", "1").printsJson("{'affected':0}");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void setPort_missingOption_exits2(Impl impl) {
        Study.fresh(impl).run("hosts", "set-port", "--id-gt", "1").failsWith(ExitCode.USAGE, "Missing required option: '--port=P'");
    }

    // ---- delete ---------------------------------------------------------------------------------

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void delete_existingId_printsAffected1(Impl impl) {
        Study study = Study.fresh(impl);
        study.json("hosts", "delete", "1").printsJson("{'affected':1}");
        study.json("hosts", "get", "1").failsWith(ExitCode.NOT_FOUND, "host '1' not found");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void delete_missingId_exits1(Impl impl) {
        Study.fresh(impl).json("hosts", "delete", "42").failsWith(ExitCode.NOT_FOUND, "host '42' not found");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void delete_idGreaterThan_printsTheRowsDeleted(Impl impl) {
        Study study = Study.fresh(impl);
        study.json("hosts", "delete", "--id-gt", "1").printsJson("{'affected':2}");
        study.json("hosts", "names").printsJson("['localhost']");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void delete_neitherOrBothOfIdAndIdGt_exits2(Impl impl) {
        Study study = Study.fresh(impl);
        study.run("hosts", "delete").failsWith(ExitCode.USAGE, "give either ID or --id-gt N");
        study.run("hosts", "delete", "1", "--id-gt", "1").failsWith(ExitCode.USAGE, "give either ID or --id-gt N");
        study.run("hosts", "delete", "--id-gt", "-1").failsWith(ExitCode.USAGE, "invalid id-gt");
    }

    // ---- rollback-demo --------------------------------------------------------------------------

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void rollbackDemo_showsTheHostInsideAndLeavesNothingBehind(Impl impl) {
        Study study = Study.fresh(impl);
        study.json("hosts", "rollback-demo").printsJson("{'count_before':3,"
                + "'added':{'id':4,'hostname':'rollback-demo.example','ip_addr':'192.0.2.1','port':22},"
                + "'count_inside':4,'count_after':3,'found_after':null}");
        study.json("hosts", "names").printsJson("['localhost','ubuntu','ubuntu2']");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
