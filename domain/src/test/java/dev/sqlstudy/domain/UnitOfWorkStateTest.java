package dev.sqlstudy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The life of a unit of work that every implementation shares: open, rollback-only, finished. */
class UnitOfWorkStateTest {

    private final UnitOfWorkState state = new UnitOfWorkState();

    @Test
    void newUnit_isOpenAndUsable() {
        assertThatCode(state::checkUsable).doesNotThrowAnyException();
        assertThat(state.isRollbackOnly()).isFalse();
    }

    @Test
    void checkUsable_afterAFailedStatement_refusesNamingTheActionAndTheFailure() {
        DuplicateException duplicate = new DuplicateException("hostname", "ubuntu", null);
        state.failed("add host", duplicate);

        assertThatThrownBy(state::checkUsable)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("this unit of work is rollback-only: an earlier statement failed (add host: "
                        + "DuplicateException: duplicate hostname 'ubuntu': another host already has it); "
                        + "it can only be rolled back")
                .hasCause(duplicate);
        assertThat(state.isRollbackOnly()).isTrue();
    }

    @Test
    void checkOpen_afterAFailedStatement_stillLetsTheRollbackThrough() {
        state.failed("add host", new DuplicateException("hostname", "ubuntu", null));
        assertThatCode(state::checkOpen).doesNotThrowAnyException();
    }

    @Test
    void failed_twice_keepsTheFirstFailure() {
        state.failed("add hosts", new DuplicateException("ip_addr", "127.0.0.1", null));
        state.failed("count hosts", new PersistenceException("count hosts failed", null));
        assertThatThrownBy(state::checkUsable).hasMessageContaining("(add hosts: DuplicateException: duplicate ip_addr");
    }

    @Test
    void failed_returnsTheFailure_forThrowingIt() {
        PersistenceException failure = new PersistenceException("boom", null);
        assertThat(state.failed("x", failure)).isSameAs(failure);
    }

    @Test
    void finishedUnit_refusesEverything() {
        state.finish();
        assertThatThrownBy(state::checkOpen).isInstanceOf(IllegalStateException.class)
                .hasMessage("this unit of work is already committed or rolled back");
        assertThatThrownBy(state::checkUsable).hasMessage("this unit of work is already committed or rolled back");
    }
}
