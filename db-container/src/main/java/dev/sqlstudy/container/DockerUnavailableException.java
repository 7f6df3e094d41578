package dev.sqlstudy.container;

/**
 * No Docker daemon answered, so no container can be started. Callers decide what that means: the
 * CLI reports the database as unavailable, a test leg skips on a developer's machine and fails
 * with {@code CI=true}.
 */
public final class DockerUnavailableException extends IllegalStateException {

    DockerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
