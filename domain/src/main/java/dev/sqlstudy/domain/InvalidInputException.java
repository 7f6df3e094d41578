package dev.sqlstudy.domain;

/** Input that breaks a rule of the domain; raised before anything is sent to the database. */
public final class InvalidInputException extends StudyException {

    private final String field;

    public InvalidInputException(String field, String problem) {
        super("invalid " + field + ": " + problem, null);
        this.field = field;
    }

    /** The field at fault, as the schema or the command names it ({@code hostname}, {@code port}, …). */
    public String field() {
        return field;
    }
}
