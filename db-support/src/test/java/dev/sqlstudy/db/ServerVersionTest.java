package dev.sqlstudy.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What each server reports through MySQL's driver, and the name the study shows for it. */
class ServerVersionTest {

    @Test
    void parse_mySql_isMySqlWithItsRelease() {
        ServerVersion server = ServerVersion.parse("MySQL", "9.7.4-2");

        assertThat(server).hasToString("MySQL 9.7.4");
        assertThat(server.isMariaDb()).isFalse();
    }

    @Test
    void parse_mariaDbCallingItselfMySql_isNamedMariaDbWithItsRealRelease() {
        ServerVersion server = ServerVersion.parse("MySQL", "5.5.5-10.11.19-MariaDB-0+deb12u1");

        assertThat(server).hasToString("MariaDB 10.11.19");
        assertThat(server.isMariaDb()).isTrue();
        assertThat(server.full()).as("what the server said is kept").isEqualTo("5.5.5-10.11.19-MariaDB-0+deb12u1");
    }

    @Test
    void read_onH2_isH2WithItsRelease() throws Exception {
        try (Database database = Database.open(DatabaseConfig.h2InMemory("server-version"))) {
            assertThat(database.server().toString()).matches("H2 2\\.\\d+\\.\\d+");
        }
    }
}
