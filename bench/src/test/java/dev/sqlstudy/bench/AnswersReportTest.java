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
 * Both reports rendered from the committed run ({@code docs/bench/results.json}: H2, MariaDB and
 * MySQL in containers, memcached and Redis): the answers carry that run's figures (each expected figure computed here from the
 * JSON's rows), a section whose data is absent is absent, and every chart mark has a tooltip. The
 * reports are left in {@code target/report-from-docs/} for a look.
 */
class AnswersReportTest {

    private static final Path RUN = Path.of("..", "docs", "bench", "results.json");
    private static final String MARIADB = "container:mariadb";
    private static final String MYSQL = "container:mysql";

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

        assertThat(md).contains("On MariaDB, a point read by id served by a cache instead of the database (raw JDBC's read: "
                + Units.time(jdbc) + "): a Caffeine hit " + hit(json, "CAFFEINE", jdbc)
                + "; a memcached hit " + hit(json, "MEMCACHED", jdbc) + "; a Redis hit " + hit(json, "REDIS", jdbc) + ";");

        double one = mean(json, "StackBenchmarks.parentWithChildren", MARIADB, "JDBC", "NONE");
        double naive = mean(json, "NPlusOneBenchmarks.parentWithChildrenNaive", MARIADB, "JDBC", "NONE");
        assertThat(md).contains("On MariaDB, loading the parent with 100 children child by child (N+1",
                ") costs " + Units.ratio(naive / one) + " its one statement (raw JDBC: " + Units.time(naive));

        double batch = mean(json, "StackBenchmarks.batchInsert", MARIADB, "JDBC", "NONE");
        double single = mean(json, "StackBenchmarks.singleInserts", MARIADB, "JDBC", "NONE");
        assertThat(md).contains("On MariaDB, 1,000 inserts as one JDBC batch take " + Units.time(batch) + " ("
                + Units.time(batch / 1000) + " per row), " + Answers.speed(single / batch));

