package dev.sqlstudy.cache;

import static dev.sqlstudy.contract.SampleData.JACK;
import static dev.sqlstudy.contract.SampleData.LOCALHOST;
import static dev.sqlstudy.contract.SampleData.LUCY;
import static dev.sqlstudy.contract.SampleData.MARY;
import static dev.sqlstudy.contract.SampleData.TOM;
import static dev.sqlstudy.contract.SampleData.UBUNTU;
import static dev.sqlstudy.contract.SampleData.UBUNTU2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlstudy.domain.Child;
import dev.sqlstudy.domain.ChildWithParent;
import dev.sqlstudy.domain.ChildrenCount;
import dev.sqlstudy.domain.DuplicateException;
import dev.sqlstudy.domain.Host;
import dev.sqlstudy.domain.HostChanges;
import dev.sqlstudy.domain.HostPage;
import dev.sqlstudy.domain.HostTransaction;
import dev.sqlstudy.domain.NewHost;
import dev.sqlstudy.domain.Parent;
import dev.sqlstudy.domain.ParentRef;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind of write invalidates what it makes stale — after its commit — and leaves the rest of
 * the cache alone where it can know it. Every test warms the cache first, writes, and then checks
 * the answer and whether it came from the cache (0 statements) or the database.
 */
@ParameterizedClass(name = "cache={0}")
@MethodSource("dev.sqlstudy.cache.TestCaches#decorators")
class InvalidationIT extends CacheTestSupport {

    InvalidationIT(CacheKind cache) {
        super(cache);
    }

    /** Reads {@code call} and says whether it came from the cache: statements 0. */
    private boolean fromCache(Runnable call) {
        return statementsOf(call) == 0;
    }

    @Nested
    class Hosts {

        @BeforeEach
        void warm() {
            for (int id = 1; id <= 4; id++) {
                hosts.findById(id);
            }
            List.of("localhost", "ubuntu", "ubuntu2", "web1", "renamed").forEach(hosts::findByHostname);
            List.of("127.0.0.1", "192.168.2.243", "192.168.2.244", "10.0.0.1").forEach(hosts::findByIpAddr);
            hosts.list(HostPage.all());
            hosts.count();
            assertThat(fromCache(() -> hosts.findById(4))).as("warm: absence is cached").isTrue();
        }

        @Test
        void add_replacesTheCachedAbsenceOfItsIdHostnameAndIp() {
            Host web1 = hosts.add(NewHost.of("web1", "10.0.0.1"));
            assertThat(hosts.findById(4)).contains(web1);
            assertThat(hosts.findByHostname("web1")).contains(web1);
            assertThat(hosts.findByIpAddr("10.0.0.1")).contains(web1);
            assertThat(hosts.list(HostPage.all())).endsWith(web1);
            assertThat(hosts.count()).isEqualTo(4);
            assertThat(fromCache(() -> assertThat(hosts.findById(1)).contains(LOCALHOST))).as("other hosts stay cached").isTrue();
        }

        @Test
        void update_portOnly_refreshesTheHostByIdHostnameAndIp_andLeavesOtherHostsCached() {
            Host changed = hosts.update(2, HostChanges.none().withPort(2200));
            assertThat(hosts.findById(2)).contains(changed);
            assertThat(hosts.findByHostname("ubuntu")).contains(changed);
            assertThat(hosts.findByIpAddr("192.168.2.243")).contains(changed);
            assertThat(hosts.list(HostPage.all())).contains(changed);
            assertThat(fromCache(() -> assertThat(hosts.findById(3)).contains(UBUNTU2))).isTrue();
            assertThat(fromCache(() -> assertThat(hosts.findByHostname("localhost")).contains(LOCALHOST))).isTrue();
        }

