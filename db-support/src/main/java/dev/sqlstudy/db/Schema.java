package dev.sqlstudy.db;

/** Names in the schema the Java code depends on (kept in step with {@code db/migration}). */
public final class Schema {

    /** The sample data script, run by Flyway on a fresh database and again by every reset. */
    static final String SAMPLE_DATA_SCRIPT = "db/migration/common/V2__sample_data.sql";

    private Schema() {
    }
}
