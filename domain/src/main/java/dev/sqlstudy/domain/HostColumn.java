package dev.sqlstudy.domain;

/**
 * The columns a host list may be ordered by. Implementations map each constant to a fixed piece of
 * SQL (or a JPQL path): the order-by clause is never built from user text.
 */
public enum HostColumn {
    ID("id"),
    HOSTNAME("hostname"),
    IP_ADDR("ip_addr"),
    PORT("port");

    private final String column;

    HostColumn(String column) {
        this.column = column;
    }

    /** The column's name in the schema. */
    public String column() {
        return column;
    }

    @Override
    public String toString() {
        return column;
    }
}
