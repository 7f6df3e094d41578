package dev.sqlstudy.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.junit.jupiter.api.Test;

/** What the MySQL driver reports for each server, and the dialect that follows. */
class MariaDbDialectResolverTest {

    private final MariaDbDialectResolver resolver = new MariaDbDialectResolver();

    @Test
    void mariaDbThroughTheMySqlDriver_getsTheMariaDbDialectForItsRealVersion() {
        Dialect dialect = resolver.resolveDialect(serverSaying("MySQL", "5.5.5-10.11.14-MariaDB-0+deb12u1"));
        assertThat(dialect).isInstanceOf(MariaDBDialect.class);
        assertThat(dialect.getVersion().getDatabaseMajorVersion()).isEqualTo(10);
        assertThat(dialect.getVersion().getDatabaseMinorVersion()).isEqualTo(11);
    }

    @Test
    void mariaDbWithoutThePrefix_getsTheMariaDbDialect() {
        assertThat(resolver.resolveDialect(serverSaying("MariaDB", "11.4.2-MariaDB"))).isInstanceOf(MariaDBDialect.class);
    }

    @Test
    void mySqlAndH2_areLeftToHibernatesOwnResolution() {
        assertThat(resolver.resolveDialect(serverSaying("MySQL", "8.4.3"))).isNull();
        assertThat(resolver.resolveDialect(serverSaying("H2", "2.5.252 (2025-01-01)"))).isNull();
    }

    private static DialectResolutionInfo serverSaying(String product, String version) {
        return new DialectResolutionInfo() {
            @Override
            public String getDatabaseName() {
                return product;
            }

            @Override
            public String getDatabaseVersion() {
                return version;
            }

            @Override
            public int getDatabaseMajorVersion() {
                return Integer.parseInt(version.split("\\.")[0]);
            }

            @Override
            public int getDatabaseMinorVersion() {
                return Integer.parseInt(version.split("\\.")[1]);
            }

            @Override
            public String getDriverName() {
                return "MySQL Connector/J";
            }

            @Override
            public int getDriverMajorVersion() {
                return 9;
            }

            @Override
            public int getDriverMinorVersion() {
                return 7;
            }

            @Override
            public String getSQLKeywords() {
                return "";
            }
        };
    }
}
