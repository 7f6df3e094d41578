package dev.sqlstudy.hibernate;

import dev.sqlstudy.domain.HostRepository;
import dev.sqlstudy.domain.HostTransaction;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * {@link HostRepository} with Hibernate. Each call opens a short session: reads run in the pooled
 * connection's auto-commit (one round trip), writes in a transaction of their own.
 */
public final class HibernateHostRepository extends HibernateHosts implements HostRepository {

    private final SessionFactory sessionFactory;

    public HibernateHostRepository(SessionFactory sessionFactory) {
        super(Sessions.perCall(sessionFactory));
        this.sessionFactory = sessionFactory;
    }

    /** One session and one transaction, held until commit or rollback: the tutorial's session. */
    @Override
    public HostTransaction begin() {
        Session session = sessionFactory.openSession();
        try {
            return new HibernateHostTransaction(session, session.beginTransaction());
        } catch (RuntimeException e) {
            session.close();
            throw HibernateErrors.translate("begin unit of work", e, Map.of());
        }
    }
}
