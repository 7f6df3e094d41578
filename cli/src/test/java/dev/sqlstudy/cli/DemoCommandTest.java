package dev.sqlstudy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sqlstudy.stack.Impl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code study demo}: the whole tutorial, readable, and the same on a fresh or a used database. */
class DemoCommandTest {

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void demo_freshDatabase_walksTheWholeTutorialWithItsSql(Impl impl) {
        String out = Study.fresh(impl).run("demo").succeeds().out();
        assertThat(out).contains("sqlstudy demo: impl=" + impl,
                "session.add(", "session.add_all(", "filter_by(", ".in_(", "order_by(Host.id)[1:3]",
                ".label('name')", ".update({'port': 8022})", "session.rollback()", ".delete()",
                "INNER JOIN", "LEFT JOIN", "RIGHT JOIN", "GROUP BY", "child.parent",
                "1 SQL statement:", "Done: 28 steps");
        // Hibernate writes its SQL in lower case; the other two in upper case.
        assertThat(out).containsIgnoringCase("sql: insert");
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void demo_usedDatabase_resetsFirstAndPrintsTheSameDocument(Impl impl) {
        Study study = Study.fresh(impl);
        JsonNode onFresh = study.json("demo").succeeds().json();
        study.run("hosts", "add", "leftover", "10.1.1.1").succeeds();
        study.run("family", "delete", "2").succeeds();
        JsonNode onUsed = study.json("demo").succeeds().json();
        assertThat(onUsed).isEqualTo(onFresh);
    }

    @ParameterizedTest(name = "impl={0}")
    @MethodSource("dev.sqlstudy.cli.Study#impls")
    void demo_json_isOneDocumentWithEveryStepsStatements(Impl impl) {
        JsonNode demo = Study.fresh(impl).json("demo").succeeds().json();
        assertThat(demo.get("impl").asText()).isEqualTo(impl.toString());
        assertThat(demo.get("steps")).hasSize(28);
        JsonNode familyList = step(demo, "./study family list");
        assertThat(familyList.get("statements").asLong()).as("all parents with children: no N+1").isEqualTo(1);
        assertThat(familyList.get("sql")).hasSize(1);
        assertThat(familyList.get("result")).hasSize(4);
        assertThat(step(demo, "./study joins right").get("result").get(5))
                .isEqualTo(Study.expected("{'parent_id':null,'parent':null,'child_id':4,'child':'Oliver'}"));
        assertThat(step(demo, "./study hosts rollback-demo").get("result").get("count_after").asInt()).isEqualTo(7);
    }

    private static JsonNode step(JsonNode demo, String command) {
        for (JsonNode step : demo.get("steps")) {
            if (step.get("command").asText().equals(command)) {
                return step;
            }
        }
        throw new AssertionError("no step runs " + command);
    }
}
