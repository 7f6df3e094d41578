package dev.sqlstudy.bench;

import static dev.sqlstudy.bench.Xml.esc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The charts of {@code report.html}, drawn as inline SVG (no script, nothing fetched): the answers'
 * bar charts, a bar chart per workload, the heat map of ratios against raw JDBC, the log-log line
 * charts of how costs grow, and the axes they share. Every bar, cell and point carries a
 * {@code <title>} (the browser's tooltip).
 * {@link HtmlReport} places them on the page.
 */
final class SvgCharts {

    private static final String[] PALETTE = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948",
            "#b07aa1", "#ff9da7", "#9c755f"};

    private SvgCharts() {
    }

    /**
     * Horizontal bars of the mean with its error whisker, and a tick at p99; a logarithmic axis
     * when the means differ by more than 30×.
     */
    static String bars(List<Results.Measurement> rows, Function<Results.Measurement, String> label) {
        int labelW = Math.max(190, textWidth(rows.stream().map(label).toList()) + 12);
        int plotW = 640;
        int rowH = 22;
        int top = 8;
        int height = top + rows.size() * rowH + 34;
        double min = rows.stream().mapToDouble(Results.Measurement::mean).min().orElse(1);
        double max = rows.stream().mapToDouble(m -> Math.max(m.p99(), m.mean() + Measurements.orZero(m.error()))).max().orElse(1);
        boolean log = max / Math.max(min, 1e-9) > 30;
        Axis axis = log ? Axis.log(min, max) : Axis.linear(max);
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(labelW + plotW + 150).append("\" height=\"")
                .append(height).append("\" font-size=\"12\" font-family=\"system-ui,sans-serif\" role=\"img\">\n");
        for (double tick : axis.ticks()) {
            double x = labelW + axis.position(tick) * plotW;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e3e3e3\"/>", x, top, x,
                    top + rows.size() * rowH));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#666\">%s</text>%n", x,
                    top + rows.size() * rowH + 14, tick == 0 ? "0" : esc(Units.time(tick))));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#666\">mean time per operation%s — bar: mean, whisker: ±error, ◆: p99</text>%n",
                labelW, height - 4, log ? " (log scale)" : ""));
        int i = 0;
        for (Results.Measurement m : rows) {
            double y = top + i * rowH;
            String color = PALETTE[i % PALETTE.length];
            double w = Math.max(1, axis.position(m.mean()) * plotW);
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", labelW - 6, y + 15,
                    esc(label.apply(m))));
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>",
                    labelW, y + 3, w, rowH - 6, color, esc(label.apply(m) + ": mean " + Report.meanWithError(m) + ", p99 "
                            + Units.time(m.p99()) + (m.ratioVsJdbc() == null ? "" : ", " + Units.ratio(m.ratioVsJdbc()) + " jdbc/none"))));
            double err = Measurements.orZero(m.error());
            if (err > 0) {
                double x1 = labelW + axis.position(Math.max(axis.min(), m.mean() - err)) * plotW;
                double x2 = labelW + axis.position(m.mean() + err) * plotW;
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#222\"/>", x1,
                        y + rowH / 2.0, x2, y + rowH / 2.0));
            }
            double p99 = labelW + axis.position(m.p99()) * plotW;
            s.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1f l4 4 l-4 4 l-4 -4 z\" fill=\"#222\"/>", p99, y + rowH / 2.0 - 4));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\">%s</text>%n", labelW + plotW + 8, y + 15,
                    esc(Units.time(m.mean()) + (m.ratioVsJdbc() == null ? "" : "  " + Units.ratio(m.ratioVsJdbc())))));
            i++;
        }
        s.append("</svg>\n");
        return s.toString();
    }

    /**
     * One bar of an answer chart.
     *
     * @param label   the row's label, left of the bar
     * @param ns      the mean, nanoseconds (the bar's length)
     * @param text    what is written right of the bar
     * @param tooltip the bar's {@code <title>}
     * @param color   an index into the palette
     */
    record Bar(String label, double ns, String text, String tooltip, int color) {
    }

    /** Roughly the width of a character at 12 px in a sans-serif font, generous so no label is clipped. */
    static final double CHAR_W = 7.2;

    /**
     * Horizontal bars on a logarithmic time axis, the label column and the figures column as wide
     * as their longest text, a {@code <title>} on every bar and label. Empty when there is no bar.
     */
    static String answerBars(List<Bar> bars, String axisTitle) {
        if (bars.isEmpty()) {
            return "";
        }
        int labelW = textWidth(bars.stream().map(Bar::label).toList()) + 12;
        int textW = textWidth(bars.stream().map(Bar::text).toList()) + 16;
        int plotW = 560;
        int rowH = 22;
        int top = 8;
        int plotH = bars.size() * rowH;
        int height = top + plotH + 36;
        double min = bars.stream().mapToDouble(Bar::ns).min().orElse(1);
        double max = bars.stream().mapToDouble(Bar::ns).max().orElse(1);
        Axis axis = Axis.log(Math.max(min, 1e-3), Math.max(max, min * 10));
        int width = Math.max(labelW + plotW + textW, textWidth(List.of(axisTitle)) + labelW + 10);
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" font-size=\"12\" font-family=\"system-ui,sans-serif\" role=\"img\">\n");
        for (double tick : axis.ticks()) {
            double x = labelW + axis.position(tick) * plotW;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e3e3e3\"/>", x, top, x,
                    top + plotH));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#666\">%s</text>%n", x,
                    top + plotH + 14, esc(Units.time(tick))));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#666\">%s</text>%n", labelW, height - 4,
                esc(axisTitle)));
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double y = top + i * rowH;
            String title = "<title>" + esc(b.tooltip()) + "</title>";
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s%s</text>", labelW - 6, y + 15,
                    title, esc(b.label())));
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\">%s</rect>",
                    labelW, y + 3, Math.max(1, axis.position(b.ns()) * plotW), rowH - 6,
                    PALETTE[Math.floorMod(b.color(), PALETTE.length)], title));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\">%s%s</text>%n", labelW + plotW + 8, y + 15, title,
                    esc(b.text())));
        }
        s.append("</svg>\n");
        return s.toString();
    }

    /**
     * One line of a line chart: its points left to right, its name (the line's own tooltip) and its
     * legend entry.
     *
     * @param color  an index into the palette
     * @param dashed drawn dashed, its points hollow (the variant beside a workload: N+1, one by one)
     */
    record Line(String name, String legend, List<Point> points, int color, boolean dashed) {
    }

    /** A point of a {@link Line}, with its {@code <title>}. */
    record Point(double x, double y, String tooltip) {
    }

    /**
     * Lines with a mark and a {@code <title>} on every point, on logarithmic axes both ways: x ticks at
     * {@code xTicks}, y ticks at every power of ten the points span; a legend right of the plot.
     * Lines of fewer than two points are not drawn; empty when none is left.
     */
    static String logLogLines(List<Line> lines, List<Double> xTicks, Function<Double, String> xLabel,
                              Function<Double, String> yLabel, String axisTitle) {
        List<Line> drawn = lines.stream().filter(l -> l.points().size() >= 2).toList();
        if (drawn.isEmpty() || xTicks.isEmpty()) {
            return "";
        }
        List<Double> ys = drawn.stream().flatMap(l -> l.points().stream()).map(Point::y).filter(y -> y > 0).toList();
        double low = Math.pow(10, Math.floor(Math.log10(ys.stream().mapToDouble(Double::doubleValue).min().orElse(1))));
        double high = Math.pow(10, Math.ceil(Math.log10(ys.stream().mapToDouble(Double::doubleValue).max().orElse(10))));
        Axis y = new Axis(true, low, high > low ? high : low * 10);
        double xMin = xTicks.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double xMax = xTicks.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        // A twentieth of the span either side, so the first and the last points are off the frame.
        double pad = Math.max(Math.log10(xMax) - Math.log10(xMin), 1) / 20;
        Axis x = new Axis(true, Math.pow(10, Math.log10(xMin) - pad), Math.pow(10, Math.log10(xMax) + pad));

        List<String> yLabels = y.ticks().stream().map(yLabel).toList();
        int left = textWidth(yLabels) + 14;
        int plotW = 480;
        int plotH = 240;
        int top = 12;
        int legendX = left + plotW + 20;
        int legendW = 28 + textWidth(drawn.stream().map(Line::legend).toList()) + 8;
        int height = Math.max(top + plotH + 42, top + drawn.size() * 18 + 8);
        int width = Math.max(legendX + legendW, left + textWidth(List.of(axisTitle)) + 10);
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-size=\"12\" font-family=\"system-ui,sans-serif\" role=\"img\">\n");
        s.append(String.format(Locale.ROOT, "<path d=\"M%d %dh%dv%dh%dz\" fill=\"none\" stroke=\"#bbb\"/>%n", left, top, plotW,
                plotH, -plotW));
        for (double tick : y.ticks()) {
            double py = top + (1 - y.position(tick)) * plotH;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e3e3e3\"/>", left, py,
                    left + plotW, py));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#666\">%s</text>%n", left - 6,
                    py + 4, esc(yLabel.apply(tick))));
        }
        for (double tick : xTicks) {
            double px = left + x.position(tick) * plotW;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e3e3e3\"/>", px, top, px,
                    top + plotH));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#666\">%s</text>%n", px,
                    top + plotH + 15, esc(xLabel.apply(tick))));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#666\">%s</text>%n", left, top + plotH + 34,
                esc(axisTitle)));
        for (int i = 0; i < drawn.size(); i++) {
            Line line = drawn.get(i);
            String color = PALETTE[Math.floorMod(line.color(), PALETTE.length)];
            String dash = line.dashed() ? " stroke-dasharray=\"6 4\"" : "";
            StringBuilder points = new StringBuilder();
            StringBuilder marks = new StringBuilder();
            for (Point p : line.points()) {
                double px = left + x.position(p.x()) * plotW;
                double py = top + (1 - y.position(p.y())) * plotH;
                points.append(String.format(Locale.ROOT, "%s%.1f,%.1f", points.isEmpty() ? "" : " ", px, py));
                marks.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\" stroke=\"%s\" "
                        + "stroke-width=\"1.5\"><title>%s</title></circle>", px, py, line.dashed() ? "#fff" : color, color,
                        esc(p.tooltip())));
            }
            s.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s>"
                    + "<title>%s</title></polyline>", points, color, dash, esc(line.name())));
            s.append(marks).append('\n');
            int ly = top + i * 18;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>"
                    + "<circle cx=\"%d\" cy=\"%d\" r=\"3.5\" fill=\"%s\" stroke=\"%s\" stroke-width=\"1.5\"><title>%s</title></circle>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", legendX, ly + 8, legendX + 20, ly + 8, color, dash, legendX + 10,
                    ly + 8, line.dashed() ? "#fff" : color, color, esc(line.name()), legendX + 26, ly + 12, esc(line.legend())));
        }
        s.append("</svg>\n");
        return s.toString();
    }

    /** A tick's time without trailing zeros: {@code 1 µs}, {@code 10 µs}, {@code 100 µs}, {@code 1.5 ms}. */
    static String tickTime(double ns) {
        return Units.time(ns).replaceFirst("\\.0+ ", " ").replaceFirst("(\\.[0-9]*[1-9])0+ ", "$1 ");
    }

    /** The width, in pixels, of the longest of these texts at 12 px. */
    static int textWidth(List<String> texts) {
        return (int) Math.ceil(texts.stream().mapToInt(String::length).max().orElse(0) * CHAR_W);
    }

    /** Stacks × workloads, each cell the ratio against jdbc/none, coloured on a log scale. */
    static String heatmap(List<Results.Measurement> onDb) {
        List<Results.Measurement> standard = standardRows(onDb);
        return grid(standard, m -> m.ratioVsJdbc() == null ? null
                : new Cell(Units.ratio(m.ratioVsJdbc()), ratioColor(m.ratioVsJdbc())));
    }

    /**
     * Stacks × workloads, each cell the bytes allocated per operation, coloured by its ratio to what
     * raw JDBC without cache allocates on the same workload (a cache hit that allocates nothing is
     * the greenest).
     */
    static String allocationMap(List<Results.Measurement> onDb) {
        List<Results.Measurement> standard = standardRows(onDb);
        return grid(standard, m -> {
            if (m.bytesPerOp() == null) {
                return null;
            }
            Double reference = standard.stream().filter(r -> r.workload().equals(m.workload())
                            && Measurements.JDBC.equals(r.impl()) && Measurements.NONE.equals(r.cache()))
                    .map(Results.Measurement::bytesPerOp).filter(b -> b != null && b > 0).findFirst().orElse(null);
            String color = reference == null ? "#ffffff" : ratioColor(Math.max(m.bytesPerOp(), 1) / reference);
            return new Cell(Report.bytes(m), color);
        });
    }

    /**
     * The rows of the standard matrix, one per stack and workload: a sized workload at its standard
     * size (or without a size, as a results.json before the sweeps has it), on one thread. The
     * sweeps' other sizes and thread counts are drawn in "How costs grow".
     */
    static List<Results.Measurement> standardRows(List<Results.Measurement> rows) {
        return rows.stream().filter(m -> m.threads() == 1 && (m.size() == null || Workload.ofBenchmark("." + m.workload())
                .map(w -> m.size().equals(w.standardSize)).orElse(true))).toList();
    }

    /** What a grid cell shows: its text and its fill. */
    private record Cell(String text, String color) {
    }

    private static String grid(List<Results.Measurement> onDb, Function<Results.Measurement, Cell> cellOf) {
        List<String> stacks = onDb.stream().map(Results.Measurement::stack).distinct().toList();
        List<String> workloads = onDb.stream().map(Results.Measurement::workload).distinct().toList();
        int labelW = Math.max(160, (int) Math.ceil(stacks.stream().mapToInt(String::length).max().orElse(0) * CHAR_W * 11 / 12) + 12);
        int cellW = 74;
        int cellH = 24;
        int headH = 110;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(labelW + workloads.size() * cellW + 110)
                .append("\" height=\"").append(headH + stacks.size() * cellH + 10)
                .append("\" font-size=\"11\" font-family=\"system-ui,sans-serif\" role=\"img\">\n");
        for (int c = 0; c < workloads.size(); c++) {
            String name = workloads.get(c).substring(workloads.get(c).indexOf('.') + 1);
            double x = labelW + c * cellW + cellW / 2.0;
            s.append(String.format(Locale.ROOT, "<text transform=\"translate(%.1f,%d) rotate(-40)\">%s</text>%n", x, headH - 6, esc(name)));
        }
        for (int row = 0; row < stacks.size(); row++) {
            int y = headH + row * cellH;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", labelW - 6, y + 16,
                    esc(stacks.get(row))));
            for (int c = 0; c < workloads.size(); c++) {
                String stack = stacks.get(row);
                String workload = workloads.get(c);
                Results.Measurement m = onDb.stream().filter(x -> x.stack().equals(stack) && x.workload().equals(workload))
                        .findFirst().orElse(null);
                Cell cell = m == null ? null : cellOf.apply(m);
                int x = labelW + c * cellW;
                if (cell == null) {
                    s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f2f2f2\" stroke=\"#fff\"><title>%s</title></rect>",
                            x, y, cellW, cellH, esc(stack + " · " + workload + (m == null ? ": not measured" : ": no figure"))));
                    s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#aaa\">%s</text>%n",
                            x + cellW / 2.0, y + 16, m == null ? "—" : "n/a"));
                    continue;
                }
                s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"#fff\"><title>%s</title></rect>",
                        x, y, cellW, cellH, cell.color(), esc(stack + " · " + workload + ": " + cell.text())));
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x + cellW / 2.0,
                        y + 16, esc(cell.text())));
            }
        }
        s.append("</svg>\n");
        return s.toString();
    }

    /** Green below 1×, white at 1×, red above, saturating at 100× either way. */
    static String ratioColor(double ratio) {
        double t = Math.max(-1, Math.min(1, Math.log10(Math.max(ratio, 1e-9)) / 2));
        int r;
        int g;
        int b;
        if (t < 0) {
            r = (int) Math.round(255 - 150 * -t);
            g = (int) Math.round(255 - 40 * -t);
            b = (int) Math.round(255 - 150 * -t);
        } else {
            r = (int) Math.round(255 - 20 * t);
            g = (int) Math.round(255 - 150 * t);
            b = (int) Math.round(255 - 150 * t);
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    /** A value axis from 0 (linear) or from a power of ten (log) to the maximum, mapped to 0..1. */
    record Axis(boolean log, double min, double max) {

        static Axis linear(double max) {
            return new Axis(false, 0, niceCeil(max));
        }

        static Axis log(double min, double max) {
            // Half a decade of room below the smallest mean, so its bar still shows.
            return new Axis(true, Math.pow(10, Math.floor(Math.log10(min * 0.5))), Math.pow(10, Math.ceil(Math.log10(max))));
        }

        double position(double value) {
            if (log) {
                double v = Math.max(value, min);
                return (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
            }
            return max <= 0 ? 0 : Math.max(0, value) / max;
        }

        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            if (log) {
                for (double t = min; t <= max * 1.0001; t *= 10) {
                    ticks.add(t);
                }
            } else {
                for (int i = 0; i <= 4; i++) {
                    ticks.add(max * i / 4);
                }
            }
            return ticks;
        }

        private static double niceCeil(double v) {
            if (v <= 0) {
                return 1;
            }
            double p = Math.pow(10, Math.floor(Math.log10(v)));
            for (double f : new double[] {1, 2, 2.5, 5, 10}) {
                if (f * p >= v) {
                    return f * p;
                }
            }
            return 10 * p;
        }
    }
}
