package dev.sqlstudy.hibernate;

import dev.sqlstudy.domain.HostTransaction;
import dev.sqlstudy.domain.UnitOfWorkState;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.Transaction;

/**
 * A unit of work with Hibernate: one session and its transaction. Its operations share the
 * session's persistence context, so they see each other's writes; commit flushes what is left
 * (nothing: every write flushes itself) and commits. Once an operation's SQL has failed, Hibernate
 * has marked the transaction rollback-only: the unit then refuses work and commit, and can only be
 * rolled back (see {@link Sessions#of}) — as every implementation's unit does.
 */
final class HibernateHostTransaction extends HibernateHosts implements HostTransaction {

    private final Session session;
    private final Transaction transaction;
    private final UnitOfWorkState state;

    private HibernateHostTransaction(Session session, Transaction transaction, UnitOfWorkState state) {
        super(Sessions.of(session, state));
        this.session = session;
        this.transaction = transaction;
        this.state = state;
    }

    HibernateHostTransaction(Session session, Transaction transaction) {
        this(session, transaction, new UnitOfWorkState());
    }

    @Override
    public void commit() {
        state.checkUsable();
        try {
            transaction.commit();
        } catch (RuntimeException e) {
            throw HibernateErrors.translate("commit", e, Map.of());
        } finally {
            finish();
        }
    }

    @Override
    public void rollback() {
        state.checkOpen();
        try {
            transaction.rollback();
        } catch (RuntimeException e) {
            throw HibernateErrors.translate("rollback", e, Map.of());
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

    private void finish() {
        state.finish();
        try {
            session.close();
        } catch (RuntimeException e) {
            throw HibernateErrors.translate("release session", e, Map.of());
        }
    }
}
