package dev.sqlstudy.cli;

import dev.sqlstudy.db.StatementCounter;
import dev.sqlstudy.cache.CacheEvent;
import dev.sqlstudy.cache.CacheStats;
import dev.sqlstudy.stack.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Watches what a command's data operation does to the database and the cache: every SQL statement
 * (with its parameters) and every cache event, as lines, and the counts {@code --explain} and
 * {@code demo} report. Starts after the stack is open, so pool start-up and Flyway's migration
 * never appear.
 */
final class Trace implements AutoCloseable {

    private final Stack stack;
    private final Consumer<String> sink;
    private final List<String> lines = new ArrayList<>();
    private final CacheStats cacheBaseline;
    private final AutoCloseable statementHandle;
    private final AutoCloseable cacheHandle;

    /**
     * @param sink receives every line as it happens ({@code --explain} prints them), or null
     */
    Trace(Stack stack, Consumer<String> sink) {
        this.stack = stack;
        this.sink = sink;
        StatementCounter counter = stack.database().statements();
        counter.reset();
        this.cacheBaseline = stack.cacheStats();
        this.statementHandle = counter.listen(executed -> add("sql: " + describe(executed)));
        this.cacheHandle = stack.onCacheEvent(event -> add("cache: " + describe(event)));
    }

    private synchronized void add(String line) {
        lines.add(line);
        if (sink != null) {
            sink.accept(line);
        }
    }

    /** The lines since the last call. */
    synchronized List<String> drain() {
        List<String> drained = List.copyOf(lines);
        lines.clear();
        return drained;
    }

    /** SQL statements sent since the trace started (a JDBC batch counts once, as it is one round trip). */
    long statements() {
        return stack.database().statements().statements();
    }

    /** {@code Connection.commit()} calls since the trace started (auto-committed statements make none). */
    long commits() {
        return stack.database().statements().commits();
    }

    /** {@code Connection.rollback()} calls since the trace started (a savepoint's not counted). */
    long rollbacks() {
        return stack.database().statements().rollbacks();
    }

    /** The cache's counters since the trace started. */
    CacheStats cache() {
        return stack.cacheStats().minus(cacheBaseline);
    }

    /** The {@code --explain} summary, the exact last line cli/README.md documents. */
    String summary() {
        CacheStats cache = cache();
        return summary(statements(), cache.hits(), cache.misses());
    }

    static String summary(long statements, long hits, long misses) {
        return "explain: statements=" + statements + " cache_hits=" + hits + " cache_misses=" + misses;
    }

    @Override
    public void close() {
        closeQuietly(statementHandle);
        closeQuietly(cacheHandle);
    }

    private static void closeQuietly(AutoCloseable handle) {
        try {
            handle.close();
        } catch (Exception ignored) {
            // Removing a listener cannot fail in a way that matters to the command's answer.
        }
    }

    /** {@code SELECT … WHERE id = ? -- (1)}; a batch shows every row's parameters. */
    static String describe(StatementCounter.Executed executed) {
        String sql = executed.sql().strip().replaceAll("\\s+", " ");
        List<List<Object>> parameters = executed.parameters();
        StringBuilder out = new StringBuilder(sql);
        if (executed.batchSize() > 0) {
            out.append(" -- batch of ").append(executed.batchSize());
            if (!parameters.isEmpty()) {
                out.append(": ").append(parameters.stream().map(Trace::row).collect(Collectors.joining(", ")));
            }
        } else if (!parameters.isEmpty() && !parameters.get(0).isEmpty()) {
            out.append(" -- ").append(parameters.stream().map(Trace::row).collect(Collectors.joining(", ")));
        }
        if (!executed.success()) {
            out.append(" -- failed");
        }
        return out.toString();
    }

    private static String row(List<Object> values) {
        return values.stream().map(Trace::literal).collect(Collectors.joining(", ", "(", ")"));
    }

    private static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof CharSequence text) {
            return "'" + text.toString().replace("'", "''") + "'";
        }
        return String.valueOf(value);
    }

    static String describe(CacheEvent event) {
        return event.type() + " " + event.key();
    }
}
