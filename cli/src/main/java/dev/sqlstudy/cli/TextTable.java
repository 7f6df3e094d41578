package dev.sqlstudy.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table that lines up in a terminal: a header, a rule, one line per row; numbers
 * right-aligned. Widths count terminal columns, so CJK text and emoji (two columns) and combining
 * marks (none) do not push the columns apart.
 */
final class TextTable {

    private final List<String> headers;
    private final boolean[] numeric;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... headers) {
        this.headers = List.of(headers);
        this.numeric = new boolean[headers.length];
    }

    /** Right-aligns the given columns. */
    TextTable numeric(int... columns) {
        for (int column : columns) {
            numeric[column] = true;
        }
        return this;
    }

    TextTable row(Object... cells) {
        List<String> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            row.add(cell == null ? "NULL" : String.valueOf(cell));
        }
        rows.add(row);
        return this;
    }

    /** The table with a trailing "(N rows)" line, for list answers. */
    String renderList() {
        return render() + "(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)") + "\n";
    }

    /** The table alone, for one-record answers. */
    String render() {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = width(headers.get(c));
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], width(row.get(c)));
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, headers, widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        line(out, rule, widths);
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        return out.toString();
    }

    private void line(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - width(cell));
            if (c > 0) {
                line.append("  ");
            }
            line.append(numeric[c] ? pad + cell : cell + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    /** Terminal columns a string takes: 2 for wide (East Asian, emoji), 0 for combining marks. */
    static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                    || cp == 0xFE0F) {
                continue;
            }
            width += wide(cp) ? 2 : 1;
        }
        return width;
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F)
                || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F)
                || (cp >= 0x1F900 && cp <= 0x1FAFF)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
