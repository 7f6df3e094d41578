package dev.sqlstudy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sqlstudy.stack.Impl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code study family …} on every implementation, from the sample families: Mary (1) has Tom (1) and
 * Lucy (2); John (2) has Jack (3); Eve (3) has none; Oliver (4) is an orphan.
 */
class FamilyCommandTest {

    private static final String MARY = "{'id':1,'name':'Mary','children':[{'id':1,'name':'Tom'},{'id':2,'name':'Lucy'}]}";
    private static final String JOHN = "{'id':2,'name':'John','children':[{'id':3,'name':'Jack'}]}";
    private static final String EVE = "{'id':3,'name':'Eve','children':[]}";

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void add_parentWithChildren_printsItAsStoredWithNamesExactlyAsGiven(Impl impl) {
        JsonNode parent = Study.fresh(impl).json("family", "add", "Zoë \"Z\" O'Neil", "Bob 👶", "Cid")
                .succeeds().json();
        assertThat(parent.get("id").asInt()).isEqualTo(4);
        assertThat(parent.get("name").asText()).isEqualTo("Zoë \"Z\" O'Neil");
        assertThat(parent.get("children")).isEqualTo(Study.expected("[{'id':5,'name':'Bob 👶'},{'id':6,'name':'Cid'}]"));
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void add_parentAlone_hasNoChildren(Impl impl) {
        Study.fresh(impl).json("family", "add", "Ann").printsJson("{'id':4,'name':'Ann','children':[]}");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void add_invalidName_exits2AndWritesNothing(Impl impl) {
        Study study = Study.fresh(impl);
        study.run("family", "add", "Ann", "").failsWith(ExitCode.USAGE, "invalid child.name");
        study.run("family", "add", "A\u0007nn").failsWith(ExitCode.USAGE, "invalid parent.name");
        study.json("family", "list").printsJson("[" + MARY + "," + JOHN + "," + EVE + "]");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void addChild_toAParentOrAsOrphan_printsTheChildWithItsParent(Impl impl) {
        Study study = Study.fresh(impl);
        study.json("family", "add-child", "Max", "3").printsJson("{'id':5,'name':'Max','parent':{'id':3,'name':'Eve'}}");
        study.json("family", "add-child", "Lea", "--orphan").printsJson("{'id':6,'name':'Lea','parent':null}");
        study.run("family", "add-child", "Kim", "42").failsWith(ExitCode.NOT_FOUND, "parent '42' not found");
        study.run("family", "add-child", "Kim").failsWith(ExitCode.USAGE, "give either PARENT_ID or --orphan");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void show_parent_printsItWithItsChildren(Impl impl) {
        Study.fresh(impl).json("family", "show", "1").printsJson(MARY);
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void show_missingParent_exits1(Impl impl) {
        Study.fresh(impl).json("family", "show", "9").failsWith(ExitCode.NOT_FOUND, "parent '9' not found");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void list_everyParentWithChildren_inOneStatement(Impl impl) {
        Study.Outcome outcome = Study.fresh(impl).json("family", "list", "--explain");
        assertThat(outcome.json()).isEqualTo(Study.expected("[" + MARY + "," + JOHN + "," + EVE + "]"));
        assertThat(outcome.errLines()).last().isEqualTo("explain: statements=1 cache_hits=0 cache_misses=0");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void list_table_showsChildrenInline(Impl impl) {
        assertThat(Study.fresh(impl).run("family", "list").succeeds().out()).isEqualTo("""
                id  name  children
                --  ----  -----------------
                 1  Mary  Tom (1), Lucy (2)
                 2  John  Jack (3)
                 3  Eve   -
                (3 rows)
                """);
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void child_withParent_printsTheBackReference(Impl impl) {
        Study.fresh(impl).json("family", "child", "3").printsJson("{'id':3,'name':'Jack','parent':{'id':2,'name':'John'}}");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void child_orphan_hasANullParent(Impl impl) {
        Study.fresh(impl).json("family", "child", "4").printsJson("{'id':4,'name':'Oliver','parent':null}");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void child_missing_exits1(Impl impl) {
        Study.fresh(impl).json("family", "child", "9").failsWith(ExitCode.NOT_FOUND, "child '9' not found");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void move_toAnotherParent_changesBothSides(Impl impl) {
        Study study = Study.fresh(impl);
        study.json("family", "move", "1", "3").printsJson("{'id':1,'name':'Tom','parent':{'id':3,'name':'Eve'}}");
        study.json("family", "show", "3").printsJson("{'id':3,'name':'Eve','children':[{'id':1,'name':'Tom'}]}");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void move_orphan_takesTheChildFromItsParent(Impl impl) {
        Study study = Study.fresh(impl);
        study.json("family", "move", "3", "--orphan").printsJson("{'id':3,'name':'Jack','parent':null}");
        study.json("family", "show", "2").printsJson("{'id':2,'name':'John','children':[]}");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void move_missingChildOrParent_exits1(Impl impl) {
        Study study = Study.fresh(impl);
        study.run("family", "move", "9", "1").failsWith(ExitCode.NOT_FOUND, "child '9' not found");
        study.run("family", "move", "1", "9").failsWith(ExitCode.NOT_FOUND, "parent '9' not found");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void move_parentAndOrphanTogether_exits2(Impl impl) {
        Study.fresh(impl).run("family", "move", "1", "2", "--orphan").failsWith(ExitCode.USAGE, "give either PARENT_ID or --orphan");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void delete_parent_leavesItsChildrenAsOrphans(Impl impl) {
        Study study = Study.fresh(impl);
        study.json("family", "delete", "1").printsJson("{'affected':1}");
        study.json("family", "child", "2").printsJson("{'id':2,'name':'Lucy','parent':null}");
        study.json("family", "show", "1").failsWith(ExitCode.NOT_FOUND, "parent '1' not found");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void delete_missingParent_exits1(Impl impl) {
        Study.fresh(impl).json("family", "delete", "9").failsWith(ExitCode.NOT_FOUND, "parent '9' not found");
    }
}
