package dev.sqlstudy.cli;

/** The exit codes cli/README.md documents, which users' scripts rely on. */
public final class ExitCode {

    public static final int OK = 0;
    /** The record a command names does not exist. */
    public static final int NOT_FOUND = 1;
    /** Invalid input or a usage error. */
    public static final int USAGE = 2;
    /** A hostname or ip_addr another host already has. */
    public static final int DUPLICATE = 3;
    /** The database cannot be reached. */
    public static final int UNAVAILABLE = 4;
    /** Anything else: a bug or a schema out of step, not the user's doing (sysexits' EX_SOFTWARE). */
    public static final int INTERNAL = 70;

    private ExitCode() {
    }
}
