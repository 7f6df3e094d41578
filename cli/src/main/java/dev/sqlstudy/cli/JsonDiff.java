package dev.sqlstudy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where two answers differ, as short paths a reader can check against the tables:
 * {@code [0].port: 22 -> 2222}, {@code length: 3 -> 2}. {@code compare} prints it when a stack's
 * answer is not raw JDBC's.
 */
final class JsonDiff {

    private JsonDiff() {
    }

    /** At most {@code limit} differences, then a last line saying how many more there are. */
    static List<String> describe(JsonNode expected, JsonNode actual, int limit) {
        List<String> all = new ArrayList<>();
        walk("", expected, actual, all);
        if (all.size() <= limit) {
            return all;
        }
        List<String> shown = new ArrayList<>(all.subList(0, limit));
        shown.add("… and " + (all.size() - limit) + " more");
        return shown;
    }

    private static void walk(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected.equals(actual)) {
            return;
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                out.add(at(path, "length") + expected.size() + " -> " + actual.size());
            }
            for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
                walk(path + "[" + i + "]", expected.get(i), actual.get(i), out);
            }
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            Set<String> fields = new LinkedHashSet<>();
            expected.fieldNames().forEachRemaining(fields::add);
            Iterator<String> more = actual.fieldNames();
            more.forEachRemaining(fields::add);
            for (String field : fields) {
                String child = path.isEmpty() ? field : path + "." + field;
                JsonNode e = expected.get(field);
                JsonNode a = actual.get(field);
                if (e == null || a == null) {
                    out.add(child + ": " + (e == null ? "(none)" : e.toString()) + " -> " + (a == null ? "(none)" : a.toString()));
                } else {
                    walk(child, e, a, out);
                }
            }
            return;
        }
        out.add((path.isEmpty() ? "answer" : path) + ": " + expected + " -> " + actual);
    }

    private static String at(String path, String what) {
        return (path.isEmpty() ? what : path + " " + what) + ": ";
    }
}
