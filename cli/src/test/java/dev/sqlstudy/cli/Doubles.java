package dev.sqlstudy.cli;

import dev.sqlstudy.domain.FamilyRepository;
import dev.sqlstudy.domain.HostRepository;
import dev.sqlstudy.domain.Repositories;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.UnaryOperator;

/**
 * Test doubles for the seam {@code compare} offers ({@link StudyCommand.StackWrapper}): one stack's
 * host repository forwarding every call to the real one but one, whose answer is changed or which
 * fails — so a test can show what {@code compare} prints when a stack does not answer as raw JDBC.
 */
final class Doubles {

    private Doubles() {
    }

    /** {@code real}, except that {@code hosts().<method>(…)} answers {@code change} of the real answer. */
    static Repositories changing(Repositories real, String method, UnaryOperator<Object> change) {
        return withHosts(real, method, (realHosts, args) -> change.apply(realHosts.invoke(args)));
    }

    /** {@code real}, except that {@code hosts().<method>(…)} throws {@code failure}. */
    static Repositories failing(Repositories real, String method, RuntimeException failure) {
        return withHosts(real, method, (realHosts, args) -> {
            throw failure;
        });
    }

    private interface Call {
        Object invoke(Object[] args) throws Throwable;
    }

    private interface Replacement {
        Object answer(Call real, Object[] args) throws Throwable;
    }

    private static Repositories withHosts(Repositories real, String method, Replacement replacement) {
        HostRepository realHosts = real.hosts();
        HostRepository hosts = proxy(HostRepository.class, (self, m, args) -> {
            Call call = a -> forward(m, realHosts, a);
            return m.getName().equals(method) ? replacement.answer(call, args) : call.invoke(args);
        });
        return new Repositories() {
            @Override
            public String name() {
                return real.name();
            }

            @Override
            public HostRepository hosts() {
                return hosts;
            }

            @Override
            public FamilyRepository families() {
                return real.families();
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }

    private static Object forward(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
