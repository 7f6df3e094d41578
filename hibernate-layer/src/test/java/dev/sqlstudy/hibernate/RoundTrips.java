package dev.sqlstudy.hibernate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Counts every JDBC call that costs a MySQL round trip: statements (a batch is one), commits,
 * rollbacks and the auto-commit switches — {@code setAutoCommit} with a value different from the
 * connection's, which Connector/J sends as {@code SET autocommit=…} (with
 * {@code useLocalSessionState=true}, as db-support configures it, an unchanged value is not sent).
 * H2 runs in-process, so there these are calls, not round trips, but the calls are the same.
 */
final class RoundTrips {

    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong rollbacks = new AtomicLong();
    private final AtomicLong autoCommitSwitches = new AtomicLong();
    private final DataSource dataSource;

    RoundTrips(DataSource target) {
        this.dataSource = ProxyDataSourceBuilder.create("round-trips", target)
                .afterQuery((execution, queries) -> statements.incrementAndGet())
                .methodListener(new MethodExecutionListener() {
                    @Override
                    public void beforeMethod(MethodExecutionContext context) {
                        if (context.getTarget() instanceof Connection connection
                                && context.getMethod().getName().equals("setAutoCommit")) {
                            try {
                                if (connection.getAutoCommit() != (Boolean) context.getMethodArgs()[0]) {
                                    autoCommitSwitches.incrementAndGet();
                                }
                            } catch (SQLException e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    }

                    @Override
                    public void afterMethod(MethodExecutionContext context) {
                        if (context.getTarget() instanceof Connection) {
                            String method = context.getMethod().getName();
                            if (method.equals("commit")) {
                                commits.incrementAndGet();
                            } else if (method.equals("rollback")) {
                                rollbacks.incrementAndGet();
                            }
                        }
                    }
                })
                .build();
    }

    /** The DataSource to hand to the code under measurement. */
    DataSource dataSource() {
        return dataSource;
    }

    void reset() {
        statements.set(0);
        commits.set(0);
        rollbacks.set(0);
        autoCommitSwitches.set(0);
    }

    /** What one call cost: statements, commits, rollbacks, auto-commit switches. */
    Cost of(Runnable call) {
        reset();
        call.run();
        return new Cost(statements.get(), commits.get(), rollbacks.get(), autoCommitSwitches.get());
    }

    record Cost(long statements, long commits, long rollbacks, long autoCommitSwitches) {

        static Cost of(long statements, long commits, long rollbacks, long autoCommitSwitches) {
            return new Cost(statements, commits, rollbacks, autoCommitSwitches);
        }

        long roundTrips() {
            return statements + commits + rollbacks + autoCommitSwitches;
        }
    }
}
