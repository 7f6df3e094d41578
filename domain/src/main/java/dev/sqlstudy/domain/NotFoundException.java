package dev.sqlstudy.domain;

/** The record a command names does not exist: {@code host 42}, {@code parent 7}, {@code child 3}. */
public final class NotFoundException extends StudyException {

    private final String entity;
    private final Object id;

    public NotFoundException(String entity, Object id) {
        this(entity, id, null);
    }

    public NotFoundException(String entity, Object id, Throwable cause) {
        super(entity + " " + Messages.quote(String.valueOf(id)) + " not found", cause);
        this.entity = entity;
        this.id = id;
    }

    /** What was looked for: {@code host}, {@code parent} or {@code child}. */
    public String entity() {
        return entity;
    }

    public Object id() {
        return id;
    }
}