        @Test
        void update_hostname_oldNameFindsNothing_newNameFindsTheHost() {
            Host renamed = hosts.update(2, HostChanges.none().withHostname("renamed"));
            assertThat(hosts.findByHostname("ubuntu")).isEmpty();
            assertThat(hosts.findByHostname("renamed")).contains(renamed);
            assertThat(hosts.findById(2)).contains(renamed);
            assertThat(hosts.findByIpAddr("192.168.2.243")).contains(renamed);
            assertThat(fromCache(() -> assertThat(hosts.findById(3)).contains(UBUNTU2))).as("by id, others stay cached").isTrue();
        }

        @Test
        void update_ipAddr_oldIpFindsNothing_newIpFindsTheHost() {
            Host moved = hosts.update(3, HostChanges.none().withIpAddr("10.0.0.1"));
            assertThat(hosts.findByIpAddr("192.168.2.244")).isEmpty();
            assertThat(hosts.findByIpAddr("10.0.0.1")).contains(moved);
            assertThat(hosts.findByHostname("ubuntu2")).contains(moved);
        }

        @Test
        void delete_removesTheHostByIdHostnameAndIp() {
            hosts.delete(2);
            assertThat(hosts.findById(2)).isEmpty();
            assertThat(hosts.findByHostname("ubuntu")).isEmpty();
            assertThat(hosts.findByIpAddr("192.168.2.243")).isEmpty();
            assertThat(hosts.list(HostPage.all())).containsExactly(LOCALHOST, UBUNTU2);
            assertThat(hosts.count()).isEqualTo(2);
            assertThat(fromCache(() -> hosts.findById(1))).isTrue();
        }

        @Test
        void updatePortWhereIdGreaterThan_refreshesEveryHostItTouched() {
            hosts.updatePortWhereIdGreaterThan(1, 2222);
            assertThat(hosts.findById(2)).hasValueSatisfying(h -> assertThat(h.port()).isEqualTo(2222));
            assertThat(hosts.findByHostname("ubuntu2")).hasValueSatisfying(h -> assertThat(h.port()).isEqualTo(2222));
            assertThat(hosts.findByIpAddr("192.168.2.243")).hasValueSatisfying(h -> assertThat(h.port()).isEqualTo(2222));
            assertThat(hosts.findById(1)).contains(LOCALHOST);
            assertThat(hosts.list(HostPage.all())).extracting(Host::port).containsExactly(22, 2222, 2222);
        }

        @Test
        void deleteWhereIdGreaterThan_removesEveryHostItTouched() {
            hosts.deleteWhereIdGreaterThan(1);
            assertThat(hosts.findById(3)).isEmpty();
            assertThat(hosts.findByHostname("ubuntu")).isEmpty();
            assertThat(hosts.findByIpAddr("192.168.2.244")).isEmpty();
            assertThat(hosts.findByHostnameIn(List.of("localhost", "ubuntu", "ubuntu2"))).containsExactly(LOCALHOST);
            assertThat(hosts.count()).isEqualTo(1);
        }

        @Test
        void bulkWrite_thatTouchesNoRow_invalidatesNothing() {
            assertThat(hosts.updatePortWhereIdGreaterThan(3, 2222)).isZero();
            assertThat(fromCache(() -> hosts.findById(3))).isTrue();
            assertThat(fromCache(() -> hosts.count())).isTrue();
        }

        @Test
        void failedWrite_duplicate_invalidatesNothing() {
            assertThatThrownBy(() -> hosts.add(NewHost.of("localhost", "10.9.9.9"))).isInstanceOf(DuplicateException.class);
            assertThat(fromCache(() -> hosts.findByHostname("localhost"))).isTrue();
            assertThat(fromCache(() -> hosts.count())).isTrue();
        }
    }

    @Nested
    class UnitsOfWork {

        @BeforeEach
        void warm() {
            hosts.findById(2);
            hosts.findByHostname("ubuntu3");
            hosts.count();
        }

