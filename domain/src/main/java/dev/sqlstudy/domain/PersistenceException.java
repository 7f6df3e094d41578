package dev.sqlstudy.domain;

/** Any other database failure: a bug or a schema out of step, never a user's mistake. */
public final class PersistenceException extends StudyException {

    public PersistenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
