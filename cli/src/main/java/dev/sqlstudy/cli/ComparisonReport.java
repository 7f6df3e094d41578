package dev.sqlstudy.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sqlstudy.cache.CacheKind;
import dev.sqlstudy.stack.Impl;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What {@code compare} prints from the outcomes of one comparison: the table (the rows, the
 * baseline's answer and the differences, each stack's SQL one under the other), the step-by-step
 * walk of {@code compare demo}, or the one JSON document cli/README.md documents.
 */
record ComparisonReport(String command, String database, List<String> notes, List<Comparison.Outcome> outcomes,
                        boolean writes, int warmRuns) {

    /** Differences of one answer listed below the table before "… and N more". */
    private static final int DIFFERENCES_SHOWN = 5;

    /** Lines of an answer's table shown before "…" (a 1,000-row import); JSON has the whole answer. */
    private static final int ANSWER_LINES_SHOWN = 20;

    /** Parameters of one statement shown in the table's SQL section before "…" (JSON has them all). */
    private static final int PARAMETERS_SHOWN = 100;

    /** Raw JDBC's stack (the first with jdbc), the one every answer is compared with; else the first stack. */
    Comparison.Outcome baseline() {
        return outcomes.stream().filter(o -> o.impl() == Impl.JDBC).findFirst().orElse(outcomes.get(0));
    }

    boolean hasJdbc() {
        return baseline().impl() == Impl.JDBC;
    }

    int worstExit() {
        return outcomes.stream().mapToInt(Comparison.Outcome::exit).max().orElse(ExitCode.OK);
    }

    boolean anyCache() {
        return outcomes.stream().anyMatch(o -> o.cache() != CacheKind.NONE);
    }

    // ---- JSON ----

    ObjectNode json() {
        ObjectNode document = Views.object();
        document.put("command", command);
        document.put("database", database);
        document.put("writes", writes);
        Comparison.Outcome baseline = baseline();
        ObjectNode base = document.putObject("baseline");
        base.put("impl", baseline.impl().toString());
        base.put("cache", baseline.cache().toString());
        ArrayNode stacks = document.putArray("stacks");
        for (Comparison.Outcome outcome : outcomes) {
            stacks.add(json(outcome, baseline));
        }
        ArrayNode noteArray = document.putArray("notes");
        notes.forEach(noteArray::add);
        return document;
    }

    private ObjectNode json(Comparison.Outcome outcome, Comparison.Outcome baseline) {
        ObjectNode node = Views.object();
        node.put("impl", outcome.impl().toString());
        node.put("cache", outcome.cache().toString());
        if (outcome.steps() == null) {
            node.set("result", outcome.result() == null ? Views.nullable(null) : outcome.result().json());
        }
        if (hasJdbc()) {
            node.put("same_as_jdbc", outcome.sameAs(baseline));
        } else {
            node.putNull("same_as_jdbc");
        }
        if (outcome.failure() != null) {
            node.put("exit", outcome.exit());
            node.put("error", outcome.error());
        }
        node.put("statements", outcome.statements());
        if (outcome.steps() == null) {
            ArrayNode sql = node.putArray("sql");
            outcome.events().stream().filter(e -> e.startsWith("sql: ")).forEach(e -> sql.add(e.substring(5)));
            ArrayNode cacheEvents = node.putArray("cache_events");
            outcome.events().stream().filter(e -> e.startsWith("cache: ")).forEach(e -> cacheEvents.add(e.substring(7)));
        }
        node.put("commits", outcome.commits());
        node.put("rollbacks", outcome.rollbacks());
        node.put("round_trips", outcome.roundTrips());
        node.put("cache_hits", outcome.cacheStats().hits());
        node.put("cache_misses", outcome.cacheStats().misses());
        if (outcome.steps() == null) {
            if (outcome.warm() == null) {
                node.putNull("warm");
            } else {
                ObjectNode warm = node.putObject("warm");
                warm.put("runs", outcome.warm().runs());
                warm.put("statements", outcome.warm().statements());
                warm.put("commits", outcome.warm().commits());
                warm.put("rollbacks", outcome.warm().rollbacks());
                warm.put("cache_hits", outcome.warm().cache().hits());
                warm.put("cache_misses", outcome.warm().cache().misses());
            }
        }
        node.put("median_ms", outcome.millis());
        if (outcome.steps() != null) {
            ArrayNode steps = node.putArray("steps");
            for (int i = 0; i < outcome.steps().size(); i++) {
                DemoCommand.Step step = outcome.steps().get(i);
                ObjectNode stepNode = step.json();
                boolean same = i < baseline.steps().size()
                        && baseline.steps().get(i).result().json().equals(step.result().json());
                ObjectNode ordered = Views.object();
                stepNode.fields().forEachRemaining(field -> {
                    ordered.set(field.getKey(), field.getValue());
                    if (field.getKey().equals("result")) {
                        if (hasJdbc()) {
                            ordered.put("same_as_jdbc", same);
                        } else {
                            ordered.putNull("same_as_jdbc");
                        }
                    }
                });
                steps.add(ordered);
            }
        }
        return node;
    }

    // ---- table ----

    String table() {
        StringBuilder out = new StringBuilder();
        out.append("compare: ").append(command).append('\n');
        out.append("database: ").append(database).append('\n');
        out.append(writes
                ? "a write: each stack runs it once, right after the database is reset to the sample data\n"
                : "a read: each stack runs it once cold (its cache emptied), then " + warmRuns
                        + (warmRuns == 1 ? " time" : " times") + " warm\n");
        notes.forEach(note -> out.append("note: ").append(note).append('\n'));
        out.append('\n');
        out.append(rows());
        out.append(legend());
        out.append('\n');
        out.append(answers());
        out.append('\n');
        out.append("SQL of the first run, stack by stack:\n");
        int marks = markWidth(outcomes.stream().map(Comparison.Outcome::events).toList());
        for (Comparison.Outcome outcome : outcomes) {
            out.append(sqlBlock(outcome.label(), outcome.events(), width(), marks));
        }
        return out.toString();
    }

    private int width() {
        return outcomes.stream().mapToInt(o -> o.label().length()).max().orElse(0);
    }

    private String rows() {
        boolean cached = anyCache();
        List<String> headers = new ArrayList<>(List.of("stack", "answer", "statements", "commits", "rollbacks", "round trips"));
        if (cached) {
            headers.add("cache hit/miss");
        }
        if (!writes) {
            headers.add("warm statements");
            if (cached) {
                headers.add("warm hit/miss");
            }
            headers.add("median ms");
        } else {
            headers.add("ms");
        }
        TextTable table = new TextTable(headers.toArray(String[]::new));
        int[] numeric = new int[headers.size() - 2];
        for (int i = 0; i < numeric.length; i++) {
            numeric[i] = i + 2;
        }
        table.numeric(numeric);
        Comparison.Outcome baseline = baseline();
        for (Comparison.Outcome outcome : outcomes) {
            List<Object> cells = new ArrayList<>(List.of(outcome.label(), answer(outcome, baseline),
                    outcome.statements(), outcome.commits(), outcome.rollbacks(), outcome.roundTrips()));
            if (cached) {
                cells.add(outcome.cacheStats().hits() + "/" + outcome.cacheStats().misses());
            }
            if (!writes) {
                cells.add(outcome.warm() == null ? "-" : outcome.warm().statements());
                if (cached) {
                    cells.add(outcome.warm() == null ? "-" : outcome.warm().cache().hits() + "/" + outcome.warm().cache().misses());
                }
            }
            cells.add(String.format(Locale.ROOT, "%.3f", outcome.millis()));
            table.row(cells.toArray());
        }
        return table.render();
    }

    private String legend() {
        String legend = "round trips = statements + commits + rollbacks";
        if (!writes) {
            legend += "; warm: the " + warmRuns + " warm " + (warmRuns == 1 ? "run" : "runs")
                    + " together; median ms: the median of " + (warmRuns == 1 ? "that run" : "those runs");
        }
        return legend + "\n";
    }

    private String answer(Comparison.Outcome outcome, Comparison.Outcome baseline) {
        String exit = outcome.failure() == null ? "" : "exit " + outcome.exit() + " " + meaning(outcome.exit());
        if (outcome == baseline) {
            return exit.isEmpty() ? "baseline" : "baseline: " + exit;
        }
        String same = outcome.sameAs(baseline) ? "same" : "DIFFERS";
        return exit.isEmpty() ? same : same + ": " + exit;
    }

    private String answers() {
        StringBuilder out = new StringBuilder();
        Comparison.Outcome baseline = baseline();
        boolean allSame = outcomes.stream().allMatch(o -> o.sameAs(baseline));
        String base = baseline.label() + (hasJdbc() ? "" : " (no jdbc stack: compared with the first)");
        if (baseline.failure() == null) {
            out.append("answer of ").append(base).append(allSame && outcomes.size() > 1 ? ", the same on every stack" : "")
                    .append(":\n");
            indent(out, shortened(baseline.result().table()));
        } else {
            out.append(base).append(" failed").append(allSame && outcomes.size() > 1 ? ", as did every stack" : "")
                    .append(":\n");
        }
        List<Comparison.Outcome> failed = outcomes.stream().filter(o -> o.failure() != null).toList();
        boolean oneError = failed.size() == outcomes.size() && outcomes.size() > 1
                && failed.stream().map(o -> o.exit() + " " + o.error()).distinct().count() == 1;
        if (oneError) {
            out.append("  every stack: ").append(errorLine(failed.get(0))).append('\n');
        } else {
            for (Comparison.Outcome outcome : failed) {
                out.append("  ").append(pad(outcome.label(), width())).append("  ").append(errorLine(outcome)).append('\n');
            }
        }
        for (Comparison.Outcome outcome : outcomes) {
            if (outcome == baseline || outcome.sameAs(baseline) || outcome.failure() != null) {
                continue;
            }
            out.append(outcome.label()).append(" DIFFERS from ").append(baseline.label()).append(":\n");
            if (baseline.failure() != null) {
                indent(out, shortened(outcome.result().table()));
            } else {
                JsonDiff.describe(baseline.result().json(), outcome.result().json(), DIFFERENCES_SHOWN)
                        .forEach(line -> out.append("  ").append(line).append('\n'));
            }
        }
        return out.toString();
    }

    // ---- demo ----

    String demoTable() {
        StringBuilder out = new StringBuilder();
        Comparison.Outcome baseline = baseline();
        out.append("compare demo: the tutorial on ")
                .append(outcomes.stream().map(Comparison.Outcome::label).collect(Collectors.joining(", "))).append('\n');
        out.append("database: ").append(database).append('\n');
        out.append("Each stack walks every step from the sample data (the database is reset before each walk).\n");
        out.append("Each step shows ").append(baseline.label()).append("'s answer and every stack's SQL, one under the "
                + "other;\n'!' marks a step where the stacks sent different numbers of statements or answered differently.\n");
        notes.forEach(note -> out.append("note: ").append(note).append('\n'));
        int width = width();
        int stepCount = outcomes.stream().mapToInt(o -> o.steps().size()).max().orElse(0);
        List<String> flagged = new ArrayList<>();
        for (int i = 0; i < stepCount; i++) {
            int index = i;
            DemoCommand.Step shown = outcomes.stream().filter(o -> index < o.steps().size())
                    .map(o -> o.steps().get(index)).findFirst().orElseThrow();
            DemoCommand.Step base = i < baseline.steps().size() ? baseline.steps().get(i) : null;
            List<Long> counts = outcomes.stream()
                    .map(o -> index < o.steps().size() ? o.steps().get(index).statements() : -1L).toList();
            boolean countsDiffer = counts.stream().distinct().count() > 1;
            List<String> answerDiffers = outcomes.stream()
                    .filter(o -> base == null || index >= o.steps().size()
                            || !o.steps().get(index).result().json().equals(base.result().json()))
                    .map(Comparison.Outcome::label).toList();
            boolean flag = countsDiffer || !answerDiffers.isEmpty();
            out.append('\n').append(shown.number()).append(". ").append(flag ? "! " : "").append(shown.title()).append('\n');
            out.append("   tutorial: ").append(shown.tutorial()).append('\n');
            out.append("   command:  ./study ").append(shown.command()).append('\n');
            out.append('\n');
            DemoCommand.Step answerStep = base != null ? base : shown;
            answerStep.result().table().lines().forEach(line -> out.append("   ").append(line).append('\n'));
            out.append('\n');
            boolean cached = anyCache();
            String perStack = outcomes.stream().map(o -> o.label() + " " + (index >= o.steps().size() ? "-"
                            : o.steps().get(index).statements() + (cached ? " (cache hit/miss "
                                    + o.steps().get(index).cacheHits() + "/" + o.steps().get(index).cacheMisses() + ")" : "")))
                    .collect(Collectors.joining(", "));
            out.append(countsDiffer ? "   ! statements differ: " : "   statements: ").append(perStack).append('\n');
            if (!answerDiffers.isEmpty()) {
                out.append("   ! answer differs from ").append(baseline.label()).append("'s on ")
                        .append(String.join(", ", answerDiffers)).append('\n');
            }
            int marks = markWidth(outcomes.stream().filter(o -> index < o.steps().size())
                    .map(o -> o.steps().get(index).events()).toList());
            for (Comparison.Outcome outcome : outcomes) {
                if (index < outcome.steps().size()) {
                    out.append(indent(sqlBlock(outcome.label(), outcome.steps().get(index).events(), width, marks), "  "));
                } else {
                    out.append("     ").append(pad(outcome.label(), width)).append("  (did not get here)\n");
                }
            }
            if (countsDiffer) {
                flagged.add(shown.number() + " (" + shown.command() + ": " + perStack + ")");
            }
        }
        out.append('\n');
        out.append("Done: ").append(stepCount).append(" steps on ").append(outcomes.size()).append(" stacks.\n");
        out.append('\n');
        TextTable table = new TextTable("stack", "answers", "statements", "commits", "rollbacks", "round trips", "ms")
                .numeric(2, 3, 4, 5, 6);
        for (Comparison.Outcome outcome : outcomes) {
            String answers;
            if (outcome.failure() != null) {
                answers = "exit " + outcome.exit() + " " + meaning(outcome.exit()) + " at step " + (outcome.steps().size() + 1);
            } else if (outcome == baseline) {
                answers = "baseline";
            } else {
                List<Integer> differing = outcome.stepsDiffering(baseline);
                answers = differing.isEmpty() ? "same at every step"
                        : "DIFFER at step" + (differing.size() == 1 ? " " : "s ")
                                + differing.stream().map(String::valueOf).collect(Collectors.joining(", "));
            }
            table.row(outcome.label(), answers, outcome.statements(), outcome.commits(), outcome.rollbacks(),
                    outcome.roundTrips(), String.format(Locale.ROOT, "%.3f", outcome.millis()));
        }
        out.append(table.render());
        out.append("round trips = statements + commits + rollbacks; ms: one walk\n");
        for (Comparison.Outcome outcome : outcomes) {
            if (outcome.failure() != null) {
                out.append(outcome.label()).append(' ').append(errorLine(outcome)).append('\n');
            }
        }
        if (!flagged.isEmpty()) {
            out.append("Steps where the statement counts differ: ").append(String.join("; ", flagged)).append('\n');
        }
        return out.toString();
    }

    private static String errorLine(Comparison.Outcome outcome) {
        return "error (exit " + outcome.exit() + ", " + meaning(outcome.exit()) + "): " + outcome.error();
    }

    /** What an exit code means, in the words of cli/README.md. */
    static String meaning(int exit) {
        return switch (exit) {
            case ExitCode.OK -> "ok";
            case ExitCode.NOT_FOUND -> "not found";
            case ExitCode.USAGE -> "invalid input";
            case ExitCode.DUPLICATE -> "duplicate";
            case ExitCode.UNAVAILABLE -> "database unavailable";
            default -> "unexpected failure";
        };
    }

    /**
     * One stack's SQL and cache events: the label once, then a line each, marked with the
     * statement's number (a run of three or more of the same SQL once, with how many) or
     * {@code cache}. Labels and marks are padded to the widths given, so every stack's SQL starts
     * in the same column and the texts of one step read one under the other.
     */
    static String sqlBlock(String label, List<String> events, int labelWidth, int markWidth) {
        StringBuilder out = new StringBuilder();
        String first = "  " + pad(label, labelWidth) + "  ";
        String next = " ".repeat(first.length());
        List<String[]> lines = marked(events);
        if (lines.isEmpty()) {
            return first + "(no SQL)\n";
        }
        for (int i = 0; i < lines.size(); i++) {
            out.append(i == 0 ? first : next).append(pad(lines.get(i)[0], markWidth)).append("  ")
                    .append(lines.get(i)[1]).append('\n');
        }
        return out.toString();
    }

    /** The widest mark {@link #sqlBlock} will print for any of these stacks' events. */
    static int markWidth(List<List<String>> eventLists) {
        return eventLists.stream().flatMap(events -> marked(events).stream()).mapToInt(line -> line[0].length())
                .max().orElse(1);
    }

    /** {mark, text} per line: {@code 1}, {@code 2-1000} (the same SQL a thousand times) or {@code cache}. */
    private static List<String[]> marked(List<String> events) {
        List<String[]> lines = new ArrayList<>();
        int statement = 0;
        for (int i = 0; i < events.size(); ) {
            String event = events.get(i);
            if (event.startsWith("sql: ")) {
                String sql = event.substring(5);
                int same = 1;
                while (i + same < events.size() && events.get(i + same).startsWith("sql: ")
                        && sqlText(events.get(i + same).substring(5)).equals(sqlText(sql))) {
                    same++;
                }
                if (same >= 3) {
                    lines.add(new String[] {(statement + 1) + "-" + (statement + same),
                            shorten(sql) + "   (the same SQL " + same + " times, one statement each; the first shown)"});
                    statement += same;
                    i += same;
                } else {
                    statement++;
                    lines.add(new String[] {String.valueOf(statement), shorten(sql)});
                    i++;
                }
            } else if (event.startsWith("cache: ")) {
                lines.add(new String[] {"cache", event.substring(7)});
                i++;
            } else {
                i++;
            }
        }
        return lines;
    }

    /** A statement's SQL without its {@code -- parameters} comment. */
    private static String sqlText(String described) {
        int comment = described.indexOf(" -- ");
        return comment < 0 ? described : described.substring(0, comment);
    }

    /** The SQL whole; its parameters cut after {@value #PARAMETERS_SHOWN} characters (a batch of 1,000 rows). */
    private static String shorten(String described) {
        String sql = sqlText(described);
        if (sql.length() == described.length()) {
            return described;
        }
        String parameters = described.substring(sql.length());
        return parameters.length() <= PARAMETERS_SHOWN + 4 ? described
                : sql + parameters.substring(0, PARAMETERS_SHOWN + 4) + "…";
    }

    /** An answer's table, its middle cut when it is long: the header, the first rows, "… N more lines", the last line. */
    private static String shortened(String table) {
        List<String> lines = table.lines().toList();
        if (lines.size() <= ANSWER_LINES_SHOWN + 2) {
            return table;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, ANSWER_LINES_SHOWN));
        kept.add("… " + (lines.size() - ANSWER_LINES_SHOWN - 1) + " more lines (--format json has the whole answer)");
        kept.add(lines.get(lines.size() - 1));
        return String.join("\n", kept) + "\n";
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - TextTable.width(text)));
    }

    private static void indent(StringBuilder out, String text) {
        text.lines().forEach(line -> out.append("  ").append(line).append('\n'));
    }

    private static String indent(String text, String by) {
        return text.lines().map(line -> by + line).collect(Collectors.joining("\n", "", "\n"));
    }
}
