package dev.sqlstudy.mybatis;

import dev.sqlstudy.domain.HostTransaction;
import dev.sqlstudy.domain.UnitOfWorkState;
import java.util.Map;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * A unit of work over one {@link SqlSession} with auto-commit off, the tutorial's {@code session}
 * almost literally: its operations share the session's connection and commit or roll back together.
 * After a failed statement only the rollback is left (see {@link Sessions#ofUnit}).
 */
final class MyBatisHostTransaction extends MyBatisHosts implements HostTransaction {

    private final SqlSession session;
    private final UnitOfWorkState state;

    private MyBatisHostTransaction(SqlSession session, SqlSessionFactory factory, UnitOfWorkState state) {
        super(Sessions.ofUnit(session, factory, state));
        this.session = session;
        this.state = state;
    }

    MyBatisHostTransaction(SqlSession session, SqlSessionFactory factory) {
        this(session, factory, new UnitOfWorkState());
    }

    /**
     * force = true: MyBatis commits only if its session saw a write, and an {@code addAll} in this
     * unit writes through a second (batch) session that this one never sees.
     */
    @Override
    public void commit() {
        state.checkUsable();
        try {
            session.commit(true);
        } catch (PersistenceException e) {
            throw MyBatisErrors.translate("commit", e, Map.of());
        } finally {
            finish();
        }
    }

    /** force = true, for the same reason as {@link #commit()}: the rollback must always reach the database. */
    @Override
    public void rollback() {
        state.checkOpen();
        try {
            session.rollback(true);
        } catch (PersistenceException e) {
            throw MyBatisErrors.translate("rollback", e, Map.of());
        } finally {
            finish();
        }
    }

    @Override
    public void close() {
        if (!state.isFinished()) {
            rollback();
        }
    }

    /** Closing the session returns its connection to the pool, auto-commit back on. */
    private void finish() {
        state.finish();
        session.close();
    }
}
