package dev.sqlstudy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The HTML report over a full matrix (made-up figures: this only checks the drawing) — the heat
 * map colours faster and slower stacks apart and the page stays well formed. The page is left in
 * {@code target/} for a look in a browser.
 */
class HtmlReportTest {

    @Test
    void render_matrixOfStacks_colorsTheRatiosAndStaysWellFormed() throws Exception {
        List<Results.Measurement> ms = new ArrayList<>();
        String[][] stacks = {{"JDBC", "NONE"}, {"MYBATIS", "NONE"}, {"HIBERNATE", "NONE"}, {"JDBC", "CAFFEINE"},
                {"MYBATIS", "CAFFEINE"}, {"HIBERNATE", "MEMCACHED"}};
        double[] factor = {1, 1.3, 2.1, 0.002, 0.003, 0.4};
        for (Workload w : List.of(Workload.POINT_BY_ID, Workload.PAGE_20, Workload.BATCH_INSERT)) {
            for (int i = 0; i < stacks.length; i++) {
                double mean = 50_000 * factor[i] * w.rowsPerOp(w.standardSize);
                ms.add(new Results.Measurement(w.id(), w.title, w.group.name(), "mem", stacks[i][0], stacks[i][1],
                        stacks[i][0].toLowerCase() + "/" + stacks[i][1].toLowerCase(), "SampleTime", 1000, mean, mean / 10,
                        mean * 0.9, mean * 1.2, mean * 2, mean * 3, mean * 5, 1e9 / mean, w.rowsPerOp(w.standardSize), mean / w.rowsPerOp(w.standardSize),
                        100L, 1.0, 1.0, null, factor[i], factor[i] * 0.9, factor[i] * 1.1, 1000 * factor[i], 10.0, false,
                        w.standardSize, 1));
            }
        }
        Results results = new Results(1,
                new Results.Settings("full", "SampleTime", 1, 1, 3, 1000, 5, 1000, null, "./study bench --db mem",
                        List.of("gc")),
                new Results.Environment("17", "vm", "os", "cpu", 2, "tsc", 1024, "1.37", "abc", false, "0.1 0.1 0.1",
                        "start", "end", 60, 1.0, 25.0, "1 JMH fork(s)", "max heap 1,024 MB; G1"),
                List.of(new Results.DatabaseInfo("mem", "H2 in-memory", "H2 2.5", true, null, 10)),
                new Results.MemcachedInfo(null, Map.of(), false, "no memcached servers given"), List.of(), ms, List.of(),
                Goals.evaluate(ms, List.of(new Results.DatabaseInfo("mem", "H2 in-memory", "H2 2.5", true, null, 10)),
                        new Results.MemcachedInfo(null, Map.of(), false, "no memcached servers given")));

        String html = HtmlReport.render(results);
        Path page = Path.of("target", "html-report-test.html");
        Files.writeString(page, html);

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("svg").getLength())
                .as("the answers' point-read and cached-hit charts (no N+1 here), heat map, allocation map, a bar chart per workload")
                .isEqualTo(2 + 2 + 3);
        assertThat(html).contains("Bytes allocated per operation", ">2,100</text>", ">2</text>");
        assertThat(html).contains(SvgCharts.ratioColor(0.002), SvgCharts.ratioColor(2.1), "hibernate/memcached", "log scale");
        assertThat(SvgCharts.ratioColor(1)).isEqualTo("#ffffff");
        assertThat(SvgCharts.ratioColor(0.01)).isNotEqualTo(SvgCharts.ratioColor(100));
    }
}
