package dev.sqlstudy.mybatis;

import java.sql.Connection;
import org.apache.ibatis.transaction.Transaction;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.apache.ibatis.transaction.managed.ManagedTransaction;

/**
 * MyBatis's plain JDBC transactions for the sessions it opens from the pool: it commits, rolls
 * back and returns the connection itself. A session opened on a connection somebody else holds —
 * the batch a unit of work runs for {@code addAll} on its own connection — joins that connection
 * instead: it neither commits nor closes it, because the unit of work owns both decisions.
 */
final class JoiningTransactionFactory extends JdbcTransactionFactory {

    @Override
    public Transaction newTransaction(Connection connection) {
        return new ManagedTransaction(connection, false);
    }
}
