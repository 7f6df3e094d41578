package dev.sqlstudy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Both reports rendered from the committed run ({@code docs/bench/results.json}, H2 + MariaDB +
 * memcached): the answers carry that run's figures (each expected figure computed here from the
 * JSON's rows), a section whose data is absent is absent, and every chart mark has a tooltip. The
 * reports are left in {@code target/report-from-docs/} for a look.
 */
class AnswersReportTest {

    private static final Path RUN = Path.of("..", "docs", "bench", "results.json");
    private static final String MARIADB = "jdbc:mysql://127.0.0.1:3306/sqlstudy_bench?createDatabaseIfNotExist=true";
    private static final String MYSQL = "jdbc:mysql://127.0.0.1:3307/sqlstudy_bench";

    @Test
    void render_committedRun_writesBothReports() throws Exception {
        Results r = results(run());
        Path dir = Path.of("target", "report-from-docs");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("report.md"), MarkdownReport.render(r));
        Files.writeString(dir.resolve("report.html"), HtmlReport.render(r));
        assertThat(dir.resolve("report.html")).isNotEmptyFile();
    }

    @Test
    void answers_committedRun_carryThisRunsFigures() throws Exception {
        ObjectNode json = run();
        String md = MarkdownReport.render(results(json));

        double jdbc = mean(json, "StackBenchmarks.pointById", MARIADB, "JDBC", "NONE");
        double mybatis = mean(json, "StackBenchmarks.pointById", MARIADB, "MYBATIS", "NONE");
        double hibernate = mean(json, "StackBenchmarks.pointById", MARIADB, "HIBERNATE", "NONE");
        assertThat(md).contains("On MariaDB, a point read by id with MyBatis costs " + Units.ratio(mybatis / jdbc)
                + " raw JDBC's time and with Hibernate " + Units.ratio(hibernate / jdbc) + " (raw JDBC " + Units.time(jdbc));

        double caffeine = mean(json, "StackBenchmarks.pointById", MARIADB, "JDBC", "CAFFEINE");
        double memcached = mean(json, "StackBenchmarks.pointById", MARIADB, "JDBC", "MEMCACHED");
        assertThat(md).contains("On MariaDB, a point read by id served by a cache instead of the database (raw JDBC's read: "
                        + Units.time(jdbc) + "): a Caffeine hit " + Units.time(caffeine) + "†, " + Answers.speed(jdbc / caffeine)
                        + "; a memcached hit " + Units.time(memcached) + "†, " + Answers.speed(jdbc / memcached) + ".");

        double one = mean(json, "StackBenchmarks.parentWithChildren", MARIADB, "JDBC", "NONE");
        double naive = mean(json, "NPlusOneBenchmarks.parentWithChildrenNaive", MARIADB, "JDBC", "NONE");
        assertThat(md).contains("On MariaDB, loading the parent with 100 children child by child (N+1",
                ") costs " + Units.ratio(naive / one) + " its one statement (raw JDBC: " + Units.time(naive));

        double batch = mean(json, "StackBenchmarks.batchInsert", MARIADB, "JDBC", "NONE");
        double single = mean(json, "StackBenchmarks.singleInserts", MARIADB, "JDBC", "NONE");
        assertThat(md).contains("On MariaDB, 1,000 inserts as one JDBC batch take " + Units.time(batch) + " ("
                + Units.time(batch / 1000) + " per row), " + Answers.speed(single / batch));

        assertThat(md).as("a server was measured: the answers speak of it, H2 is in the detail")
                .doesNotContain("On H2 file,").contains("H2's figures are in its section below.")
                .doesNotContain("n/a", "MySQL ÷ MariaDB");
    }

    @Test
    void answers_committedRun_openBothReportsBeforeTheGoals() throws Exception {
        Results r = results(run());
        String md = MarkdownReport.render(r);
        String html = HtmlReport.render(r);

        assertThat(md.indexOf("## The answers")).isGreaterThan(md.indexOf(Report.summary(r)))
                .isLessThan(md.indexOf("## Goals"));
        assertThat(md.indexOf("## Goals")).isLessThan(md.indexOf("## What each cache guarantees"))
                .isLessThan(md.indexOf("## MariaDB"));
        assertThat(html.indexOf("<h2>The answers</h2>")).isLessThan(html.indexOf("<svg"))
                .isLessThan(html.indexOf("<h2>Goals</h2>"));
        assertThat(html).contains("Point read by id on every stack, per database",
                "A cached hit against the database read it saves", "One statement against N+1 (raw JDBC)");
    }

    @Test
    void howToRead_committedRun_saysWhichModeEachMeanComesFrom() throws Exception {
        ObjectNode json = run();
        long average = rows(json, m -> "AverageTime".equals(m.path("meanFrom").asText())).size();
        long all = json.path("measurements").size();

        String md = MarkdownReport.render(results(json));

        assertThat(md).contains("**This run**: " + average + " mean(s) from AverageTime (†), " + (all - average)
                + " from SampleTime; every percentile from SampleTime.", "marked † comes from JMH's AverageTime");
        assertThat(md).as("this run's environment has no timer figures").doesNotContain("System.nanoTime's granularity here");
        ObjectNode env = (ObjectNode) json.path("environment");
        env.put("timerGranularityNs", 10.0);
        env.put("timerLatencyNs", 21.0);
        assertThat(MarkdownReport.render(results(json))).contains("System.nanoTime's granularity here was 10.0 ns and "
                + "one read cost 21.0 ns");
    }

    @Test
    void answers_runWithoutNPlusOne_leaveOutItsSentenceAndChart() throws Exception {
        ObjectNode json = run();
        remove(json, m -> m.path("workload").asText().startsWith("NPlusOneBenchmarks."));
        Results r = results(json);

        assertThat(MarkdownReport.render(r)).doesNotContain("child by child").contains("1,000 inserts as one JDBC batch");
        assertThat(HtmlReport.render(r)).doesNotContain("One statement against N+1");
    }

    @Test
    void answers_runOnH2Only_speakOfH2() throws Exception {
        ObjectNode json = run();
        remove(json, m -> MARIADB.equals(m.path("db").asText()));
        ((ArrayNode) json.path("databases")).remove(1);

        String md = MarkdownReport.render(results(json));

        assertThat(md).contains("On H2 file, a point read by id with MyBatis costs").doesNotContain("On MariaDB", "H2's figures are in");
    }

    @Test
    void answers_noMeasurement_noSectionAndNoChart() throws Exception {
        ObjectNode json = run();
        remove(json, m -> true);
        Results r = results(json);

        assertThat(MarkdownReport.render(r)).doesNotContain("## The answers", "## What each cache guarantees",
                "## MySQL vs MariaDB");
        assertThat(HtmlReport.render(r)).doesNotContain("<h2>The answers</h2>", "<svg");
    }

    @Test
    void mysqlVsMariaDb_onlyMariaDb_isAbsent() throws Exception {
        Results r = results(run());

        assertThat(MarkdownReport.render(r)).doesNotContain("MySQL vs MariaDB");
        assertThat(HtmlReport.render(r)).doesNotContain("MySQL vs MariaDB");
    }

    @Test
    void mysqlVsMariaDb_bothServers_showsEveryPairSideBySide() throws Exception {
        ObjectNode json = withMySql(run(), 0.8);
        Results r = results(json);
        String md = MarkdownReport.render(r);
        String html = HtmlReport.render(r);

        double maria = mean(json, "StackBenchmarks.pointById", MARIADB, "JDBC", "NONE");
        assertThat(md).contains("## MySQL vs MariaDB", "| MySQL ÷ MariaDB |",
                "| Point look-up by id (hot set) | jdbc/none | " + Report.meanCell(find(r, MARIADB)) + " | 1.00× | "
                        + Report.meanCell(find(r, MYSQL)) + " | 1.00× | 0.80× |",
                "takes " + Units.time(maria * 0.8) + " on MySQL (9.7.4) against " + Units.time(maria)
                        + " on MariaDB (MySQL 5.5.5-10.11.19-MariaDB-0+deb12u1): MySQL ÷ MariaDB = 0.80×");
        long pairs = rows(json, m -> MARIADB.equals(m.path("db").asText())).size();
        assertThat(Report.mysqlVsMariaDb(r)).as("every workload × stack of MariaDB has its MySQL twin").hasSize((int) pairs);
        assertThat(html).contains("<h2>MySQL vs MariaDB</h2>", "<th>MySQL ÷ MariaDB</th>", "<td>0.80×</td>");
    }

    @Test
    void cacheGuarantees_committedRun_showsTheMeasuredCachesColumns() throws Exception {
        Results r = results(run());
        String md = MarkdownReport.render(r);

        assertThat(md).contains("| Rule | Caffeine decorator | memcached decorator |\n|---|---|---|\n",
                "| One load per key under a stampede | ✅ `StampedeIT.findById_sixteenThreadsMissAtOnce_oneDatabaseLoad` "
                        + "| ✅ same test (one load per process) |",
                "| Works across processes (a write in one is seen by the other) | ❌ AP "
                        + "`caffeineDecorator_writeInAnotherProcess_leavesThisProcessStale` |");
        assertThat(md).contains("has the others (Redis decorator, Hibernate L2 READ_WRITE");
        assertThat(HtmlReport.render(r)).contains("<h2>What each cache guarantees</h2>",
                "<th class=\"l\">memcached decorator</th>", "<code>StampedeIT.findById_sixteenThreadsMissAtOnce_oneDatabaseLoad</code>");
    }

    @Test
    void cacheGuarantees_runWithoutCaches_isAbsent() throws Exception {
        ObjectNode json = run();
        remove(json, m -> !"NONE".equals(m.path("cache").asText()));
        Results r = results(json);

        assertThat(MarkdownReport.render(r)).doesNotContain("What each cache guarantees").contains("## The answers");
        assertThat(HtmlReport.render(r)).doesNotContain("What each cache guarantees", "A cached hit against");
    }

    @Test
    void html_committedRun_everyChartMarkHasATitleAndNoLabelIsClipped() throws Exception {
        String html = HtmlReport.render(results(withMySql(run(), 1.1)));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));

        NodeList rects = doc.getElementsByTagName("rect");
        assertThat(rects.getLength()).isPositive();
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            assertThat(rect.getElementsByTagName("title").getLength()).as("a tooltip on rect %d", i).isEqualTo(1);
            assertThat(rect.getElementsByTagName("title").item(0).getTextContent()).isNotBlank();
        }
        NodeList texts = doc.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            Element text = (Element) texts.item(i);
            if ("end".equals(text.getAttribute("text-anchor"))) {
                String label = text.getTextContent().replace(titleOf(text), "");
                assertThat(Double.parseDouble(text.getAttribute("x"))).as("room left of the label %s", label)
                        .isGreaterThanOrEqualTo(label.length() * SvgCharts.CHAR_W * 11 / 12 - 1);
            }
        }
    }

    // ---- the run, as JSON to reshape and as Results

    private static ObjectNode run() throws Exception {
        ObjectNode json = (ObjectNode) ResultsJson.MAPPER.readTree(RUN.toFile());
        // The committed run predates the sweeps: its sized workloads carried their size in the id.
        java.util.Map<String, Workload> renamed = java.util.Map.of(
                "StackBenchmarks.inList16", Workload.IN_LIST_16,
                "StackBenchmarks.parentWith100Children", Workload.PARENT_WITH_100_CHILDREN,
                "StackBenchmarks.batchInsert1000", Workload.BATCH_INSERT,
                "StackBenchmarks.singleInserts1000", Workload.SINGLE_INSERTS,
                "NPlusOneBenchmarks.inList16Naive", Workload.IN_LIST_16_NAIVE,
                "NPlusOneBenchmarks.parentWith100ChildrenNaive", Workload.PARENT_NAIVE);
        for (JsonNode m : json.path("measurements")) {
            Workload w = renamed.get(m.path("workload").asText());
            Workload now = w != null ? w : Workload.ofBenchmark("." + m.path("workload").asText()).orElse(null);
            if (w != null) {
                ((ObjectNode) m).put("workload", w.id());
            }
            if (now != null && now.standardSize != null && m.path("size").isMissingNode()) {
                // allParentsWithChildren measured 50 parents then; the standard is 100 now.
                ((ObjectNode) m).put("size", now.standardSize);
            }
        }
        return json;
    }

    private static Results results(JsonNode json) throws Exception {
        return ResultsJson.MAPPER.treeToValue(json, Results.class);
    }

    /** The run with a MySQL server too, whose every figure is MariaDB's times {@code factor}. */
    private static ObjectNode withMySql(ObjectNode json, double factor) {
        ((ArrayNode) json.path("databases")).addObject().put("spec", MYSQL).put("label", "MySQL").put("version", "9.7.4")
                .put("available", true);
        ArrayNode measurements = (ArrayNode) json.path("measurements");
        for (JsonNode m : rows(json, m -> MARIADB.equals(m.path("db").asText()))) {
            ObjectNode copy = m.deepCopy();
            copy.put("db", MYSQL);
            for (String field : List.of("mean", "error", "p50", "p90", "p99", "p999", "max", "nsPerRow")) {
                if (copy.path(field).isNumber()) {
                    copy.put(field, copy.path(field).asDouble() * factor);
                }
            }
            copy.put("opsPerSecond", 1e9 / copy.path("mean").asDouble());
            measurements.add(copy);
        }
        return json;
    }

    private static List<JsonNode> rows(JsonNode json, Predicate<JsonNode> which) {
        List<JsonNode> rows = new ArrayList<>();
        json.path("measurements").forEach(m -> {
            if (which.test(m)) {
                rows.add(m);
            }
        });
        return rows;
    }

    private static void remove(ObjectNode json, Predicate<JsonNode> which) {
        ArrayNode measurements = (ArrayNode) json.path("measurements");
        for (int i = measurements.size() - 1; i >= 0; i--) {
            if (which.test(measurements.get(i))) {
                measurements.remove(i);
            }
        }
        json.putArray("goals");
    }

    private static double mean(JsonNode json, String workload, String db, String impl, String cache) {
        List<JsonNode> rows = rows(json, m -> workload.equals(m.path("workload").asText()) && db.equals(m.path("db").asText())
                && impl.equals(m.path("impl").asText()) && cache.equals(m.path("cache").asText()));
        assertThat(rows).as("%s %s/%s on %s in the run", workload, impl, cache, db).hasSize(1);
        return rows.get(0).path("mean").asDouble();
    }

    private static Results.Measurement find(Results r, String db) {
        return Answers.find(r, Workload.POINT_BY_ID, db, "JDBC", "NONE").orElseThrow();
    }

    private static String titleOf(Element text) {
        NodeList titles = text.getElementsByTagName("title");
        return titles.getLength() == 0 ? "" : titles.item(0).getTextContent();
    }
}
