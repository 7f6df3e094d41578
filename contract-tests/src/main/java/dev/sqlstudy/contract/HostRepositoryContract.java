package dev.sqlstudy.contract;

import static dev.sqlstudy.contract.SampleData.HOSTS;
import static dev.sqlstudy.contract.SampleData.LOCALHOST;
import static dev.sqlstudy.contract.SampleData.UBUNTU;
import static dev.sqlstudy.contract.SampleData.UBUNTU2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sqlstudy.db.Database;
import dev.sqlstudy.domain.DuplicateException;
import dev.sqlstudy.domain.Host;
import dev.sqlstudy.domain.HostChanges;
import dev.sqlstudy.domain.HostColumn;
import dev.sqlstudy.domain.HostPage;
import dev.sqlstudy.domain.HostRepository;
import dev.sqlstudy.domain.HostTransaction;
import dev.sqlstudy.domain.InvalidInputException;
import dev.sqlstudy.domain.NewHost;
import dev.sqlstudy.domain.NotFoundException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The {@link HostRepository} contract: every operation of the tutorial on {@code hosts}, every
 * rule of the domain. An implementation proves itself with a subclass that says how to build it:
 * <pre>{@code
 * @ParameterizedClass @EnumSource(TestDatabase.class)
 * class JdbcHostRepositoryIT extends HostRepositoryContract {
 *     JdbcHostRepositoryIT(TestDatabase db) { super(db); }
 *     protected HostRepository createRepository(Database db) { return new JdbcHostRepository(db.dataSource()); }
 * }
 * }</pre>
 * Each test starts from the sample data ({@link SampleData}): localhost (1), ubuntu (2), ubuntu2 (3).
 */
public abstract class HostRepositoryContract extends ContractSupport {

    protected HostRepository hosts;

    protected HostRepositoryContract(TestDatabase target) {
        super(target);
    }

    /** The repository under test, over {@code database}; called before every test. */
    protected abstract HostRepository createRepository(Database database);

    /**
     * False for a cache that a rolled-back unit of work still touches — Hibernate's second-level
     * cache, whose flushed writes lock or evict the entries and invalidate the table's cached queries
     * before the outcome is known, and whose rollback puts nothing back. The unit-of-work tests then
     * assert that break (one more statement for a read that was warm) instead of the rule; the
     * break is named in the stack module's NativeCacheGuaranteesIT.
     */
    protected boolean rollbackLeavesTheCacheUntouched() {
        return true;
    }

    /** The statements a warm read takes after a rolled-back unit: as before it, or one more where the cache was dropped. */
    private long afterARolledBackUnit(long warm) {
        return rollbackLeavesTheCacheUntouched() ? warm : warm + 1;
    }

    @Override
    final void createRepositoryUnderTest(Database database) {
        hosts = createRepository(database);
    }

    @Nested
    class Reading {

        @Test
        void findById_sampleHost_returnsTheTutorialsLocalhost() {
            assertThat(hosts.findById(1)).contains(LOCALHOST);
        }

        @Test
        void findById_missing_returnsEmpty() {
            assertThat(hosts.findById(99)).isEmpty();
        }

        @Test
        void findByHostname_inAnotherLetterCase_findsTheHost() {
            assertThat(hosts.findByHostname("UBUNTU2")).contains(UBUNTU2);
        }

        @Test
        void findByHostname_missing_returnsEmpty() {
            assertThat(hosts.findByHostname("nosuchhost")).isEmpty();
        }

