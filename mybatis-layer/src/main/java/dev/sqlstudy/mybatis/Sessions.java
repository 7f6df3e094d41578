package dev.sqlstudy.mybatis;

import dev.sqlstudy.db.errors.SqlErrors;
import dev.sqlstudy.domain.StudyException;
import dev.sqlstudy.domain.UnitOfWorkState;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Which {@link SqlSession} an operation runs in: one opened for the call (the repositories), or
 * the one a unit of work holds (the transaction). The same operation code runs in either, as
 * raw JDBC's {@code Connections} does. MyBatis and driver errors leave here as domain exceptions.
 *
 * <p>Costs below are as measured by the statement counter (statements / commits / rollbacks).
 */
abstract class Sessions {

    /** A read, or a write that is one statement: needs no transaction of its own. */
    abstract <T> T single(String action, Map<String, ?> known, Function<SqlSession, T> work);

    /** Several statements on a SIMPLE executor that take effect together or not at all. */
    abstract <T> T atomic(String action, Map<String, ?> known, Function<SqlSession, T> work);

    /**
     * Statements queued on a BATCH executor, all or nothing. {@code work} must call
     * {@link SqlSession#flushStatements()}: that is when the batch is sent and keys come back.
     */
    abstract <T> T batch(String action, Map<String, ?> known, Function<SqlSession, T> work);

    /** A session from the factory per call. */
    static Sessions perCall(SqlSessionFactory factory) {
        return new Sessions() {
            @Override
            <T> T single(String action, Map<String, ?> known, Function<SqlSession, T> work) {
                // openSession(true) is an auto-commit session: the statement is the only round trip
                // (1 / 0 / 0). openSession() would switch auto-commit off before the statement and on
                // again when the session closes: three round trips for a read on MariaDB.
                try (SqlSession session = factory.openSession(true)) {
                    return work.apply(session);
                } catch (PersistenceException e) {
                    throw MyBatisErrors.translate(action, e, known);
                }
            }

            @Override
            <T> T atomic(String action, Map<String, ?> known, Function<SqlSession, T> work) {
                return inTransaction(() -> factory.openSession(false), action, known, work);
            }

            @Override
            <T> T batch(String action, Map<String, ?> known, Function<SqlSession, T> work) {
                // The executor type is fixed when the session opens; a BATCH executor queues each
                // insert with addBatch and sends the queue as one JDBC batch on flushStatements().
                return inTransaction(() -> factory.openSession(ExecutorType.BATCH, false), action, known, work);
            }
        };
    }

    /**
     * The session of an open unit of work: it commits or rolls back as a whole, so operations here
     * never commit; a multi-statement operation is made all-or-nothing by a savepoint instead. A
     * statement that fails here makes the unit rollback-only ({@code state}), as in raw JDBC's
     * unit; an error of the operation's own (a host not found) leaves it usable.
     */
    static Sessions ofUnit(SqlSession unit, SqlSessionFactory factory, UnitOfWorkState state) {
        return new Sessions() {
            @Override
            <T> T single(String action, Map<String, ?> known, Function<SqlSession, T> work) {
                state.checkUsable();
                return failingTheUnit(action, known, () -> work.apply(unit));
            }

            @Override
            <T> T atomic(String action, Map<String, ?> known, Function<SqlSession, T> work) {
                state.checkUsable();
                return failingTheUnit(action, known, () -> withSavepoint(() -> work.apply(unit)));
            }

            @Override
            <T> T batch(String action, Map<String, ?> known, Function<SqlSession, T> work) {
                state.checkUsable();
                // The unit's session has a SIMPLE executor and a session cannot change it. So the
                // batch runs in a second, BATCH session opened on the unit's own connection, which
                // it joins (JoiningTransactionFactory): closing it neither commits nor releases the
                // connection. The savepoint makes a failed batch leave none of its rows in the unit
                // even before the rollback the failure leaves the unit to.
                return failingTheUnit(action, known, () -> withSavepoint(() -> {
                    try (SqlSession batch = factory.openSession(ExecutorType.BATCH, unit.getConnection())) {
                        return work.apply(batch);
                    }
                }));
            }

            /** Translates MyBatis's and the driver's errors, and marks the unit when one was thrown. */
            private <T> T failingTheUnit(String action, Map<String, ?> known, SqlSupplier<T> work) {
                try {
                    return work.get();
                } catch (SQLException e) {
                    throw state.failed(action, SqlErrors.translate(action, e, known));
                } catch (PersistenceException e) {
                    throw state.failed(action, MyBatisErrors.translate(action, e, known));
                } catch (StudyException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // Not the database's error and not ours: a bug, whose statements may be half done.
                    throw state.failed(action, e);
                }
            }

            private <T> T withSavepoint(Supplier<T> work) throws SQLException {
                Connection connection = unit.getConnection();
                Savepoint savepoint = connection.setSavepoint();
                try {
                    T result = work.get();
                    connection.releaseSavepoint(savepoint);
                    return result;
                } catch (RuntimeException e) {
                    // When the database has already rolled the whole transaction back (a
                    // deadlock), the savepoint is gone too: keep the real error, not that one.
                    try {
                        connection.rollback(savepoint);
                    } catch (SQLException rollbackFailure) {
                        e.addSuppressed(rollbackFailure);
                    }
                    throw e;
                }
            }
        };
    }

    /** Work that may fail with the driver's checked exception. */
    @FunctionalInterface
    private interface SqlSupplier<T> {
        T get() throws SQLException;
    }

    /**
     * Runs {@code work} in a session with auto-commit off and commits it: n statements, 1 commit.
     * On any failure the session is rolled back explicitly (n / 0 / 1) — closing it would not be
     * enough: MyBatis then switches auto-commit back on, which by JDBC's rules commits what is open.
     */
    private static <T> T inTransaction(Supplier<SqlSession> open, String action, Map<String, ?> known,
                                       Function<SqlSession, T> work) {
        try (SqlSession session = open.get()) {
            try {
                T result = work.apply(session);
                // force = true: MyBatis commits only when its session thinks it is "dirty"; forcing
                // it states the intent and never depends on that bookkeeping.
                session.commit(true);
                return result;
            } catch (RuntimeException e) {
                try {
                    session.rollback(true);
                } catch (RuntimeException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
        } catch (PersistenceException e) {
            throw MyBatisErrors.translate(action, e, known);
        }
    }
}
