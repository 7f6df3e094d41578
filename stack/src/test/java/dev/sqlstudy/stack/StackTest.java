package dev.sqlstudy.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlstudy.domain.DatabaseUnavailableException;
import dev.sqlstudy.domain.Host;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StackTest {

    @ParameterizedTest(name = "impl={0}")
    @EnumSource(Impl.class)
    void open_inMemory_servesTheSampleData(Impl impl) {
        try (Stack stack = Stack.open(DbTarget.parse("mem", null, null), impl)) {
            stack.database().reset();
            assertThat(stack.hosts().findById(1)).contains(new Host(1, "localhost", "127.0.0.1", 22));
        }
    }

    @Test
    void parse_unknownImpl_namesTheChoices() {
        assertThatThrownBy(() -> Impl.parse("jpa"))
                .hasMessageStartingWith("unknown implementation 'jpa' (one of jdbc");
    }

    @Test
    void parse_dbThatIsNeitherAKeywordNorAUrl_isRejected() {
        assertThatThrownBy(() -> DbTarget.parse("postgres", null, null))
                .hasMessageContaining("--db must be h2, mem, container or a JDBC URL");
    }

    @Test
    void open_unreachableServer_failsFastAsUnavailable() {
        DbTarget nowhere = DbTarget.parse("jdbc:mysql://127.0.0.1:1/none", "u", "p");
        assertThatThrownBy(() -> Stack.open(nowhere, Impl.JDBC))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageStartingWith("cannot connect to jdbc:mysql://127.0.0.1:1/none");
    }
}
