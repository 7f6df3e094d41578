package dev.sqlstudy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The charts of "How costs grow" (made-up figures: this checks the drawing, not a measurement): a
 * log-log line per stack and variant of each sized family measured at two sizes or more, the
 * throughput against the threads with p99 in the tooltips and the cores and pool size in the
 * caption, and nothing at all for what a run did not sweep. A whole page is left in
 * {@code target/scaling-charts-test.html} for a look in a browser.
 */
class ScalingChartsTest {

    private static final Results.DatabaseInfo H2 = new Results.DatabaseInfo("mem", "H2 in-memory", "H2 2.5", true, null, 10);
    private static final Results.DatabaseInfo MARIADB = new Results.DatabaseInfo("jdbc:mysql://127.0.0.1:3306/sqlstudy_bench",
            "MariaDB", "MySQL 5.5.5-10.11.19-MariaDB", true, null, 16);

    @Test
    void scalingChart_twoSizesOrMore_drawsALogLogLinePerStack() throws Exception {
        List<Results.Measurement> ms = new ArrayList<>();
        for (int size : Workload.IN_LIST_16.sizes()) {
            ms.add(m(Workload.IN_LIST_16, H2, "JDBC", "NONE", size, 1, 10_000 + 100.0 * size));
            ms.add(m(Workload.IN_LIST_16, H2, "MYBATIS", "NONE", size, 1, 20_000 + 200.0 * size));
            ms.add(m(Workload.IN_LIST_16_NAIVE, H2, "JDBC", "NONE", size, 1, 5_000.0 * size));
        }

        Document doc = parse(Scaling.html(results(ms)));

        List<Element> svgs = elements(doc, "svg");
        assertThat(svgs).as("one chart: one family on one database").hasSize(1);
        Element svg = svgs.get(0);
        assertThat(texts(svg)).as("a tick at every size, the decades of the means as times")
                .contains("1", "16", "256", "1 µs", "10 µs", "100 µs", "1 ms", "10 ms");
        assertThat(elements(svg, "polyline")).extracting(ScalingChartsTest::titleOf)
                .containsExactly("jdbc/none", "jdbc/none N+1", "mybatis/none");
        assertThat(elements(svg, "polyline").get(1).getAttribute("stroke-dasharray")).as("the N+1 variant").isNotEmpty();
        assertThat(pointTitles(svg)).hasSize(9).contains(
                "jdbc/none, 1 host name: mean 10.1 µs ± 1.01 µs",
                "jdbc/none N+1, 256 host names: mean 1.28 ms ± 128 µs",
                "mybatis/none, 16 host names: mean 23.2 µs ± 2.32 µs");
        assertThat(texts(svg)).as("the legend states the cost per extra unit, the slope of the table")
                .contains("jdbc/none: +100 ns per host name", "jdbc/none N+1: +5.00 µs per host name");
        assertThat(doc.getDocumentElement().getTextContent())
                .contains("IN list of N host names: one statement against N look-ups — H2 in-memory", "Per extra host name");
    }

    @Test
    void scalingChart_chartAboveItsTable_perFamilyAndDatabase() {
        List<Results.Measurement> ms = new ArrayList<>();
        for (Results.DatabaseInfo db : List.of(H2, MARIADB)) {
            for (int size : Workload.BATCH_INSERT.sizes()) {
                ms.add(m(Workload.BATCH_INSERT, db, "JDBC", "NONE", size, 1, 1_000 + 500.0 * size));
                ms.add(m(Workload.SINGLE_INSERTS, db, "JDBC", "NONE", size, 1, 1_000 + 5_000.0 * size));
            }
        }

        String html = Scaling.html(results(List.of(H2, MARIADB), ms));

        assertThat(html.split("<svg", -1)).as("one chart per database").hasSize(3);
        assertThat(html.indexOf("<svg")).isLessThan(html.indexOf("<table"));
        assertThat(html).contains("N hosts inserted: one batch against one add each (one transaction) — MariaDB",
                "<title>jdbc/none one by one</title>", "jdbc/none batch, 10,000 rows: mean", ">10,000</text>");
    }

