package dev.sqlstudy.domain;

/** The three joins of {@code parent} and {@code child} the tutorial contrasts. */
public enum JoinKind {
    /** Only parents that have children, with those children. */
    INNER,
    /** Every parent; a childless one once, with no child. */
    LEFT,
    /** Every child; an orphan once, with no parent. */
    RIGHT;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
