package dev.sqlstudy.fault;

import dev.sqlstudy.container.ContainerKind;
import dev.sqlstudy.container.ContainerStartException;
import dev.sqlstudy.container.DatabaseContainer;
import dev.sqlstudy.container.DockerUnavailableException;
import dev.sqlstudy.container.MySqlContainers;
import dev.sqlstudy.contract.TestDatabase;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.opentest4j.TestAbortedException;

/**
 * The containers the fault tests stop, kill and freeze: one per server kind and JVM, separate from
 * the contract's MySQL container so no other test sees it down. Each test leaves its container
 * running. Without Docker or the image, the tests that need one are skipped with the reason, except
 * with {@code CI=true}, where they fail. The images are {@code $STUDY_MARIADB_IMAGE} and
 * {@code $STUDY_MYSQL_IMAGE} ({@code .ci/build-db-image.sh mariadb|mysql}).
 */
final class FaultContainer {

    /** The servers a fault test runs on: {@code @MethodSource} or {@code @EnumSource(ContainerKind.class)}. */
    static final List<ContainerKind> KINDS = List.of(ContainerKind.MARIADB, ContainerKind.MYSQL);

    private static final Map<ContainerKind, DatabaseContainer> CONTAINERS = new EnumMap<>(ContainerKind.class);
    private static final Map<ContainerKind, String> PROBLEMS = new EnumMap<>(ContainerKind.class);

    private FaultContainer() {
    }

    /** This kind's fault container, started on first use. */
    static synchronized DatabaseContainer get(ContainerKind kind) {
        if (!CONTAINERS.containsKey(kind) && !PROBLEMS.containsKey(kind)) {
            try {
                DatabaseContainer container = MySqlContainers.start(kind, null);
                Runtime.getRuntime().addShutdownHook(new Thread(container::close, "remove-fault-container-" + kind));
                System.err.printf("[sqlstudy] fault container %s (%s) ready in %d ms%n",
                        container.image(), container.server(), container.startupTime().toMillis());
                CONTAINERS.put(kind, container);
            } catch (DockerUnavailableException | ContainerStartException e) {
                PROBLEMS.put(kind, e.getMessage());
                System.err.println("[sqlstudy] fault container " + kind + " " + (TestDatabase.ci() ? "FAILS" : "SKIPPED")
                        + ": " + e.getMessage());
            }
        }
        DatabaseContainer container = CONTAINERS.get(kind);
        if (container != null) {
            return container;
        }
        if (TestDatabase.ci()) {
            throw new IllegalStateException("CI=true requires the " + kind + " fault container, but " + PROBLEMS.get(kind));
        }
        throw new TestAbortedException("fault test skipped: " + PROBLEMS.get(kind));
    }
}
