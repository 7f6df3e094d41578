package dev.sqlstudy.jdbc;

import dev.sqlstudy.db.errors.SqlErrors;
import dev.sqlstudy.domain.HostTransaction;
import dev.sqlstudy.domain.UnitOfWorkState;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A unit of work in plain JDBC: one connection with auto-commit off, held until commit or rollback.
 * After a failed statement only the rollback is left (see {@link Connections#of}).
 */
final class JdbcHostTransaction extends JdbcHosts implements HostTransaction {

    private final Connection connection;
    private final UnitOfWorkState state;

    private JdbcHostTransaction(Connection connection, UnitOfWorkState state) {
        super(Connections.of(connection, state));
        this.connection = connection;
        this.state = state;
    }

    JdbcHostTransaction(Connection connection) {
        this(connection, new UnitOfWorkState());
    }

    @Override
    public void commit() {
        state.checkUsable();
        try {
            connection.commit();
        } catch (SQLException e) {
            throw SqlErrors.translate("commit", e);
        } finally {
            finish();
        }
    }

    @Override
    public void rollback() {
        state.checkOpen();
        try {
            connection.rollback();
        } catch (SQLException e) {
            throw SqlErrors.translate("rollback", e);
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
            connection.close();
        } catch (SQLException e) {
            throw SqlErrors.translate("release connection", e);
        }
    }
}
