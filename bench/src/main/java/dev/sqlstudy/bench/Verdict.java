package dev.sqlstudy.bench;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A goal's verdict. {@code results.json} holds the display text ({@code "met"}, {@code "not met"},
 * {@code "not measured"}), the same strings as before it was an enum: scripts read them.
 */
enum Verdict {
    /** The measured figure is within the target. */
    MET("met", "met"),
    /** The measured figure is outside the target; the goal says what the measurements show. */
    MISSED("not met", "missed"),
    /** A figure the goal needs was not measured; the goal says which. */
    NOT_MEASURED("not measured", "nm");

    private final String text;
    private final String cssClass;

    Verdict(String text, String cssClass) {
        this.text = text;
        this.cssClass = cssClass;
    }

    /** The CSS class of the verdict's cell in {@code report.html}. */
    String cssClass() {
        return cssClass;
    }

    @JsonValue
    @Override
    public String toString() {
        return text;
    }
}