        @Test
        void findByHostname_hostileInput_isRejectedAsInvalidAndTheTableSurvives() {
            assertThatThrownBy(() -> hosts.findByHostname("x'; DROP TABLE hosts; --"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("invalid hostname");
            assertThat(tables.hosts()).isEqualTo(HOSTS);
        }

        @Test
        void findByIpAddr_sampleIp_returnsTheHost() {
            assertThat(hosts.findByIpAddr("192.168.2.243")).contains(UBUNTU);
        }

        @Test
        void findByIpAddr_ipv6InAnyValidSpelling_findsTheCanonicalOne() {
            Host v6 = hosts.add(new NewHost("ipv6-host", "2001:DB8:0:0:0:0:0:1", 2222));
            assertThat(v6.ipAddr()).isEqualTo("2001:db8::1");
            assertThat(hosts.findByIpAddr("2001:0db8::0001")).contains(v6);
        }

        @Test
        void findByIpAddr_notAnIpLiteral_isRejectedWithoutLookingItUp() {
            assertThatThrownBy(() -> hosts.findByIpAddr("localhost"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("invalid ip_addr");
        }

        @Test
        void findByHostnameIn_tutorialsInList_returnsMatchesInIdOrder() {
            // session.query(Host).filter(Host.hostname.in_(['ubuntu2', 'localhost']))
            assertThat(hosts.findByHostnameIn(List.of("ubuntu2", "LOCALHOST", "absent")))
                    .containsExactly(LOCALHOST, UBUNTU2);
        }

        @Test
        void findByHostnameIn_emptyList_returnsEmptyWithoutAStatement() {
            Counted<List<Host>> found = counted(() -> hosts.findByHostnameIn(List.of()));
            assertThat(found.result()).isEmpty();
            assertThat(found.statements()).isZero();
        }

        @Test
        void findByHostnameIn_repeatedNames_returnsEachHostOnce() {
            assertThat(hosts.findByHostnameIn(List.of("ubuntu", "ubuntu", "Ubuntu"))).containsExactly(UBUNTU);
        }

        @Test
        void list_orderedById_returnsAllHosts() {
            assertThat(hosts.list(HostPage.all())).containsExactly(LOCALHOST, UBUNTU, UBUNTU2);
        }

        @Test
        void list_tutorialsSlice1to3_returnsTheSecondAndThirdHost() {
            // session.query(Host).order_by(Host.id)[1:3]
            assertThat(hosts.list(HostPage.of(HostColumn.ID, false, 1, 2))).containsExactly(UBUNTU, UBUNTU2);
        }

        @Test
        void list_byPortDescending_breaksTiesByIdAscending() {
            assertThat(hosts.list(HostPage.of(HostColumn.PORT, true, 0, HostPage.UNLIMITED)))
                    .containsExactly(UBUNTU, UBUNTU2, LOCALHOST);
        }

        @Test
        void list_byPortAscending_breaksTiesByIdAscending() {
            assertThat(hosts.list(HostPage.of(HostColumn.PORT, false, 0, HostPage.UNLIMITED)))
                    .containsExactly(LOCALHOST, UBUNTU, UBUNTU2);
        }

        @Test
        void list_pageInsideManyTies_isOrderedByIdWithinTheTie() {
            // Forty hosts share port 2222. Without an explicit tie-break a database may return tied
            // rows in any order — MariaDB's filesort with LIMIT uses a heap that does not keep them.
            hosts.addAll(java.util.stream.IntStream.range(0, 40)
                    .mapToObj(i -> new NewHost("tie" + i, "10.2.0." + i, 2222)).toList());
            // port DESC: ids 2, 3 (20000), then ids 4..43 (2222), then id 1 (22); rows 5 to 14:
            assertThat(hosts.list(HostPage.of(HostColumn.PORT, true, 5, 10)))
                    .extracting(Host::id).containsExactly(7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
            assertThat(hosts.list(HostPage.of(HostColumn.PORT, false, 1, 10)))
                    .extracting(Host::id).containsExactly(4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        }

        @Test
        void list_byHostnameDescending_isReverseAlphabetical() {
            assertThat(hosts.list(HostPage.of(HostColumn.HOSTNAME, true, 0, HostPage.UNLIMITED)))
                    .containsExactly(UBUNTU2, UBUNTU, LOCALHOST);
        }

        @Test
        void list_byIpAddr_comparesTextByteByByte() {
            Host low = hosts.add(NewHost.of("ten", "10.0.0.1"));
            Host v6 = hosts.add(NewHost.of("six", "::1"));
            // ':' (0x3a) sorts after the digits, '1' before '9': a byte-order collation everywhere.
            assertThat(hosts.list(HostPage.of(HostColumn.IP_ADDR, false, 0, HostPage.UNLIMITED)))
                    .containsExactly(low, LOCALHOST, UBUNTU, UBUNTU2, v6);
        }

        @Test
        void list_offsetPastTheEnd_returnsEmpty() {
            assertThat(hosts.list(HostPage.of(HostColumn.ID, false, 10, 5))).isEmpty();
        }

        @Test
        void list_limitZero_returnsEmpty() {
            assertThat(hosts.list(HostPage.of(HostColumn.ID, false, 0, 0))).isEmpty();
        }

        @Test
        void list_negativeOffset_isInvalidInputNamingOffset() {
            InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                    () -> hosts.list(HostPage.of(HostColumn.ID, false, -1, 2)));
            assertThat(e.field()).isEqualTo("offset");
        }

        @Test
        void hostnames_projection_returnsEveryNameInIdOrder() {
            // session.query(Host.hostname.label('name'))
            assertThat(hosts.hostnames()).containsExactly("localhost", "ubuntu", "ubuntu2");
        }

        @Test
        void count_sampleData_isThree() {
            assertThat(hosts.count()).isEqualTo(3);
        }
    }

    @Nested
    class StatementCounts {

        @Test
        void findById_costsOneStatement() {
            assertThat(statementsOf(() -> hosts.findById(2))).isEqualTo(1);
        }

        @Test
        void findByHostname_costsOneStatement() {
            assertThat(statementsOf(() -> hosts.findByHostname("ubuntu"))).isEqualTo(1);
        }

        @Test
        void findByIpAddr_costsOneStatement() {
            assertThat(statementsOf(() -> hosts.findByIpAddr("127.0.0.1"))).isEqualTo(1);
        }

        @Test
        void findById_missing_costsOneStatement() {
            assertThat(statementsOf(() -> hosts.findById(42))).isEqualTo(1);
        }

        @Test
        void findByHostnameIn_costsOneStatement() {
            assertThat(statementsOf(() -> hosts.findByHostnameIn(List.of("ubuntu", "localhost")))).isEqualTo(1);
        }

        @Test
        void list_costsOneStatement() {
            assertThat(statementsOf(() -> hosts.list(HostPage.of(HostColumn.HOSTNAME, true, 1, 2)))).isEqualTo(1);
        }

        @Test
        void hostnames_costsOneStatement() {
            assertThat(statementsOf(() -> hosts.hostnames())).isEqualTo(1);
        }

        @Test
        void count_costsOneStatement() {
            assertThat(statementsOf(() -> hosts.count())).isEqualTo(1);
        }
    }

    @Nested
    class Adding {

        @Test
        void add_withoutPort_storesTheDefault22AndReturnsTheGeneratedId() {
            Host added = hosts.add(NewHost.of("web1", "10.0.0.1"));
            assertThat(added).isEqualTo(new Host(4, "web1", "10.0.0.1", 22));
            assertThat(tables.hosts()).endsWith(added);
        }

        @Test
        void add_storesHostnameLowerCaseAndIpInCanonicalForm() {
            Host added = hosts.add(new NewHost("Web-01.Example.COM", "FE80:0000::0001", 8022));
            assertThat(added.hostname()).isEqualTo("web-01.example.com");
            assertThat(added.ipAddr()).isEqualTo("fe80::1");
            assertThat(tables.hosts()).contains(added);
        }

        @Test
        void add_duplicateHostnameInAnotherLetterCase_isDuplicateNamingHostnameAndChangesNothing() {
            DuplicateException e = catchThrowableOfType(DuplicateException.class,
                    () -> hosts.add(NewHost.of("LocalHost", "10.9.9.9")));
            assertThat(e.field()).isEqualTo("hostname");
            assertThat(e).hasMessageContaining("localhost");
            assertThat(tables.hosts()).isEqualTo(HOSTS);
        }

        @Test
        void add_duplicateIpAddr_isDuplicateNamingIpAddrAndChangesNothing() {
            DuplicateException e = catchThrowableOfType(DuplicateException.class,
                    () -> hosts.add(NewHost.of("fresh", "192.168.2.244")));
            assertThat(e.field()).isEqualTo("ip_addr");
            assertThat(tables.hosts()).isEqualTo(HOSTS);
        }

        @Test
        void add_duplicateIpv6InAnotherSpelling_isDuplicateNamingIpAddr() {
            hosts.add(NewHost.of("v6a", "2001:db8::5"));
            DuplicateException e = catchThrowableOfType(DuplicateException.class,
                    () -> hosts.add(NewHost.of("v6b", "2001:DB8:0:0::0005")));
            assertThat(e.field()).isEqualTo("ip_addr");
            assertThat(tables.hosts()).hasSize(4);
        }

        @Test
        void add_afterADuplicate_stillWorks() {
            assertThatThrownBy(() -> hosts.add(NewHost.of("localhost", "10.0.0.9"))).isInstanceOf(DuplicateException.class);
            assertThat(hosts.add(NewHost.of("next", "10.0.0.9")).hostname()).isEqualTo("next");
        }

        @Test
        void add_invalidInput_isRejectedNamingTheFieldAndWritesNothing() {
            assertThatThrownBy(() -> hosts.add(new NewHost("ubuntu_test", "10.0.0.1", 22)))
                    .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("invalid hostname");
            assertThatThrownBy(() -> hosts.add(new NewHost("ok", "10.0.0.256", 22)))
                    .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("invalid ip_addr");
            assertThatThrownBy(() -> hosts.add(new NewHost("ok", "10.0.0.1", 0)))
                    .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("invalid port");
            assertThat(tables.hosts()).isEqualTo(HOSTS);
        }

        @Test
        void add_longestValidHostname_roundTrips() {
            String longest = "a".repeat(62) + ".b";
            assertThat(hosts.add(NewHost.of(longest, "10.1.1.1")).hostname()).isEqualTo(longest);
        }

        @Test
        void addAll_tutorialsBatch_insertsEveryRowInOrderWithIds() {
            List<Host> added = hosts.addAll(List.of(
                    NewHost.of("web1", "10.0.0.1"),
                    new NewHost("web2", "10.0.0.2", 2222),
                    NewHost.of("web3", "::2")));
            assertThat(added).containsExactly(
                    new Host(4, "web1", "10.0.0.1", 22),
                    new Host(5, "web2", "10.0.0.2", 2222),
                    new Host(6, "web3", "::2", 22));
            assertThat(tables.hosts()).hasSize(6).endsWith(added.toArray(Host[]::new));
        }

        @Test
        void addAll_withOneRowDuplicatingAStoredHost_writesNone() {
            assertThatThrownBy(() -> hosts.addAll(List.of(
                    NewHost.of("web1", "10.0.0.1"),
                    NewHost.of("web2", "127.0.0.1"),
                    NewHost.of("web3", "10.0.0.3"))))
                    .isInstanceOfSatisfying(DuplicateException.class, e -> {
                        assertThat(e.field()).isEqualTo("ip_addr");
                        assertThat(e.value()).isEqualTo("127.0.0.1");
                    });
            assertThat(tables.hosts()).isEqualTo(HOSTS);
        }

        @Test
        void addAll_withOneRowDuplicatingAStoredHost_namesTheValueThatClashed() {
            // The caller can then tell which row it was (hosts import names its line).
            DuplicateException e = catchThrowableOfType(DuplicateException.class, () -> hosts.addAll(List.of(
                    NewHost.of("web1", "10.0.0.1"),
                    NewHost.of("Ubuntu", "10.0.0.2"),
                    NewHost.of("web3", "10.0.0.3"))));
            assertThat(e.field()).isEqualTo("hostname");
            assertThat(e.value()).isEqualTo("ubuntu");
            assertThat(e).hasMessageStartingWith("duplicate hostname 'ubuntu'");
        }

        @Test
        void addAll_withTwoRowsDuplicatingEachOther_writesNoneAndNamesTheValue() {
            assertThatThrownBy(() -> hosts.addAll(List.of(
                    NewHost.of("twin", "10.0.0.1"),
                    NewHost.of("TWIN", "10.0.0.2"))))
                    .isInstanceOfSatisfying(DuplicateException.class, e -> {
                        assertThat(e.field()).isEqualTo("hostname");
                        assertThat(e.value()).isEqualTo("twin");
                    });
            assertThat(tables.hosts()).isEqualTo(HOSTS);
        }

        @Test
        void addAll_emptyList_writesNothing() {
            assertThat(hosts.addAll(List.of())).isEmpty();
            assertThat(tables.hosts()).isEqualTo(HOSTS);
        }

        @Test
        void addAll_aThousandRows_areAllStored() {
            List<NewHost> many = java.util.stream.IntStream.range(0, 1000)
                    .mapToObj(i -> NewHost.of("bulk" + i, "10.1." + (i / 256) + "." + (i % 256)))
                    .toList();
            List<Host> added = hosts.addAll(many);
            assertThat(added).hasSize(1000);
            assertThat(added.get(999)).isEqualTo(new Host(1003, "bulk999", "10.1.3.231", 22));
            assertThat(hosts.count()).isEqualTo(1003);
        }

        /**
         * The ids a batch insert returns are the rows' real ids, also while another writer inserts
         * into the same table. Raw JDBC and MyBatis send a batch as one multi-row INSERT
         * ({@code rewriteBatchedStatements}); the server reports only the first row's id and the
         * driver counts on from it, so this holds only if the server gives one statement's rows
         * consecutive ids. MySQL 8+ runs {@code innodb_autoinc_lock_mode=2} ("interleaved", no
         * table lock for inserts), MariaDB 10.11 mode 1; in both InnoDB reserves a multi-row
         * VALUES list's ids in one block, and this test is the proof on each server.
         */
        @Test
        void addAll_whileAnotherWriterAddsAtTheSameTime_returnsEachRowsRealId() throws Exception {
            int rounds = 4;
            int rows = 150;
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(2);
            List<java.util.concurrent.Future<List<Batch>>> results = new java.util.ArrayList<>();
            try {
                for (int writer = 1; writer <= 2; writer++) {
                    int w = writer;
                    results.add(writers.submit(() -> {
                        start.await();
                        List<Batch> batches = new java.util.ArrayList<>();
                        for (int round = 0; round < rounds; round++) {
                            int r = round;
                            List<NewHost> batch = java.util.stream.IntStream.range(0, rows)
                                    .mapToObj(i -> NewHost.of("w" + w + "-" + r + "-" + i, "10." + w + "." + r + "." + i))
                                    .toList();
                            long began = System.nanoTime();
                            List<Host> added = hosts.addAll(batch);
                            batches.add(new Batch(added, began, System.nanoTime()));
                        }
                        return batches;
                    }));
                }
                List<Batch> first = results.get(0).get(60, java.util.concurrent.TimeUnit.SECONDS);
                List<Batch> second = results.get(1).get(60, java.util.concurrent.TimeUnit.SECONDS);

                assertThat(first).as("the two writers' batches ran at the same time")
                        .anySatisfy(a -> assertThat(second).anyMatch(b -> a.began() < b.ended() && b.began() < a.ended()));
                List<Host> returned = java.util.stream.Stream.concat(first.stream(), second.stream())
                        .flatMap(batch -> batch.added().stream()).toList();
                assertThat(returned).as("ids returned by both writers").hasSize(2 * rounds * rows)
                        .extracting(Host::id).doesNotHaveDuplicates();
                assertThat(tables.hosts())
                        .as("every returned host is the row stored under its id")
                        .hasSize(3 + 2 * rounds * rows)
                        .containsAll(returned);
            } finally {
                writers.shutdownNow();
            }
        }
    }

    /** One batch a writer inserted, with when it began and ended. */
    private record Batch(List<Host> added, long began, long ended) {
    }

    @Nested
    class Changing {

        @Test
        void update_everyField_returnsTheHostAsStored() {
            // the tutorial's h2.hostname = 'ubuntu_test' — underscores are not RFC 1123, so ubuntu-test
            Host updated = hosts.update(2, HostChanges.none()
                    .withHostname("Ubuntu-Test").withIpAddr("::ffff:192.168.2.243").withPort(2200));
            assertThat(updated).isEqualTo(new Host(2, "ubuntu-test", "::ffff:192.168.2.243", 2200));
            assertThat(tables.hosts()).containsExactly(LOCALHOST, updated, UBUNTU2);
        }

        @Test
        void update_portOnly_keepsTheOtherFields() {
            assertThat(hosts.update(1, HostChanges.none().withPort(2022)))
                    .isEqualTo(new Host(1, "localhost", "127.0.0.1", 2022));
        }

        @Test
        void update_noChanges_returnsTheHostUnchanged() {
            assertThat(hosts.update(3, HostChanges.none())).isEqualTo(UBUNTU2);
            assertThat(tables.hosts()).isEqualTo(HOSTS);
        }

        @Test
        void update_missingHost_isNotFound() {
            assertThatThrownBy(() -> hosts.update(99, HostChanges.none().withPort(80)))
                    .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.entity()).isEqualTo("host"));
            assertThatThrownBy(() -> hosts.update(99, HostChanges.none())).isInstanceOf(NotFoundException.class);
        }

        @Test
        void update_toAnotherHostsHostname_isDuplicateNamingHostnameAndChangesNothing() {
            assertThatThrownBy(() -> hosts.update(3, HostChanges.none().withHostname("UBUNTU").withPort(1)))
                    .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.field()).isEqualTo("hostname"));
            assertThat(tables.hosts()).isEqualTo(HOSTS);
        }

        @Test
        void update_toAnotherHostsIp_isDuplicateNamingIpAddr() {
            assertThatThrownBy(() -> hosts.update(3, HostChanges.none().withIpAddr("127.0.0.1")))
                    .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.field()).isEqualTo("ip_addr"));
            assertThat(tables.hosts()).isEqualTo(HOSTS);
        }

