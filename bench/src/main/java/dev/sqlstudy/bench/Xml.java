package dev.sqlstudy.bench;

/** Escaping for the markup {@link HtmlReport} and {@link SvgCharts} write. */
final class Xml {

    private Xml() {
    }

    /** {@code s} as text or as an attribute value: {@code < > & "} escaped; null is the empty string. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
