package dev.sqlstudy.mybatis;

import dev.sqlstudy.db.errors.SqlErrors;
import dev.sqlstudy.domain.StudyException;
import java.sql.SQLException;
import java.util.Map;
import org.apache.ibatis.exceptions.PersistenceException;

/**
 * MyBatis wraps every driver error in its own unchecked {@link PersistenceException} (a batch's in
 * a {@code BatchExecutorException} around the {@code BatchUpdateException}). The driver's
 * {@link SQLException} inside carries the vendor code and SQLState, so it is unwrapped and
 * translated exactly as raw JDBC translates it.
 */
final class MyBatisErrors {

    private MyBatisErrors() {
    }

    static StudyException translate(String action, PersistenceException e, Map<String, ?> known) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return SqlErrors.translate(action, sql, known);
            }
        }
        // A mapping failure or a misuse of MyBatis, not a database error: a bug, reported as such.
        String message = String.valueOf(e.getMessage()).strip().lines().findFirst().orElse("");
        return new dev.sqlstudy.domain.PersistenceException(action + " failed: " + message, e);
    }
}