        @Test
        void update_toItsOwnHostname_isNotADuplicate() {
            assertThat(hosts.update(2, HostChanges.none().withHostname("ubuntu").withPort(1))).isEqualTo(
                    new Host(2, "ubuntu", "192.168.2.243", 1));
        }

        @Test
        void updatePortWhereIdGreaterThan_1_changesTheTwoLaterHosts() {
            // session.query(Host).filter(Host.id > 1).update({'port': 2222})
            assertThat(hosts.updatePortWhereIdGreaterThan(1, 2222)).isEqualTo(2);
            assertThat(tables.hosts()).extracting(Host::port).containsExactly(22, 2222, 2222);
        }

        @Test
        void updatePortWhereIdGreaterThan_lastId_changesNothing() {
            assertThat(hosts.updatePortWhereIdGreaterThan(3, 2222)).isZero();
            assertThat(tables.hosts()).isEqualTo(HOSTS);
        }

        @Test
        void updatePortWhereIdGreaterThan_invalidPort_isRejected() {
            assertThatThrownBy(() -> hosts.updatePortWhereIdGreaterThan(0, 70000))
                    .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("invalid port");
            assertThat(tables.hosts()).isEqualTo(HOSTS);
        }

        @Test
        void delete_existingHost_removesOnlyIt() {
            assertThat(hosts.delete(2)).isTrue();
            assertThat(tables.hosts()).containsExactly(LOCALHOST, UBUNTU2);
            assertThat(hosts.findById(2)).isEmpty();
        }

