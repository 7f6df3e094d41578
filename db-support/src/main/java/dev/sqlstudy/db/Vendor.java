package dev.sqlstudy.db;

import java.util.Locale;

/** The SQL dialects the schema is written for. MariaDB speaks the MySQL protocol and dialect. */
public enum Vendor {
    H2("h2"),
    MYSQL("mysql");

    private final String folder;

    Vendor(String folder) {
        this.folder = folder;
    }

    /** The vendor of a JDBC URL. */
    public static Vendor of(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
            return MYSQL;
        }
        throw new IllegalArgumentException("unsupported JDBC URL (use jdbc:h2:… or jdbc:mysql://…): " + jdbcUrl);
    }

    /** Flyway locations: this vendor's DDL, then the vendor-neutral sample data. */
    String[] migrationLocations() {
        return new String[] {"classpath:db/migration/" + folder, "classpath:db/migration/common"};
    }

    /** The script that empties every table and restarts the ids. */
    String resetScript() {
        return "db/reset/" + folder + ".sql";
    }

    @Override
    public String toString() {
        return this == H2 ? "H2" : "MySQL";
    }
}
