package dev.sqlstudy.domain;

/**
 * The life of one {@link HostTransaction}, the same in every implementation: open until commit or
 * rollback, after which every operation is refused; and rollback-only from the first statement
 * that failed in the database (see {@link HostTransaction} for what counts), after which work and
 * commit are refused and only a rollback is left. Each implementation reports such a failure with
 * {@link #failed} where it catches its technology's exception, before translating it.
 */
public final class UnitOfWorkState {

    private boolean finished;
    private String failedAction;
    private RuntimeException failure;

    /** Refuses any call once the unit is committed or rolled back. */
    public void checkOpen() {
        if (finished) {
            throw new IllegalStateException("this unit of work is already committed or rolled back");
        }
    }

    /**
     * {@link #checkOpen()}, and refuses work and commit once a statement of the unit has failed,
     * naming that failure (which is also the exception's cause).
     */
    public void checkUsable() {
        checkOpen();
        if (failure != null) {
            throw new IllegalStateException("this unit of work is rollback-only: an earlier statement failed ("
                    + failedAction + ": " + failure.getClass().getSimpleName() + ": " + failure.getMessage()
                    + "); it can only be rolled back", failure);
        }
    }

    /**
     * Records that {@code action}'s statement failed with {@code failure}; the first failure is the
     * one kept and named. Returns {@code failure}, for {@code throw state.failed(action, e)}.
     */
    public <E extends RuntimeException> E failed(String action, E failure) {
        if (this.failure == null) {
            this.failedAction = action;
            this.failure = failure;
        }
        return failure;
    }

    /** True once a statement of the unit has failed: only {@code rollback()} is left. */
    public boolean isRollbackOnly() {
        return failure != null;
    }

    public boolean isFinished() {
        return finished;
    }

    /** Marks the unit committed or rolled back. */
    public void finish() {
        finished = true;
    }
}
