package dev.sqlstudy.db;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Counts what an operation really sends to the database, seen through datasource-proxy: SQL
 * statements (a JDBC batch counts once: it is one round trip), commits and rollbacks. Tests assert
 * on it ("parent with children = 1 statement"), the CLI's {@code --explain} prints it, and the
 * benchmark reports statements per operation. Counts are global to one {@link Database}.
 */
public final class StatementCounter {

    /** One statement as the driver ran it. */
    public record Executed(String sql, List<List<Object>> parameters, int batchSize, long elapsedMillis,
                           boolean success) {
    }

    private final LongAdder statements = new LongAdder();
    private final LongAdder commits = new LongAdder();
    private final LongAdder rollbacks = new LongAdder();
    private final List<Consumer<Executed>> listeners = new CopyOnWriteArrayList<>();

    /** SQL statements executed since the last {@link #reset()}. */
    public long statements() {
        return statements.sum();
    }

    public long commits() {
        return commits.sum();
    }

    public long rollbacks() {
        return rollbacks.sum();
    }

    public void reset() {
        statements.reset();
        commits.reset();
        rollbacks.reset();
    }

    /** Calls {@code listener} for every statement until the returned handle is closed. */
    public AutoCloseable listen(Consumer<Executed> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    QueryExecutionListener queryListener() {
        return new QueryExecutionListener() {
            @Override
            public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
            }

            @Override
            public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
                statements.increment();
                if (listeners.isEmpty()) {
                    return;
                }
                for (QueryInfo query : queryInfoList) {
                    List<List<Object>> parameters = query.getParametersList().stream()
                            .map(set -> set.stream().map(p -> p.getArgs()[1]).toList())
                            .toList();
                    Executed executed = new Executed(query.getQuery(), parameters,
                            execInfo.isBatch() ? execInfo.getBatchSize() : 0,
                            execInfo.getElapsedTime(), execInfo.isSuccess());
                    listeners.forEach(l -> l.accept(executed));
                }
            }
        };
    }

    MethodExecutionListener methodListener() {
        return new MethodExecutionListener() {
            @Override
            public void beforeMethod(MethodExecutionContext context) {
            }

            @Override
            public void afterMethod(MethodExecutionContext context) {
                String method = context.getMethod().getName();
                if (context.getTarget() instanceof java.sql.Connection) {
                    if (method.equals("commit")) {
                        commits.increment();
                    } else if (method.equals("rollback") && context.getMethod().getParameterCount() == 0) {
                        rollbacks.increment();
                    }
                }
            }
        };
    }
}
