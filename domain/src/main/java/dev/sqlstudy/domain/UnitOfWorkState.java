package dev.sqlstudy.domain;

/**
 * The life of one {@link HostTransaction}, the same in every implementation: open until commit or
 * rollback, after which every operation is refused. A technology whose transaction cannot go on
 * after a failed statement (Hibernate marks it rollback-only) records the failure with
 * {@link #failed}; from then on the unit may only be rolled back.
 */
public final class UnitOfWorkState {

    private boolean finished;
    private String failedAction;

    /** Refuses any call once the unit is committed or rolled back. */
    public void checkOpen() {
        if (finished) {
            throw new IllegalStateException("this unit of work is already committed or rolled back");
        }
    }

    /** {@link #checkOpen()}, and refuses work and commit after a failure that doomed the transaction. */
    public void checkUsable() {
        checkOpen();
        if (failedAction != null) {
            throw new IllegalStateException("this unit of work can only be rolled back: '" + failedAction
                    + "' failed and the transaction is marked rollback-only");
        }
    }

    /** Records the first failure that doomed the transaction. */
    public void failed(String action) {
        if (failedAction == null) {
            failedAction = action;
        }
    }

    public boolean isFinished() {
        return finished;
    }

    /** Marks the unit committed or rolled back. */
    public void finish() {
        finished = true;
    }
}
