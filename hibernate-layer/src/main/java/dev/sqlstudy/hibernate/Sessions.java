package dev.sqlstudy.hibernate;

import dev.sqlstudy.domain.StudyException;
import dev.sqlstudy.domain.UnitOfWorkState;
import java.util.Map;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

/**
 * Where an operation's {@link Session} comes from: a short one per call (the repositories), or the
 * one a unit of work holds (the transaction). The same operation code runs over either.
 */
abstract class Sessions {

    /** Runs a read. Errors are translated into the domain's exceptions. */
    abstract <T> T read(String action, Function<Session, T> work);

    /**
     * Runs a write, which must flush its own changes before returning, so that a constraint
     * violation surfaces here, at the operation, and not later at commit.
     */
    abstract <T> T write(String action, Map<String, ?> known, Function<Session, T> work);

    /**
     * A session per call on the shared pool, whose connections are in auto-commit.
     *
     * <p>Reads run <b>without</b> a Hibernate transaction: the SELECT runs in the connection's
     * auto-commit, one round trip. Wrapping it in {@code beginTransaction()} would make Hibernate
     * switch auto-commit off and back on around it — on MySQL {@code SET autocommit=0}, the
     * SELECT, {@code COMMIT}, {@code SET autocommit=1}: four round trips for the same row (measured
     * in {@code AutoCommitAndBatchingTest}). A read-only session keeps no snapshots for dirty
     * checking either.
     *
     * <p>Writes run in a transaction: Hibernate's flush may send several statements, and it
     * refuses mutation queries outside one.
     */
    static Sessions perCall(SessionFactory factory) {
        return new Sessions() {
            @Override
            <T> T read(String action, Function<Session, T> work) {
                try (Session session = factory.openSession()) {
                    session.setDefaultReadOnly(true);
                    return work.apply(session);
                } catch (RuntimeException e) {
                    throw HibernateErrors.translate(action, e, Map.of());
                }
            }

            @Override
            <T> T write(String action, Map<String, ?> known, Function<Session, T> work) {
                try (Session session = factory.openSession()) {
                    Transaction transaction = session.beginTransaction();
                    try {
                        T result = work.apply(session);
                        transaction.commit();
                        return result;
                    } catch (RuntimeException e) {
                        rollbackQuietly(transaction, e);
                        throw e;
                    }
                } catch (RuntimeException e) {
                    throw HibernateErrors.translate(action, e, known);
                }
            }
        };
    }

    /**
     * The session of an open unit of work; it commits or rolls back as a whole.
     *
     * <p>Any exception from the session marks its transaction rollback-only (a later
     * {@code commit()} would quietly roll everything back), so here a failed statement must end
     * the unit's useful life — the rule every implementation keeps (see {@code HostTransaction}),
     * which raw JDBC and MyBatis keep by choice and Hibernate by necessity. So when Hibernate has
     * marked the transaction, or threw at all, {@code state} is told, and the unit refuses further
     * work and commit: it can only be rolled back, which makes a failed {@code addAll}
     * all-or-nothing together with the whole unit. Errors our own code raises before any SQL
     * failed (a host not found) leave it usable.
     */
    static Sessions of(Session session, UnitOfWorkState state) {
        return new Sessions() {
            @Override
            <T> T read(String action, Function<Session, T> work) {
                state.checkUsable();
                try {
                    return work.apply(session);
                } catch (RuntimeException e) {
                    throw failure(action, e, Map.of());
                }
            }

            @Override
            <T> T write(String action, Map<String, ?> known, Function<Session, T> work) {
                state.checkUsable();
                try {
                    return work.apply(session);
                } catch (RuntimeException e) {
                    throw failure(action, e, known);
                }
            }

            private RuntimeException failure(String action, RuntimeException e, Map<String, ?> known) {
                StudyException translated = HibernateErrors.translate(action, e, known);
                if (!(e instanceof StudyException) || rollbackOnly(session.getTransaction())) {
                    // What the failed operation left in the persistence context (an entity whose
                    // INSERT failed, a change that clashed) must not be flushed again by anything.
                    session.clear();
                    state.failed(action, translated);
                }
                return translated;
            }
        };
    }

    /**
     * A bulk UPDATE or DELETE, run as one statement by the database — and so around Hibernate's
     * persistence context, which it neither reads nor updates. Two pitfalls, both handled here:
     * changes still waiting in the context must reach the database first (flush; Hibernate's
     * auto-flush would do it for queries on the same table, the explicit flush makes it certain),
     * and entities loaded before the statement still hold the old values — a later
     * {@code find} in the same session would return them, deleted rows included — so the context
     * is cleared afterwards.
     */
    static int mutate(Session session, String hql, Map<String, ?> parameters) {
        session.flush();
        var query = session.createMutationQuery(hql);
        parameters.forEach(query::setParameter);
        int affected = query.executeUpdate();
        session.clear();
        return affected;
    }

    /** True when the transaction can only roll back now (or cannot even say so). */
    private static boolean rollbackOnly(Transaction transaction) {
        try {
            return !transaction.isActive() || transaction.getRollbackOnly();
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static void rollbackQuietly(Transaction transaction, RuntimeException cause) {
        try {
            if (transaction.isActive()) {
                transaction.rollback();
            }
        } catch (RuntimeException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }
}
