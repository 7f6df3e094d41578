package dev.sqlstudy.domain;

/**
 * A unique column already holds the value: raised from the database's own constraint violation,
 * never from a look-up made beforehand (which would race with a concurrent insert).
 */
public final class DuplicateException extends StudyException {

    private final String field;
    private final String value;

    /**
     * @param field the column named as the schema names it: {@code hostname} or {@code ip_addr}
     * @param value the offending value when known (for a batch, the database's message says which
     *              row's value clashed), else null
     */
    public DuplicateException(String field, String value, Throwable cause) {
        super("duplicate " + field + (value == null ? "" : " " + Messages.quote(value))
                + ": another host already has it", cause);
        this.field = field;
        this.value = value;
    }

    public String field() {
        return field;
    }

    /** The clashing value, or {@code null} when the database did not say which row clashed. */
    public String value() {
        return value;
    }
}
