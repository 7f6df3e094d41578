package dev.sqlstudy.mybatis;

import dev.sqlstudy.domain.HostRepository;
import dev.sqlstudy.domain.HostTransaction;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * {@link HostRepository} as a MyBatis mapper. Each call opens a {@link SqlSession} of its own: an
 * auto-commit one for a single statement (a read is exactly one round trip), a transactional one
 * for several; {@link #begin()} holds one session, and its connection, for a whole unit of work.
 */
public final class MyBatisHostRepository extends MyBatisHosts implements HostRepository {

    private final SqlSessionFactory factory;

    /** A repository with a session factory of its own over {@code dataSource}. */
    public MyBatisHostRepository(DataSource dataSource) {
        this(SessionFactories.create(dataSource));
    }

    MyBatisHostRepository(SqlSessionFactory factory) {
        super(Sessions.perCall(factory));
        this.factory = factory;
    }

    /**
     * Opens a session with auto-commit off and takes its connection now, so that an unreachable
     * database fails here rather than at the first operation.
     */
    @Override
    public HostTransaction begin() {
        SqlSession session = factory.openSession(false);
        try {
            session.getConnection();
            return new MyBatisHostTransaction(session, factory);
        } catch (PersistenceException e) {
            session.close();
            throw MyBatisErrors.translate("begin unit of work", e, Map.of());
        }
    }
}
