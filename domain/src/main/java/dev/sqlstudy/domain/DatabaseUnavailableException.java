package dev.sqlstudy.domain;

/** The database could not be reached, or did not answer in time; nothing can be said of the data. */
public final class DatabaseUnavailableException extends StudyException {

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
