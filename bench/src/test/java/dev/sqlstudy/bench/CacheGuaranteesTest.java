package dev.sqlstudy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reports' cache-guarantees table is the README's: same columns, same rules, same cells. */
class CacheGuaranteesTest {

    private static final Path README = Path.of("..", "README.md");

    @Test
    void table_equalsTheReadmesWhatEachCacheGuarantees() throws Exception {
        List<List<String>> readme = readmeTable();

        List<String> header = new ArrayList<>();
        header.add(CacheGuarantees.RULE_HEADER);
        CacheGuarantees.COLUMNS.forEach(c -> header.add(c.header()));
        assertThat(readme.get(0)).as("the README's columns").containsExactlyElementsOf(header);

        List<List<String>> rows = new ArrayList<>();
        for (CacheGuarantees.Rule rule : CacheGuarantees.RULES) {
            List<String> row = new ArrayList<>();
            row.add(rule.rule());
            row.addAll(rule.cells());
            rows.add(row);
        }
        assertThat(readme.subList(1, readme.size())).as("the README's rows, cell by cell").containsExactlyElementsOf(rows);
    }

    @Test
    void withoutLinks_linkedClassAndItsMethod_isOneCodeSpanWithTheTestName() {
        assertThat(CacheGuarantees.withoutLinks("✅ [`StampedeIT`](cache-layer/src/x/StampedeIT.java)`.findById_x`"))
                .isEqualTo("✅ `StampedeIT.findById_x`");
    }

    /** The table under "### What each cache guarantees": the header row, then the rules (the separator dropped). */
    private static List<List<String>> readmeTable() throws Exception {
        List<String> lines = Files.readAllLines(README);
        int section = lines.indexOf("### What each cache guarantees");
        assertThat(section).as("the README's section").isNotNegative();
        int start = section;
        while (!lines.get(start).startsWith("| Rule |")) {
            start++;
        }
        List<List<String>> table = new ArrayList<>();
        for (int i = start; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            if (i == start + 1) {
                continue;
            }
            String line = lines.get(i).strip();
            table.add(Arrays.stream(line.substring(1, line.length() - 1).split("(?<!\\\\)\\|")).map(String::strip).toList());
        }
        return table;
    }
}
