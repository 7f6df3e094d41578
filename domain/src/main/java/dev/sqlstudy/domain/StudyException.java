package dev.sqlstudy.domain;

/**
 * Base of every error the repositories raise. Each subclass is one outcome a caller can act on
 * (and one CLI exit code); technology exceptions never cross the repository boundary.
 */
public abstract sealed class StudyException extends RuntimeException
        permits NotFoundException, DuplicateException, InvalidInputException,
                DatabaseUnavailableException, PersistenceException {

    protected StudyException(String message, Throwable cause) {
        super(message, cause);
    }
}