        double mysql = mean(json, "StackBenchmarks.pointById", MYSQL, "JDBC", "NONE");
        assertThat(md).contains("Raw JDBC's point read by id takes " + Units.time(mysql) + " on MySQL",
                " against " + Units.time(jdbc) + " on MariaDB", "MySQL ÷ MariaDB = " + Units.ratio(mysql / jdbc));
        assertThat(md).as("servers were measured: the answers speak of them, H2 is in the detail")
                .doesNotContain("On H2 file,").contains("H2's figures are in its section below.")
                .doesNotContain("n/a");
    }

    /** An answer's hit: its mean (marked † from AverageTime) and how much faster than {@code database} it is. */
    private static String hit(JsonNode json, String cache, double database) {
        JsonNode row = row(json, "StackBenchmarks.pointById", MARIADB, "JDBC", cache);
        double mean = row.path("mean").asDouble();
        return Units.time(mean) + ("AverageTime".equals(row.path("meanFrom").asText()) ? "†" : "") + ", "
                + Answers.speed(database / mean);
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
        ObjectNode env = (ObjectNode) json.path("environment");
        assertThat(md).contains("System.nanoTime's granularity here was " + Units.time(env.path("timerGranularityNs").asDouble()));
        env.put("timerGranularityNs", 10.0);
        env.put("timerLatencyNs", 21.0);
        assertThat(MarkdownReport.render(results(json))).contains("System.nanoTime's granularity here was 10.0 ns and "
                + "one read cost 21.0 ns");
    }

    @Test
    void answers_runWithMisses_sayWhatAMissCostsAgainstTheReadItAdds() throws Exception {
        ObjectNode json = run();
        remove(json, m -> m.path("workload").asText().equals("StackBenchmarks.pointByIdMiss"));
        // Each stack's miss: its hit row renamed, at 1.5× the uncached read of its implementation.
        for (JsonNode m : rows(json, m -> "StackBenchmarks.pointById".equals(m.path("workload").asText())
                && m.path("threads").asInt(1) == 1)) {
            ObjectNode miss = m.deepCopy();
            miss.put("workload", "StackBenchmarks.pointByIdMiss");
            double read = mean(json, "StackBenchmarks.pointById", m.path("db").asText(), m.path("impl").asText(), "NONE");
            miss.put("mean", "NONE".equals(m.path("cache").asText()) ? read : read * 1.5);
            ((ArrayNode) json.path("measurements")).add(miss);
        }

        String md = MarkdownReport.render(results(json));

        double jdbc = mean(json, "StackBenchmarks.pointById", MARIADB, "JDBC", "NONE");
        assertThat(md).contains("On MariaDB, a point read that misses (a new absent id each call: look-up, lease, "
                + "database read, fill) costs, against the same read without the cache (raw JDBC's: " + Units.time(jdbc)
                + "): a Caffeine miss " + Units.time(jdbc * 1.5) + ", 1.50×; a memcached miss ", "a Hibernate second-level "
                + "cache miss ", "1.50× Hibernate's database read (");
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
        remove(json, m -> !"h2".equals(m.path("db").asText()) && !m.path("db").isNull());
        ArrayNode databases = (ArrayNode) json.path("databases");
        for (int i = databases.size() - 1; i >= 0; i--) {
            if (!"h2".equals(databases.get(i).path("spec").asText())) {
                databases.remove(i);
            }
        }

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
        ObjectNode json = run();
        remove(json, m -> MYSQL.equals(m.path("db").asText()));
        Results r = results(json);

        assertThat(MarkdownReport.render(r)).doesNotContain("MySQL vs MariaDB");
        assertThat(HtmlReport.render(r)).doesNotContain("MySQL vs MariaDB");
    }

    @Test
    void mysqlVsMariaDb_bothServers_showsEveryPairSideBySide() throws Exception {
        ObjectNode json = run();
        Results r = results(json);
        String md = MarkdownReport.render(r);
        String html = HtmlReport.render(r);

        double maria = mean(json, "StackBenchmarks.pointById", MARIADB, "JDBC", "NONE");
        double mysql = mean(json, "StackBenchmarks.pointById", MYSQL, "JDBC", "NONE");
        String ratio = Units.ratio(mysql / maria);
        assertThat(md).contains("## MySQL vs MariaDB", "| MySQL ÷ MariaDB |",
                "| Point look-up by id (hot set) | jdbc/none | " + Report.meanCell(find(r, MARIADB)) + " | 1.00× | "
                        + Report.meanCell(find(r, MYSQL)) + " | 1.00× | " + ratio + " |",
                "takes " + Units.time(mysql) + " on MySQL (" + version(json, MYSQL) + ") against " + Units.time(maria)
                        + " on MariaDB (" + version(json, MARIADB) + "): MySQL ÷ MariaDB = " + ratio);
        long pairs = rows(json, m -> MARIADB.equals(m.path("db").asText()) && rows(json, t -> MYSQL.equals(t.path("db").asText())
                && t.path("workload").equals(m.path("workload")) && t.path("impl").equals(m.path("impl"))
                && t.path("cache").equals(m.path("cache")) && t.path("size").equals(m.path("size"))
                && t.path("threads").equals(m.path("threads"))).size() == 1).size();
        assertThat(pairs).as("the run measured MariaDB and MySQL alike").isGreaterThan(100);
        assertThat(Report.mysqlVsMariaDb(r)).as("every workload × stack of MariaDB has its MySQL twin").hasSize((int) pairs);
        assertThat(html).contains("<h2>MySQL vs MariaDB</h2>", "<th>MySQL ÷ MariaDB</th>", "<td>" + ratio + "</td>");
    }

    @Test
    void cacheGuarantees_committedRun_showsTheMeasuredCachesColumns() throws Exception {
        Results r = results(run());
        String md = MarkdownReport.render(r);

        assertThat(md).contains("| Rule | Caffeine decorator | memcached decorator | Redis decorator | Hibernate L2 READ_WRITE "
                        + "| MyBatis `<cache/>` |\n|---|---|---|---|---|---|\n",
                "| One load per key under a stampede | ✅ `StampedeIT.findById_sixteenThreadsMissAtOnce_oneDatabaseLoad` "
                        + "| ✅ same test (one load per process) |",
                "| Works across processes (a write in one is seen by the other) | ❌ AP "
                        + "`caffeineDecorator_writeInAnotherProcess_leavesThisProcessStale` |");
        assertThat(md).contains("has the others (Hibernate L2 NONSTRICT_READ_WRITE, MyBatis memcached adapter)");
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
        String html = HtmlReport.render(results(run()));
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
        return (ObjectNode) ResultsJson.MAPPER.readTree(RUN.toFile());
    }

    private static Results results(JsonNode json) throws Exception {
        return ResultsJson.MAPPER.treeToValue(json, Results.class);
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
        return row(json, workload, db, impl, cache).path("mean").asDouble();
    }

    /** The standard row (standard size, one thread) of a workload × stack. */
    private static JsonNode row(JsonNode json, String workload, String db, String impl, String cache) {
        List<JsonNode> rows = rows(json, m -> workload.equals(m.path("workload").asText()) && db.equals(m.path("db").asText())
                && impl.equals(m.path("impl").asText()) && cache.equals(m.path("cache").asText())
                && m.path("threads").asInt(1) == 1);
        assertThat(rows).as("%s %s/%s on %s in the run", workload, impl, cache, db).hasSize(1);
        return rows.get(0);
    }

    private static String version(JsonNode json, String spec) {
        for (JsonNode db : json.path("databases")) {
            if (spec.equals(db.path("spec").asText())) {
                return db.path("version").asText();
            }
        }
        throw new AssertionError(spec + " is not among the run's databases");
    }

    private static Results.Measurement find(Results r, String db) {
        return Answers.find(r, Workload.POINT_BY_ID, db, "JDBC", "NONE").orElseThrow();
    }

    private static String titleOf(Element text) {
        NodeList titles = text.getElementsByTagName("title");
        return titles.getLength() == 0 ? "" : titles.item(0).getTextContent();
    }
}
