package dev.sqlstudy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which databases {@code study bench} measures for the {@code --db} options given (the
 * measurement itself is the bench module's {@code BenchRunnerTest}).
 */
class BenchCommandTest {

    private static final String MARIADB = "jdbc:mysql://127.0.0.1:3306/sqlstudy_bench";

    @Test
    void databases_quickWithoutDb_isH2Alone() {
        assertThat(BenchCommand.databases(List.of(), true)).containsExactly("h2");
    }

    @Test
    void databases_quickWithServers_isH2ThenEachServerOnce() {
        assertThat(BenchCommand.databases(List.of(MARIADB, "container:mysql", MARIADB), true))
                .containsExactly("h2", MARIADB, "container:mysql");
    }

    @Test
    void databases_fullRunWithServers_leavesH2Out() {
        assertThat(BenchCommand.databases(List.of("container:mariadb", "container:mysql"), false))
                .as("two forks per trial: an H2 matrix beside two servers would double the run")
                .containsExactly("container:mariadb", "container:mysql");
    }

    @Test
    void databases_fullRunAskingForH2_measuresItFirst() {
        assertThat(BenchCommand.databases(List.of(MARIADB, "H2"), false)).containsExactly("h2", MARIADB);
    }

    @Test
    void databases_fullRunWithoutDb_isH2() {
        assertThat(BenchCommand.databases(List.of(), false)).containsExactly("h2");
    }
}
