package dev.sqlstudy.jdbc;

import dev.sqlstudy.db.errors.SqlErrors;
import dev.sqlstudy.domain.StudyException;
import dev.sqlstudy.domain.UnitOfWorkState;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Where an operation's connection comes from: a pooled one per call (the repository), or the
 * one a unit of work holds (the transaction). The same operation code runs over either.
 */
abstract class Connections {

    /**
     * Runs {@code work}; {@code atomic} work that sends several statements must see all of them
     * commit or none. SQL errors are translated into the domain's exceptions.
     */
    abstract <T> T call(String action, Map<String, ?> known, boolean atomic, SqlWork<T> work);

    /** A connection from the pool per call, in auto-commit: a single read is one round trip. */
    static Connections pooled(DataSource dataSource) {
        return new Connections() {
            @Override
            <T> T call(String action, Map<String, ?> known, boolean atomic, SqlWork<T> work) {
                try (Connection connection = dataSource.getConnection()) {
                    if (!atomic) {
                        return work.run(connection);
                    }
                    // No need to restore auto-commit afterwards: HikariCP resets it on return.
                    connection.setAutoCommit(false);
                    try {
                        T result = work.run(connection);
                        connection.commit();
                        return result;
                    } catch (SQLException | RuntimeException e) {
                        rollbackKeeping(e, connection::rollback);
                        throw e;
                    }
                } catch (SQLException e) {
                    throw SqlErrors.translate(action, e, known);
                }
            }
        };
    }

    /**
     * The connection of an open unit of work; it commits or rolls back as a whole. A statement that
     * fails here makes the unit rollback-only ({@code state}), although MySQL and H2 would let the
     * transaction go on: a unit whose earlier writes could be committed without the one that failed
     * is what JPA and SQLAlchemy refuse, and so do we. An error of the operation's own (a host not
     * found, after a statement that ran well) leaves the unit usable.
     */
    static Connections of(Connection connection, UnitOfWorkState state) {
        return new Connections() {
            @Override
            <T> T call(String action, Map<String, ?> known, boolean atomic, SqlWork<T> work) {
                state.checkUsable();
                try {
                    if (!atomic) {
                        return work.run(connection);
                    }
                    // Inside a unit of work, a failed batch must not leave half its rows in the
                    // unit either: a savepoint makes the operation all-or-nothing on its own,
                    // before the rollback the failure leaves the unit to.
                    Savepoint savepoint = connection.setSavepoint();
                    try {
                        T result = work.run(connection);
                        connection.releaseSavepoint(savepoint);
                        return result;
                    } catch (SQLException | RuntimeException e) {
                        // After a deadlock the database has rolled the whole transaction back and
                        // the savepoint is gone: the caller must see the deadlock, not that.
                        rollbackKeeping(e, () -> connection.rollback(savepoint));
                        throw e;
                    }
                } catch (SQLException e) {
                    throw state.failed(action, SqlErrors.translate(action, e, known));
                } catch (StudyException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // Not the database's error and not ours: a bug, whose statements may be half done.
                    throw state.failed(action, e);
                }
            }
        };
    }

    /** What a rollback runs; it may fail on a broken connection. */
    @FunctionalInterface
    private interface Rollback {
        void run() throws SQLException;
    }

    /** Rolls back; if that fails too, the original failure stays the one thrown, this one suppressed. */
    private static void rollbackKeeping(Exception failure, Rollback rollback) {
        try {
            rollback.run();
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }
}
