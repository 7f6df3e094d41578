package dev.sqlstudy.jdbc;

import dev.sqlstudy.db.errors.SqlErrors;
import dev.sqlstudy.domain.HostRepository;
import dev.sqlstudy.domain.HostTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * {@link HostRepository} in plain JDBC. Each call borrows a pooled connection in auto-commit mode,
 * so a read is exactly one round trip; multi-statement writes open a transaction of their own.
 */
public final class JdbcHostRepository extends JdbcHosts implements HostRepository {

    private final DataSource dataSource;

    public JdbcHostRepository(DataSource dataSource) {
        super(Connections.pooled(dataSource));
        this.dataSource = dataSource;
    }

    @Override
    public HostTransaction begin() {
        try {
            Connection connection = dataSource.getConnection();
            try {
                connection.setAutoCommit(false);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return new JdbcHostTransaction(connection);
        } catch (SQLException e) {
            throw SqlErrors.translate("begin unit of work", e);
        }
    }
}