        @Test
        void delete_missingHost_returnsFalse() {
            assertThat(hosts.delete(99)).isFalse();
            assertThat(tables.hosts()).isEqualTo(HOSTS);
        }

        @Test
        void deleteWhereIdGreaterThan_1_leavesOnlyLocalhost() {
            // session.query(Host).filter(Host.id > 1).delete()
            assertThat(hosts.deleteWhereIdGreaterThan(1)).isEqualTo(2);
            assertThat(tables.hosts()).containsExactly(LOCALHOST);
            assertThat(hosts.findByHostname("ubuntu")).isEmpty();
            assertThat(hosts.count()).isEqualTo(1);
        }

        @Test
        void deletedHostsNameAndIp_canBeReused() {
            hosts.delete(3);
            assertThat(hosts.add(NewHost.of("ubuntu2", "192.168.2.244")).id()).isEqualTo(4);
        }
    }

    @Nested
    class UnitOfWork {

        @Test
        void rollback_afterAddAndChange_leavesNothingBehind() {
            // session.add(h3); h2.hostname = 'ubuntu_test'; session.rollback()
            try (HostTransaction tx = hosts.begin()) {
                tx.add(NewHost.of("ubuntu3", "192.168.2.245"));
                tx.update(2, HostChanges.none().withHostname("ubuntu-test"));
                assertThat(tx.count()).as("the unit sees its own writes").isEqualTo(4);
                tx.rollback();
            }
            assertThat(tables.hosts()).isEqualTo(HOSTS);
            assertThat(hosts.findByHostname("ubuntu3")).isEmpty();
            assertThat(hosts.findById(2)).contains(UBUNTU);
        }

        @Test
        void commit_makesEveryWriteVisible() {
            try (HostTransaction tx = hosts.begin()) {
                tx.add(NewHost.of("ubuntu3", "192.168.2.245"));
                tx.updatePortWhereIdGreaterThan(2, 2022);
                tx.commit();
            }
            assertThat(hosts.findByHostname("ubuntu3")).contains(new Host(4, "ubuntu3", "192.168.2.245", 2022));
            assertThat(tables.hosts()).extracting(Host::port).containsExactly(22, 20000, 2022, 2022);
        }

        @Test
        void uncommittedWrites_areInvisibleOutsideTheUnit() {
            try (HostTransaction tx = hosts.begin()) {
                tx.add(NewHost.of("pending", "10.0.0.7"));
                assertThat(tx.findByHostname("pending")).isPresent();
                assertThat(hosts.findByHostname("pending")).as("seen from outside before commit").isEmpty();
                tx.commit();
            }
            assertThat(hosts.findByHostname("pending")).isPresent();
        }

        @Test
        void close_withoutCommit_rollsBack() {
            try (HostTransaction tx = hosts.begin()) {
                tx.delete(1);
            }
            assertThat(tables.hosts()).isEqualTo(HOSTS);
        }

        @Test
        void inTransaction_workThatFails_rollsBackEverything() {
            assertThatThrownBy(() -> hosts.inTransaction(tx -> {
                tx.add(NewHost.of("first", "10.0.0.1"));
                tx.deleteWhereIdGreaterThan(1);
                return tx.add(NewHost.of("localhost", "10.0.0.2"));
            })).isInstanceOf(DuplicateException.class);
            assertThat(tables.hosts()).isEqualTo(HOSTS);
        }

        @Test
        void inTransaction_workThatSucceeds_commitsAndReturnsItsResult() {
            List<Host> added = hosts.inTransaction(tx -> tx.addAll(List.of(
                    NewHost.of("a1", "10.0.0.1"), NewHost.of("a2", "10.0.0.2"))));
            assertThat(added).extracting(Host::id).containsExactly(4, 5);
            assertThat(hosts.count()).isEqualTo(5);
        }

        @Test
        void duplicateInsideAUnit_thenRollback_leavesTheTableAsItWas() {
            try (HostTransaction tx = hosts.begin()) {
                tx.add(NewHost.of("kept-until-rollback", "10.0.0.1"));
                assertThatThrownBy(() -> tx.add(NewHost.of("localhost", "10.0.0.2"))).isInstanceOf(DuplicateException.class);
                tx.rollback();
            }
            assertThat(tables.hosts()).isEqualTo(HOSTS);
        }

        // After a failed statement a unit is rollback-only (HostTransaction's Javadoc): the
        // tutorial's session after a failed flush, a JPA transaction marked rollback-only.

        @Test
        void unitOfWork_afterAFailedStatement_refusesFurtherWork() {
            hosts.count();
            long warmCount = statementsOf(() -> hosts.count());
            try (HostTransaction tx = hosts.begin()) {
                tx.add(NewHost.of("kept-until-rollback", "10.0.0.1"));
                assertThatThrownBy(() -> tx.add(NewHost.of("ubuntu", "10.0.0.2"))).isInstanceOf(DuplicateException.class);

                assertThatThrownBy(tx::count).as("a read")
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageStartingWith("this unit of work is rollback-only: an earlier statement failed")
                        .hasMessageContaining("DuplicateException")
                        .hasMessageContaining("'ubuntu'");
                assertThatThrownBy(() -> tx.add(NewHost.of("other", "10.0.0.3"))).as("a write")
                        .isInstanceOf(IllegalStateException.class);
                assertThatThrownBy(() -> tx.findByHostnameIn(List.of("ubuntu"))).as("another read")
                        .isInstanceOf(IllegalStateException.class);
            }
            assertThat(tables.hosts()).isEqualTo(HOSTS);
            Counted<Long> count = counted(() -> hosts.count());
            assertThat(count.result()).isEqualTo(3);
            assertThat(count.statements()).as("statements of a count that was warm before the unit: closing it "
                    + "invalidated nothing a cache in front held (rollbackLeavesTheCacheUntouched=%s)",
                    rollbackLeavesTheCacheUntouched()).isEqualTo(afterARolledBackUnit(warmCount));
        }

        @Test
        void unitOfWork_afterAFailedStatement_refusesCommit_namingTheFailure() {
            HostTransaction tx = hosts.begin();
            tx.update(2, HostChanges.none().withPort(2200));
            DuplicateException duplicate = catchThrowableOfType(DuplicateException.class,
                    () -> tx.update(3, HostChanges.none().withIpAddr("127.0.0.1")));

            assertThatThrownBy(tx::commit)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("this unit of work is rollback-only: an earlier statement failed (update host: "
                            + "DuplicateException: " + duplicate.getMessage() + "); it can only be rolled back")
                    .hasCause(duplicate);
            tx.rollback();
            tx.close();
            assertThat(tables.hosts()).as("neither the write before the failure nor the failed one").isEqualTo(HOSTS);
        }

        @Test
        void unitOfWork_afterAFailedStatement_rollbackLeavesTheDatabaseAsBefore() {
            hosts.findById(2);
            long warmRead = statementsOf(() -> hosts.findById(2));
            try (HostTransaction tx = hosts.begin()) {
                tx.add(NewHost.of("ubuntu3", "192.168.2.245"));
                tx.update(2, HostChanges.none().withHostname("ubuntu-test"));
                tx.deleteWhereIdGreaterThan(2);
                assertThatThrownBy(() -> tx.add(NewHost.of("localhost", "10.0.0.9"))).isInstanceOf(DuplicateException.class);
                assertThatThrownBy(tx::commit).isInstanceOf(IllegalStateException.class);
            }
            assertThat(tables.hosts()).isEqualTo(HOSTS);
            Counted<Optional<Host>> host2 = counted(() -> hosts.findById(2));
            assertThat(host2.result()).contains(UBUNTU);
            assertThat(host2.statements()).as("statements of a read that was warm before the unit: a cache in front "
                    + "still holds host 2, the rolled-back unit invalidated nothing (rollbackLeavesTheCacheUntouched=%s)",
                    rollbackLeavesTheCacheUntouched()).isEqualTo(afterARolledBackUnit(warmRead));
            assertThat(hosts.findByHostname("ubuntu3")).isEmpty();
        }

        @Test
        void unitOfWork_afterAFailedBatch_writesNoneOfItAndCanOnlyBeRolledBack() {
            try (HostTransaction tx = hosts.begin()) {
                tx.add(NewHost.of("kept-until-rollback", "10.0.0.9"));
                DuplicateException e = catchThrowableOfType(DuplicateException.class, () -> tx.addAll(List.of(
                        NewHost.of("lost", "10.0.0.1"), NewHost.of("localhost", "10.0.0.2"))));
                assertThat(e.field()).isEqualTo("hostname");

                assertThatThrownBy(() -> tx.findByHostname("lost")).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("add hosts");
                assertThatThrownBy(tx::commit).isInstanceOf(IllegalStateException.class);
                tx.rollback();
            }
            assertThat(tables.hosts()).isEqualTo(HOSTS);
        }

        @Test
        void unitOfWork_afterInvalidInput_staysUsableAndCommits() {
            // Invalid input is refused by the domain before any SQL: no statement failed.
            try (HostTransaction tx = hosts.begin()) {
                tx.add(NewHost.of("kept", "10.0.0.9"));
                assertThatThrownBy(() -> tx.findByHostname("x'; DROP TABLE hosts; --")).isInstanceOf(InvalidInputException.class);
                assertThatThrownBy(() -> tx.findByHostnameIn(List.of("ubuntu", "bad_name"))).isInstanceOf(InvalidInputException.class);
                assertThatThrownBy(() -> tx.updatePortWhereIdGreaterThan(1, 70000)).isInstanceOf(InvalidInputException.class);
                assertThat(tx.count()).isEqualTo(4);
                tx.commit();
            }
            assertThat(tables.hosts()).containsExactly(LOCALHOST, UBUNTU, UBUNTU2, new Host(4, "kept", "10.0.0.9", 22));
        }

        @Test
        void unitOfWork_afterUpdatingAMissingHost_staysUsableAndCommits() {
            // The UPDATE ran and matched no row: nothing failed in the database.
            try (HostTransaction tx = hosts.begin()) {
                assertThatThrownBy(() -> tx.update(99, HostChanges.none().withPort(1))).isInstanceOf(NotFoundException.class);
                tx.add(NewHost.of("after", "10.0.0.3"));
                tx.commit();
            }
            assertThat(tables.hosts()).extracting(Host::hostname).containsExactly("localhost", "ubuntu", "ubuntu2", "after");
        }

        @Test
        void unitAfterCommit_cannotBeUsedAgain() {
            HostTransaction tx = hosts.begin();
            tx.commit();
            assertThatThrownBy(() -> tx.count()).isInstanceOf(IllegalStateException.class);
            tx.close();
        }
    }
}
