package dev.sqlstudy.container;

/**
 * Docker answered, but the database container did not become ready: the image is missing and
 * cannot be pulled, its entrypoint failed, or the server did not accept connections in time.
 */
public final class ContainerStartException extends IllegalStateException {

    ContainerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
