package dev.sqlstudy.cli;

import dev.sqlstudy.stack.Impl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code study joins …}: the three joins differ on the sample data, and GROUP BY counts zero too. */
class JoinsCommandTest {

    private static final String TOM = "{'parent_id':1,'parent':'Mary','child_id':1,'child':'Tom'}";
    private static final String LUCY = "{'parent_id':1,'parent':'Mary','child_id':2,'child':'Lucy'}";
    private static final String JACK = "{'parent_id':2,'parent':'John','child_id':3,'child':'Jack'}";

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void joins_inner_onlyParentsWithChildren(Impl impl) {
        Study.fresh(impl).json("joins", "inner").printsJson("[" + TOM + "," + LUCY + "," + JACK + "]");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void joins_left_addsTheChildlessParentWithNulls(Impl impl) {
        Study.fresh(impl).json("joins", "left").printsJson("[" + TOM + "," + LUCY + "," + JACK + ","
                + "{'parent_id':3,'parent':'Eve','child_id':null,'child':null}]");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void joins_right_addsTheOrphanLast(Impl impl) {
        Study.fresh(impl).json("joins", "RIGHT").printsJson("[" + TOM + "," + LUCY + "," + JACK + ","
                + "{'parent_id':null,'parent':null,'child_id':4,'child':'Oliver'}]");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void joins_counts_groupsByParentIncludingZero(Impl impl) {
        Study.fresh(impl).json("joins", "counts").printsJson("["
                + "{'parent_id':1,'parent':'Mary','children':2},"
                + "{'parent_id':2,'parent':'John','children':1},"
                + "{'parent_id':3,'parent':'Eve','children':0}]");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void joins_unknownKind_exits2(Impl impl) {
        Study.fresh(impl).run("joins", "outer").failsWith(ExitCode.USAGE, "unknown join 'outer' (one of inner, left, right, counts)");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void joins_missingKind_exits2(Impl impl) {
        Study.fresh(impl).run("joins").failsWith(ExitCode.USAGE, "Missing required parameter: 'KIND'");
    }
}
