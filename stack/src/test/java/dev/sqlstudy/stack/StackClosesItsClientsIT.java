package dev.sqlstudy.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlstudy.cache.CacheKind;
import dev.sqlstudy.cache.TestCaches;
import dev.sqlstudy.contract.TestDatabase;
import dev.sqlstudy.contract.services.MemcachedProcess;
import dev.sqlstudy.contract.services.TestServices;
import dev.sqlstudy.db.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * A stack owns the cache clients it opens: closing it closes them. Counted on a private memcached
 * server, which reports the connections it has open — so a client left running shows as a
 * connection that never goes away (once per benchmark trial and per CLI probe, before this was fixed).
 */
class StackClosesItsClientsIT {

    @Test
    void close_memcachedStacks_leaveNoConnectionOpenOnTheServer() {
        Database database = TestDatabase.H2.open();
        try (MemcachedProcess server = MemcachedProcess.start()) {
            int before = server.currentConnections();
            List<Stack> stacks = new ArrayList<>();
            for (Impl impl : Impl.values()) {
                stacks.add(Stack.over(database, impl, CacheKind.MEMCACHED,
                        TestCaches.settings().withMemcachedServers(server.address())));
            }
            stacks.forEach(stack -> stack.hosts().findById(1));
            int whileOpen = server.currentConnections();

            stacks.forEach(Stack::close);

            assertThat(whileOpen).as("one connection per open stack").isEqualTo(before + Impl.values().length);
            assertThat(eventually(server::currentConnections, before))
                    .as("connections once every stack is closed").isEqualTo(before);
        }
    }

    /** The server notices a closed connection a moment after the client closed it. */
    private static int eventually(IntSupplier reading, int expected) {
        int value = reading.getAsInt();
        for (int attempt = 0; attempt < 50 && value != expected; attempt++) {
            TestServices.pause(20);
            value = reading.getAsInt();
        }
        return value;
    }
}