    @Test
    void scalingChart_oneSizeOnly_noChartAndNoSection() {
        List<Results.Measurement> standard = List.of(
                m(Workload.IN_LIST_16, H2, "JDBC", "NONE", 16, 1, 10_000),
                m(Workload.PARENT_WITH_100_CHILDREN, H2, "JDBC", "NONE", 100, 1, 50_000));

        assertThat(Scaling.html(results(standard))).isEmpty();
        assertThat(HtmlReport.render(results(standard))).doesNotContain("How costs grow", "id=\"scaling\"");
    }

    @Test
    void scalingChart_aStackAtOneSize_isNotALine() {
        List<Results.Measurement> ms = new ArrayList<>();
        for (int size : Workload.PARENT_WITH_100_CHILDREN.sizes()) {
            ms.add(m(Workload.PARENT_WITH_100_CHILDREN, H2, "JDBC", "NONE", size, 1, 10_000 + 50.0 * size));
        }
        ms.add(m(Workload.PARENT_WITH_100_CHILDREN, H2, "HIBERNATE", "NONE", 100, 1, 80_000));

        Document doc = parse(Scaling.html(results(ms)));

        assertThat(elements(doc, "polyline")).extracting(ScalingChartsTest::titleOf).containsExactly("jdbc/none");
        assertThat(pointTitles(doc.getDocumentElement())).hasSize(4).noneMatch(t -> t.startsWith("hibernate"));
    }

    @Test
    void threadsChart_oneTwoFourEightThreads_drawsThroughputPerStackWithP99AndTheCaption() {
        List<Results.Measurement> ms = new ArrayList<>();
        for (int threads : Workload.THREAD_COUNTS) {
            ms.add(m(Workload.POINT_BY_ID_THREADS, H2, "JDBC", "NONE", null, threads, 20_000.0 * threads / Math.min(threads, 2)));
            ms.add(m(Workload.POINT_BY_ID_THREADS, H2, "JDBC", "CAFFEINE", null, threads, 100));
        }

        Document doc = parse(Scaling.html(results(ms)));

        assertThat(elements(doc, "figcaption")).extracting(Element::getTextContent)
                .containsExactly("Point look-up by id, every thread at once — H2 in-memory: throughput on 2 cores, "
                        + "a pool of 10 connections");
        Element svg = elements(doc, "svg").get(0);
        assertThat(elements(svg, "polyline")).extracting(ScalingChartsTest::titleOf).containsExactly("jdbc/none", "jdbc/caffeine");
        assertThat(texts(svg)).contains("1", "2", "4", "8", "10,000", "100,000", "1,000,000", "100,000,000",
                "jdbc/none: 2.00× the 1-thread ops/s at 8 threads", "jdbc/caffeine: 8.00× the 1-thread ops/s at 8 threads");
        assertThat(pointTitles(svg)).hasSize(8).contains(
                "jdbc/none, 1 thread: 50,000 ops/s, mean 20.0 µs, p99 60.0 µs",
                "jdbc/caffeine, 8 threads: 80,000,000 ops/s, mean 100 ns, p99 300 ns");
    }

    @Test
    void threadsChart_noPoolSizeRecorded_saysSo() {
        Results.DatabaseInfo noPool = new Results.DatabaseInfo("mem", "H2 in-memory", "H2 2.5", true, null, null);
        List<Results.Measurement> ms = Arrays.stream(Workload.THREAD_COUNTS)
                .mapToObj(t -> m(Workload.POINT_BY_ID_THREADS, noPool, "JDBC", "NONE", null, t, 20_000)).toList();

        assertThat(Scaling.html(results(List.of(noPool), ms))).contains("on 2 cores, pool size not recorded");
    }

