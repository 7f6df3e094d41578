package dev.sqlstudy.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which server answered, told honestly. Through MySQL's driver a MariaDB server calls itself
 * product "MySQL", version {@code 5.5.5-10.11.x-MariaDB…} (the prefix is for old MySQL clients);
 * {@code SELECT VERSION()} gives the real version, which names MariaDB.
 *
 * @param product {@code MySQL}, {@code MariaDB} or {@code H2}
 * @param version the release, e.g. {@code 9.7.4}, {@code 10.11.14}
 * @param full    what the server reports, e.g. {@code 10.11.14-MariaDB-0+deb12u1}
 */
public record ServerVersion(String product, String version, String full) {

    private static final Pattern RELEASE = Pattern.compile("(?:5\\.5\\.5-)?(\\d+(?:\\.\\d+)*)");

    /** Asks the server on this connection. */
    public static ServerVersion read(Connection connection) throws SQLException {
        String productName = connection.getMetaData().getDatabaseProductName();
        if (!"MySQL".equalsIgnoreCase(productName) && !"MariaDB".equalsIgnoreCase(productName)) {
            return parse(productName, connection.getMetaData().getDatabaseProductVersion());
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT VERSION()")) {
            rows.next();
            return parse(productName, rows.getString(1));
        }
    }

    /** From a product name and a version string as a driver reports them. */
    public static ServerVersion parse(String productName, String reported) {
        String product = reported.toLowerCase(Locale.ROOT).contains("mariadb") ? "MariaDB" : productName;
        Matcher release = RELEASE.matcher(reported);
        return new ServerVersion(product, release.lookingAt() ? release.group(1) : reported, reported);
    }

    public boolean isMariaDb() {
        return product.equals("MariaDB");
    }

    /** {@code MySQL 9.7.4}, {@code MariaDB 10.11.14}. */
    @Override
    public String toString() {
        return product + " " + version;
    }
}
