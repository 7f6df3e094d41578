package dev.sqlstudy.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** {@code java -jar sqlstudy-cli.jar …}: what the {@code ./study} launcher runs. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // spymemcached logs to stderr on its own unless told to use SLF4J; through SLF4J our
        // logback.xml keeps its reconnect chatter off the terminal (--verbose shows it).
        System.setProperty("net.spy.log.LoggerImpl", "net.spy.memcached.compat.log.SLF4JLogger");
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = StudyCli.execute(Arguments.asTyped(args), out, err, System.getenv());
        out.flush();
        err.flush();
        System.exit(code);
    }
}