    @Test
    void heatAndAllocationMaps_sweptWorkload_showTheStandardRow() {
        List<Results.Measurement> ms = new ArrayList<>();
        for (int size : Workload.IN_LIST_16.sizes()) {
            ms.add(m(Workload.IN_LIST_16, H2, "JDBC", "NONE", size, 1, 10_000 + 100.0 * size));
        }
        for (int threads : Workload.THREAD_COUNTS) {
            ms.add(m(Workload.POINT_BY_ID_THREADS, H2, "JDBC", "NONE", null, threads, 20_000.0 * threads));
        }

        String allocation = SvgCharts.allocationMap(ms);

        assertThat(allocation).as("16 names and one thread").contains(">1,160</text>", ">2,000</text>")
                .doesNotContain(">1,010</text>", ">16,000</text>");
        assertThat(SvgCharts.standardRows(ms)).extracting(Results.Measurement::size).containsExactly(16, null);
    }

    @Test
    void families_holdEverySizedWorkload() {
        List<Workload> inFamilies = Scaling.FAMILIES.stream().flatMap(f -> java.util.stream.Stream.of(f.main(), f.variant())).toList();

        assertThat(inFamilies).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Workload.values()).filter(Workload::sized).toList());
    }

    @Test
    void tickTime_decades_readWithoutTrailingZeros() {
        assertThat(List.of(1.0, 10.0, 100.0, 1_000.0, 10_000.0, 1e6, 1.5e6, 1e9)).extracting(SvgCharts::tickTime)
                .containsExactly("1 ns", "10 ns", "100 ns", "1 µs", "10 µs", "1 ms", "1.5 ms", "1 s");
    }

    @Test
    void render_fullRunWithSweeps_everyMarkHasATitleAndNoLabelIsClipped() throws Exception {
        String html = HtmlReport.render(sampleRun());
        Files.writeString(Path.of("target", "scaling-charts-test.html"), html);
        Document doc = parse(html);

        assertThat(elements(doc, "h2")).extracting(h -> h.getAttribute("id")).contains("scaling");
        assertThat(elements(doc, "polyline")).as("4 families × 6 lines + 4 stacks' threads, on each database").hasSize(2 * (24 + 4));
        for (String mark : List.of("rect", "circle")) {
            for (Element e : elements(doc, mark)) {
                assertThat(titleOf(e)).as("a tooltip on every %s", mark).isNotBlank();
            }
        }
        for (Element svg : elements(doc, "svg")) {
            double width = Double.parseDouble(svg.getAttribute("width"));
            for (Element text : elements(svg, "text")) {
                if (!text.getAttribute("transform").isEmpty()) {
                    continue; // the heat maps' column heads, turned up over their column
                }
                String label = text.getTextContent().replace(titleOf(text), "");
                double x = Double.parseDouble(text.getAttribute("x"));
                double w = label.length() * SvgCharts.CHAR_W * 11 / 12;
                switch (text.getAttribute("text-anchor")) {
                    case "end" -> assertThat(x).as("room left of %s", label).isGreaterThanOrEqualTo(w - 1);
                    case "middle" -> assertThat(x).as("room either side of %s", label)
                            .isBetween(w / 2 - 1, width - w / 2 + 1);
                    default -> assertThat(x + w).as("room right of %s", label).isLessThanOrEqualTo(width + 1);
                }
            }
        }
    }

    @Test
    void scalingTable_everyFamily_namesItsWorkloadWithTheSizeAsN() {
        String md = Scaling.markdown(sampleRun());

        assertThat(md).contains("| IN list of N host names | ", "| N+1: N single look-ups | ",
                        "| N+1: parent of N children, child by child | ", "| N single inserts (one transaction) | ")
                .as("the size, not every digit, is N").doesNotContain("N+N");
    }

    // ---- a run with the sweeps, in memory

    /** Both databases, the standard matrix of a few workloads, every sweep and the thread sweep. */
    private static Results sampleRun() {
        List<Results.Measurement> ms = new ArrayList<>();
        String[][] stacks = {{"JDBC", "NONE"}, {"MYBATIS", "NONE"}, {"HIBERNATE", "NONE"}, {"JDBC", "CAFFEINE"},
                {"JDBC", "MEMCACHED"}, {"HIBERNATE", "NATIVE"}};
        double[] factor = {1, 1.3, 2.1, 0.003, 0.4, 0.02};
        for (Results.DatabaseInfo db : List.of(H2, MARIADB)) {
            double base = db == H2 ? 5_000 : 60_000;
            for (int i = 0; i < stacks.length; i++) {
                ms.add(m(Workload.POINT_BY_ID, db, stacks[i][0], stacks[i][1], null, 1, base * factor[i]));
            }
            for (Scaling.Family f : Scaling.FAMILIES) {
                for (int i = 0; i < 3; i++) {
                    for (int size : f.main().sizes()) {
                        ms.add(m(f.main(), db, stacks[i][0], stacks[i][1], size, 1, factor[i] * (base + base / 20 * size)));
                        ms.add(m(f.variant(), db, stacks[i][0], stacks[i][1], size, 1, factor[i] * base * size));
                    }
                }
            }
            for (int t : Workload.THREAD_COUNTS) {
                for (int i : new int[] {0, 3, 4, 5}) {
                    ms.add(m(Workload.POINT_BY_ID_THREADS, db, stacks[i][0], stacks[i][1], null, t,
                            base * factor[i] * Math.max(1, t / 2.0)));
                }
            }
        }
        return results(List.of(H2, MARIADB), ms);
    }

    private static Results results(List<Results.Measurement> ms) {
        return results(List.of(H2), ms);
    }

    private static Results results(List<Results.DatabaseInfo> dbs, List<Results.Measurement> ms) {
        Results.MemcachedInfo memcached = new Results.MemcachedInfo(null, Map.of(), false, "no memcached servers given");
        return new Results(1,
                new Results.Settings("full", "SampleTime", 1, 2, 2, 1000, 3, 1000, null, "./study bench", List.of("gc")),
                new Results.Environment("17", "vm", "os", "cpu", 2, "tsc", 1024, "1.37", "abc", false, "0.1 0.1 0.1",
                        "start", "end", 60, 1.0, 25.0, "2 JMH fork(s)", "max heap 1,024 MB; G1"),
                dbs, memcached, List.of(), ms, List.of(), Goals.evaluate(ms, dbs, memcached));
    }

    /** A measurement with an error of a tenth of the mean, p99 three times it, bytes/op in proportion. */
    private static Results.Measurement m(Workload w, Results.DatabaseInfo db, String impl, String cache, Integer size,
                                         int threads, double mean) {
        int rows = w.rowsPerOp(size);
        return new Results.Measurement(w.id(), w.title(size), w.group.name(), db.spec(), impl, cache,
                impl.toLowerCase() + "/" + cache.toLowerCase(), "SampleTime", 1000, mean, mean / 10, mean * 0.9, mean * 1.2,
                mean * 3, mean * 5, mean * 8, threads * 1e9 / mean, rows, mean / rows, 100L, 1.0, 1.0, null, null, null, null,
                "CAFFEINE".equals(cache) ? 0.0 : mean / 10, 1.0, false, size, threads);
    }

    // ---- reading the markup

    private static Document parse(String markup) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(("<div>" + markup.replace("<!DOCTYPE html>", "") + "</div>")
                            .getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well formed: " + e.getMessage(), e);
        }
    }

    private static List<Element> elements(Document doc, String tag) {
        return elements(doc.getDocumentElement(), tag);
    }

    private static List<Element> elements(Element in, String tag) {
        NodeList nodes = in.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static List<String> texts(Element svg) {
        return elements(svg, "text").stream().map(t -> t.getTextContent().replace(titleOf(t), "")).toList();
    }

    private static List<String> pointTitles(Element svg) {
        return elements(svg, "circle").stream().filter(c -> !"3.5".equals(c.getAttribute("r"))).map(ScalingChartsTest::titleOf)
                .toList();
    }

    private static String titleOf(Element e) {
        NodeList titles = e.getElementsByTagName("title");
        return titles.getLength() == 0 ? "" : titles.item(0).getTextContent();
    }
}