        @Test
        void commit_invalidatesOnlyOnceCommitted() {
            try (HostTransaction tx = hosts.begin()) {
                tx.update(2, HostChanges.none().withPort(2200));
                tx.add(NewHost.of("ubuntu3", "192.168.2.245"));
                assertThat(fromCache(() -> assertThat(hosts.findById(2)).contains(UBUNTU)))
                        .as("before the commit others see the committed row, from the cache").isTrue();
                tx.commit();
            }
            assertThat(hosts.findById(2)).hasValueSatisfying(h -> assertThat(h.port()).isEqualTo(2200));
            assertThat(hosts.findByHostname("ubuntu3")).isPresent();
            assertThat(hosts.count()).isEqualTo(4);
        }

        @Test
        void rollback_leavesTheCacheExactlyAsItWas() {
            try (HostTransaction tx = hosts.begin()) {
                tx.update(2, HostChanges.none().withPort(2200));
                tx.add(NewHost.of("ubuntu3", "192.168.2.245"));
                tx.rollback();
            }
            assertThat(fromCache(() -> assertThat(hosts.findById(2)).contains(UBUNTU))).isTrue();
            assertThat(fromCache(() -> assertThat(hosts.findByHostname("ubuntu3")).isEmpty())).isTrue();
            assertThat(events).noneMatch(e -> e.type() == CacheEvent.Type.INVALIDATE);
        }

        @Test
        void readsInsideAUnit_bypassTheCache_andNeverFillIt() {
            try (HostTransaction tx = hosts.begin()) {
                tx.update(2, HostChanges.none().withPort(2200));
                assertThat(statementsOf(() -> assertThat(tx.findById(2)).hasValueSatisfying(
                        h -> assertThat(h.port()).as("its own uncommitted write").isEqualTo(2200)))).isEqualTo(1);
            }
            assertThat(fromCache(() -> assertThat(hosts.findById(2)).contains(UBUNTU))).isTrue();
        }
    }

    @Nested
    class Families {

        @BeforeEach
        void warm() {
            for (int id = 1; id <= 4; id++) {
                families.findParent(id);
                families.findChild(id);
            }
            families.findChild(5);
            families.listParents();
            families.childrenCounts();
        }

        @Test
        void addChild_refreshesTheParentThatGainedIt_andLeavesOtherParentsCached() {
            ChildWithParent ella = families.addChild("Ella", 3);
            assertThat(families.findParent(3)).contains(new Parent(3, "Eve", List.of(new Child(5, "Ella"))));
            assertThat(families.findChild(5)).contains(ella);
            assertThat(families.childrenCounts()).last().isEqualTo(new ChildrenCount(3, "Eve", 1));
            assertThat(fromCache(() -> assertThat(families.findParent(1)).contains(MARY))).isTrue();
        }

        @Test
        void addParent_replacesTheCachedAbsenceOfTheParentAndItsChildren() {
            Parent anna = families.addParent("Anna", List.of("Ben"));
            assertThat(families.findParent(4)).contains(anna);
            assertThat(families.findChild(5)).contains(new ChildWithParent(5, "Ben", new ParentRef(4, "Anna")));
            assertThat(families.listParents()).endsWith(anna);
        }

        @Test
        void moveChild_refreshesTheChildAndBothTheOldAndTheNewParent() {
            families.moveChild(2, 2);
            assertThat(families.findParent(1)).contains(new Parent(1, "Mary", List.of(TOM)));
            assertThat(families.findParent(2)).contains(new Parent(2, "John", List.of(LUCY, JACK)));
            assertThat(families.findChild(2)).contains(new ChildWithParent(2, "Lucy", new ParentRef(2, "John")));
        }

        @Test
        void deleteParent_makesItsChildrenOrphansInTheCacheToo() {
            families.deleteParent(1);
            assertThat(families.findParent(1)).isEmpty();
            assertThat(families.findChild(1)).contains(new ChildWithParent(1, "Tom", null));
            assertThat(families.findChild(2)).contains(new ChildWithParent(2, "Lucy", null));
            assertThat(families.listParents()).extracting(Parent::id).containsExactly(2, 3);
        }
    }
}
