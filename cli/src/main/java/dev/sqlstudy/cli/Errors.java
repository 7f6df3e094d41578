package dev.sqlstudy.cli;

import dev.sqlstudy.domain.DatabaseUnavailableException;
import dev.sqlstudy.domain.DuplicateException;
import dev.sqlstudy.domain.InvalidInputException;
import dev.sqlstudy.domain.NotFoundException;
import java.io.PrintWriter;
import picocli.CommandLine.ParameterException;

/** Turns an exception into the exit code (cli/README.md) and one {@code error:} line on stderr. */
final class Errors {

    private Errors() {
    }

    static int exitCode(Throwable e) {
        if (e instanceof NotFoundException) {
            return ExitCode.NOT_FOUND;
        }
        if (e instanceof Failure failure) {
            return failure.exitCode;
        }
        if (e instanceof InvalidInputException || e instanceof ParameterException) {
            return ExitCode.USAGE;
        }
        if (e instanceof DuplicateException) {
            return ExitCode.DUPLICATE;
        }
        if (e instanceof DatabaseUnavailableException) {
            return ExitCode.UNAVAILABLE;
        }
        return ExitCode.INTERNAL;
    }

    /** Prints {@code error: …} (and the stack trace with {@code --verbose}); returns the exit code. */
    static int report(Throwable e, PrintWriter err, boolean verbose) {
        int code = exitCode(e);
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        if (code == ExitCode.INTERNAL) {
            message = "unexpected " + e.getClass().getSimpleName() + ": " + message
                    + (verbose ? "" : " (rerun with --verbose for the stack trace)");
        }
        if (verbose) {
            e.printStackTrace(err);
        }
        err.println("error: " + oneLine(message));
        err.flush();
        return code;
    }

    static String usageLine(ParameterException e) {
        String command = e.getCommandLine().getCommandSpec().qualifiedName();
        String message = oneLine(e.getMessage()).replaceFirst("^Error: ", "");
        return "error: " + message + " (see '" + command + " --help')";
    }

    static String oneLine(String text) {
        return text.strip().replaceAll("\\s*[\\r\\n]+\\s*", "; ");
    }

    /** A failure the CLI itself detects or rephrases, with its exit code. */
    static final class Failure extends RuntimeException {
        private final int exitCode;

        Failure(int exitCode, String message, Throwable cause) {
            super(message, cause);
            this.exitCode = exitCode;
        }

        /** A command line that parsed but asks for something the stack cannot serve. */
        static Failure usage(String message, Throwable cause) {
            return new Failure(ExitCode.USAGE, message, cause);
        }
    }
}
