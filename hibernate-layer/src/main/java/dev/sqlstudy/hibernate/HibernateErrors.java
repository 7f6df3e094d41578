package dev.sqlstudy.hibernate;

import dev.sqlstudy.db.errors.SqlErrors;
import dev.sqlstudy.domain.NotFoundException;
import dev.sqlstudy.domain.StudyException;
import java.sql.SQLException;
import java.util.Map;
import org.hibernate.UnresolvableObjectException;

/**
 * Turns what Hibernate throws into the domain's exceptions. Hibernate wraps the driver's error
 * (a {@code ConstraintViolationException}, itself maybe wrapped in a JPA exception); the driver's
 * {@link SQLException} underneath says what happened, so it goes through the same
 * {@link SqlErrors} as raw JDBC and MyBatis — the duplicate's field comes from the constraint name.
 */
final class HibernateErrors {

    private HibernateErrors() {
    }

    static StudyException translate(String action, RuntimeException e, Map<String, ?> known) {
        if (e instanceof StudyException domain) {
            return domain;
        }
        if (e instanceof UnresolvableObjectException missing) {
            // A reference (proxy) to a row another transaction deleted meanwhile, e.g. moving a
            // child to a parent deleted while the move ran: the row is not there, say so.
            return new NotFoundException(entityOf(missing.getEntityName()), missing.getIdentifier(), e);
        }
        SQLException sql = sqlCause(e);
        if (sql != null) {
            StudyException translated = SqlErrors.translate(action, sql, known);
            // The cause is the driver's error; Hibernate's wrapper (with the SQL it ran) stays visible.
            translated.addSuppressed(e);
            return translated;
        }
        return new dev.sqlstudy.domain.PersistenceException(action + " failed: " + e.getMessage(), e);
    }

    /** {@code dev.sqlstudy.hibernate.ParentEntity} → {@code parent}, as the other implementations name it. */
    static String entityOf(String entityName) {
        String simple = entityName == null ? "row" : entityName.substring(entityName.lastIndexOf('.') + 1);
        return simple.replaceFirst("Entity$", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
