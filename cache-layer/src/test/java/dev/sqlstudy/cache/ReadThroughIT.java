package dev.sqlstudy.cache;

import static dev.sqlstudy.contract.SampleData.EVE;
import static dev.sqlstudy.contract.SampleData.LOCALHOST;
import static dev.sqlstudy.contract.SampleData.MARY;
import static dev.sqlstudy.contract.SampleData.PARENTS;
import static dev.sqlstudy.contract.SampleData.UBUNTU;
import static dev.sqlstudy.contract.SampleData.UBUNTU2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlstudy.domain.HostColumn;
import dev.sqlstudy.domain.HostPage;
import dev.sqlstudy.domain.InvalidInputException;
import dev.sqlstudy.domain.JoinKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Read-through: the first read goes to the database, the second is a hit that sends no SQL at all. */
@ParameterizedClass(name = "cache={0}")
@MethodSource("dev.sqlstudy.cache.TestCaches#decorators")
class ReadThroughIT extends CacheTestSupport {

    ReadThroughIT(CacheKind cache) {
        super(cache);
    }

    @Test
    void findById_secondRead_isAHitWithZeroStatements() {
        assertThat(statementsOf(() -> hosts.findById(2))).as("first read").isEqualTo(1);
        assertThat(statementsOf(() -> assertThat(hosts.findById(2)).contains(UBUNTU))).as("second read").isZero();
        assertThat(cached.stats()).isEqualTo(new CacheStats(1, 1, 1, 0, 0, 0));
    }

    @Test
    void findById_eventsTellMissLoadThenHit() {
        hosts.findById(1);
        hosts.findById(1);
        assertThat(drainEvents()).containsExactly("miss hosts:id:1", "load hosts:id:1", "hit hosts:id:1");
    }

    @Test
    void findById_missingRow_isCachedAsAbsent() {
        hosts.findById(99);
        assertThat(statementsOf(() -> assertThat(hosts.findById(99)).isEmpty())).isZero();
    }

    @Test
    void findByHostname_inAnyLetterCase_sharesOneEntry() {
        assertThat(hosts.findByHostname("UBUNTU2")).contains(UBUNTU2);
        assertThat(statementsOf(() -> assertThat(hosts.findByHostname("ubuntu2")).contains(UBUNTU2))).isZero();
    }

    @Test
    void findByHostname_invalidInput_failsLikeTheDelegateWithoutTouchingTheCache() {
        assertThatThrownBy(() -> hosts.findByHostname("bad name")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("invalid hostname");
        assertThat(events).isEmpty();
    }

    @Test
    void findByIpAddr_secondRead_isAHitWithZeroStatements() {
        hosts.findByIpAddr("127.0.0.1");
        assertThat(statementsOf(() -> assertThat(hosts.findByIpAddr("127.0.0.1")).contains(LOCALHOST))).isZero();
    }

    @Test
    void findByHostnameIn_secondRead_isOneMultiGetAndZeroStatements() {
        hosts.findByHostnameIn(List.of("ubuntu2", "localhost", "absent"));
        assertThat(statementsOf(() -> assertThat(hosts.findByHostnameIn(List.of("localhost", "UBUNTU2", "absent")))
                .containsExactly(LOCALHOST, UBUNTU2))).isZero();
    }

    @Test
    void findByHostnameIn_partlyCached_readsOnlyTheMissingNamesInOneStatement() {
        hosts.findByHostname("localhost");
        drainEvents();
        assertThat(statementsOf(() -> assertThat(hosts.findByHostnameIn(List.of("ubuntu", "localhost")))
                .containsExactly(LOCALHOST, UBUNTU))).isEqualTo(1);
        assertThat(drainEvents()).containsExactly(
                "miss host-index:hostname:ubuntu", "hit host-index:hostname:localhost", "load host-index:hostname:ubuntu");
    }

    @Test
    void listAndProjectionAndCount_secondRead_areHitsWithZeroStatements() {
        HostPage page = HostPage.of(HostColumn.PORT, true, 1, 2);
        hosts.list(page);
        hosts.hostnames();
        hosts.count();
        assertThat(statementsOf(() -> {
            assertThat(hosts.list(page)).containsExactly(UBUNTU2, LOCALHOST);
            assertThat(hosts.hostnames()).containsExactly("localhost", "ubuntu", "ubuntu2");
            assertThat(hosts.count()).isEqualTo(3);
        })).isZero();
    }

    @Test
    void familyReads_secondRead_areHitsWithZeroStatements() {
        Runnable reads = () -> {
            assertThat(families.findParent(1)).contains(MARY);
            assertThat(families.findParent(3)).contains(EVE);
            assertThat(families.findChild(4)).hasValueSatisfying(c -> assertThat(c.isOrphan()).isTrue());
            assertThat(families.listParents()).isEqualTo(PARENTS);
            assertThat(families.join(JoinKind.RIGHT)).hasSize(4);
            assertThat(families.childrenCounts()).hasSize(3);
        };
        assertThat(statementsOf(reads)).as("first reads").isEqualTo(6);
        assertThat(statementsOf(reads)).as("second reads").isZero();
    }
}
