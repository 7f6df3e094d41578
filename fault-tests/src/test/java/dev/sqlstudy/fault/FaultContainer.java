package dev.sqlstudy.fault;

import dev.sqlstudy.container.ContainerStartException;
import dev.sqlstudy.container.DatabaseContainer;
import dev.sqlstudy.container.DockerUnavailableException;
import dev.sqlstudy.container.MySqlContainers;
import dev.sqlstudy.contract.TestDatabase;
import org.opentest4j.TestAbortedException;

/**
 * The container the fault tests stop, kill and freeze: one per JVM, separate from the contract's
 * shared container so no other test sees it down. Each test leaves it running. Without Docker the
 * tests that need it are skipped with the reason, except with {@code CI=true}, where they fail.
 */
final class FaultContainer {

    private static DatabaseContainer container;
    private static String problem;

    private FaultContainer() {
    }

    static synchronized DatabaseContainer get() {
        if (container == null && problem == null) {
            try {
                container = MySqlContainers.start();
                Runtime.getRuntime().addShutdownHook(new Thread(container::close, "remove-fault-container"));
                System.err.printf("[sqlstudy] fault container %s ready in %d ms%n",
                        container.image(), container.startupTime().toMillis());
            } catch (DockerUnavailableException | ContainerStartException e) {
                problem = e.getMessage();
                System.err.println("[sqlstudy] fault container " + (TestDatabase.ci() ? "FAILS" : "SKIPPED") + ": " + problem);
            }
        }
        if (container != null) {
            return container;
        }
        if (TestDatabase.ci()) {
            throw new IllegalStateException("CI=true requires the fault container, but " + problem);
        }
        throw new TestAbortedException("fault test skipped: " + problem);
    }
}
