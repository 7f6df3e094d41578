package dev.sqlstudy.hibernate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;

/**
 * Recognises MariaDB behind MySQL's driver. Hibernate tells MariaDB from MySQL by the product name
 * or the MariaDB driver; through Connector/J a MariaDB server says product "MySQL", version
 * {@code 5.5.5-10.11.x-MariaDB} (the 5.5.5 prefix is for old MySQL clients), and Hibernate would
 * pick the MySQL dialect for a MySQL 5.5.5 that it no longer supports. This resolver runs before
 * Hibernate's own (which handles H2 and MySQL) and picks the MariaDB dialect for the real version.
 * Public because Hibernate instantiates it by class name ({@code hibernate.dialect_resolvers}).
 */
public final class MariaDbDialectResolver implements DialectResolver {

    private static final Pattern MARIADB_VERSION = Pattern.compile("(?:5\\.5\\.5-)?(\\d+)\\.(\\d+)\\.(\\d+)-MariaDB.*");

    @Override
    public Dialect resolveDialect(DialectResolutionInfo info) {
        String version = info.getDatabaseVersion();
        if (version == null) {
            return null;
        }
        Matcher matcher = MARIADB_VERSION.matcher(version);
        if (!matcher.matches()) {
            return null;
        }
        return new MariaDBDialect(DatabaseVersion.make(Integer.parseInt(matcher.group(1)),
                Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3))));
    }
}
