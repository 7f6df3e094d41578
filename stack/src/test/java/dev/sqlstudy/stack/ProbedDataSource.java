package dev.sqlstudy.stack;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * A DataSource in front of the test database that lets a test step inside a framework's read:
 * the next SELECT matching a fragment runs, then waits — its rows read, the framework not yet told
 * — until the test releases it (the stale-fill race); or every such SELECT is slowed down and
 * counted (the stampede). The frameworks' own caches sit inside Hibernate and MyBatis, so this is
 * the one place below them where a test can hold a reader.
 */
final class ProbedDataSource {

    private final DataSource target;
    private final AtomicReference<String> pauseNext = new AtomicReference<>();
    private final AtomicInteger selects = new AtomicInteger();
    private volatile String counted = "\u0000";
    private volatile Duration delay = Duration.ZERO;
    private volatile CountDownLatch paused = new CountDownLatch(1);
    private volatile CountDownLatch released = new CountDownLatch(1);

    ProbedDataSource(DataSource target) {
        this.target = target;
    }

    DataSource dataSource() {
        return proxy(DataSource.class, target);
    }

    /** The next SELECT whose SQL contains {@code fragment} (any case) waits after it has run. */
    void pauseNextSelect(String fragment) {
        paused = new CountDownLatch(1);
        released = new CountDownLatch(1);
        pauseNext.set(fragment.toLowerCase());
    }

    void awaitPaused() throws InterruptedException {
        if (!paused.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("no SELECT matching '" + pauseNext.get() + "' ran");
        }
    }

    void release() {
        released.countDown();
    }

    /** Counts, and delays by {@code by}, every SELECT whose SQL contains {@code fragment}. */
    void slowDownAndCount(String fragment, Duration by) {
        counted = fragment.toLowerCase();
        delay = by;
        selects.set(0);
    }

    int selectsCounted() {
        return selects.get();
    }

    private void afterExecute(String sql) throws InterruptedException {
        String lower = sql.toLowerCase();
        if (!lower.stripLeading().startsWith("select")) {
            return;
        }
        String fragment = pauseNext.get();
        if (fragment != null && lower.contains(fragment) && pauseNext.compareAndSet(fragment, null)) {
            paused.countDown();
            if (!released.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the paused SELECT was never released");
            }
        }
        if (lower.contains(counted)) {
            selects.incrementAndGet();
            Thread.sleep(delay.toMillis());
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T proxy(Class<T> type, T delegate) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler(delegate, null));
    }

    private InvocationHandler handler(Object delegate, String sql) {
        return (proxy, method, args) -> {
            Object result = invoke(method, delegate, args);
            if (result instanceof Connection connection && method.getName().equals("getConnection")) {
                return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                        handler(connection, null));
            }
            if (result instanceof PreparedStatement statement && method.getName().equals("prepareStatement")) {
                return Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                        new Class<?>[] {PreparedStatement.class}, handler(statement, (String) args[0]));
            }
            if (sql != null && (method.getName().equals("executeQuery") || method.getName().equals("execute"))) {
                afterExecute(sql);
            }
            return result;
        };
    }

    private static Object invoke(Method method, Object delegate, Object[] args) throws Throwable {
        try {
            return method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
