package dev.sqlstudy.cli;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a command that writes (or, like {@code hosts rollback-demo}, tries to). {@code compare}
 * resets the database to the sample data before it runs such a command on each stack, so every
 * stack writes from the same state, and runs it once per stack; a command without the mark is a
 * read, run on the data as it is, cold and then {@code --repeat} times warm.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@interface Writes {
}
