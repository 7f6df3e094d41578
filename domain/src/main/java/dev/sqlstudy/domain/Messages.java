package dev.sqlstudy.domain;

/** Keeps error messages on one line whatever the user typed. */
final class Messages {

    private static final int MAX_SHOWN = 80;

    private Messages() {
    }

    /** Quotes a value for a message, escaping control characters and cutting very long input. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder("'");
        value.codePoints().limit(MAX_SHOWN).forEach(cp -> {
            if (Character.getType(cp) == Character.CONTROL) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        if (value.codePointCount(0, value.length()) > MAX_SHOWN) {
            out.append('…');
        }
        return out.append('\'').toString();
    }
}
