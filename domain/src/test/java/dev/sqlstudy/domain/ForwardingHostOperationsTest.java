package dev.sqlstudy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation of {@link HostOperations}, called on a {@link ForwardingHostOperations} that
 * overrides nothing, reaches the delegate once with the same arguments and returns its result —
 * checked by reflection, so an operation added to the interface and forgotten here fails the build.
 */
class ForwardingHostOperationsTest {

    /** A sample argument of each parameter type the operations take. */
    private static final Map<Class<?>, Object> ARGUMENTS = Map.of(
            int.class, 7,
            String.class, "ubuntu",
            NewHost.class, NewHost.of("ubuntu", "192.168.2.243"),
            List.class, List.of(NewHost.of("ubuntu", "192.168.2.243")),
            java.util.Collection.class, List.of("ubuntu", "localhost"),
            HostPage.class, HostPage.all(),
            HostChanges.class, HostChanges.none().withPort(2200));

    /** What the delegate answers, by return type: values no default could produce by chance. */
    private static final Map<Class<?>, Object> RESULTS = Map.of(
            Host.class, new Host(2, "ubuntu", "192.168.2.243", 20000),
            List.class, List.of(new Host(3, "ubuntu2", "192.168.2.244", 20000)),
            Optional.class, Optional.of(new Host(1, "localhost", "127.0.0.1", 22)),
            int.class, 42,
            long.class, 43L,
            boolean.class, true);

    static Stream<Method> operations() {
        return Arrays.stream(HostOperations.class.getMethods())
                .filter(m -> !m.isDefault() && !Modifier.isStatic(m.getModifiers()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void everyOperation_notOverridden_goesToTheDelegateWithItsArgumentsAndReturnsItsResult(Method operation)
            throws ReflectiveOperationException {
        List<String> calls = new ArrayList<>();
        HostOperations delegate = (HostOperations) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HostOperations.class}, (proxy, method, args) -> {
                    calls.add(method.getName() + Arrays.toString(args == null ? new Object[0] : args));
                    return RESULTS.get(method.getReturnType());
                });
        ForwardingHostOperations forwarding = new ForwardingHostOperations() {
            @Override
            protected HostOperations delegate() {
                return delegate;
            }
        };
        Object[] arguments = Arrays.stream(operation.getParameterTypes()).map(ARGUMENTS::get).toArray();
        assertThat(arguments).as("a sample argument for every parameter of %s", operation).doesNotContainNull();

        Object result;
        try {
            result = ForwardingHostOperations.class.getMethod(operation.getName(), operation.getParameterTypes())
                    .invoke(forwarding, arguments);
        } catch (InvocationTargetException e) {
            throw new AssertionError(operation.getName() + " did not forward", e.getCause());
        }

        assertThat(calls).as("calls that reached the delegate")
                .containsExactly(operation.getName() + Arrays.toString(arguments));
        assertThat(result).as("what %s returned", operation.getName()).isEqualTo(RESULTS.get(operation.getReturnType()));
    }
}
