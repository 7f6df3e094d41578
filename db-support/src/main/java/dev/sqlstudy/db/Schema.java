package dev.sqlstudy.db;

import java.util.Map;

/** Names in the schema the Java code depends on (kept in step with {@code db/migration}). */
public final class Schema {

    /** The unique constraints on {@code hosts}, by the field a duplicate error names. */
    public static final Map<String, String> HOSTS_UNIQUE_CONSTRAINTS = Map.of(
            "uk_hosts_hostname", "hostname",
            "uk_hosts_ip_addr", "ip_addr");

    /** The sample data script, run by Flyway on a fresh database and again by every reset. */
    static final String SAMPLE_DATA_SCRIPT = "db/migration/common/V2__sample_data.sql";

    private Schema() {
    }
}
