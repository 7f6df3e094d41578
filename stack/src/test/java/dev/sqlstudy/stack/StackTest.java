package dev.sqlstudy.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlstudy.cache.CacheKind;
import dev.sqlstudy.cache.CacheSettings;
import dev.sqlstudy.cache.CacheStats;
import dev.sqlstudy.container.ContainerKind;
import dev.sqlstudy.domain.DatabaseUnavailableException;
import dev.sqlstudy.domain.Host;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StackTest {

    private static final StudyEnvironment NO_VARIABLES = StudyEnvironment.of(Map.of());

    @ParameterizedTest(name = "impl={0}")
    @EnumSource(Impl.class)
    void open_inMemory_servesTheSampleData(Impl impl) {
        try (Stack stack = Stack.open(DbTarget.parse("mem", null, null, NO_VARIABLES), impl)) {
            stack.database().reset();
            assertThat(stack.hosts().findById(1)).contains(new Host(1, "localhost", "127.0.0.1", 22));
        }
    }

    @Test
    void parse_unknownImpl_namesTheChoices() {
        assertThatThrownBy(() -> Impl.parse("jpa"))
                .hasMessageStartingWith("unknown implementation 'jpa' (one of jdbc");
    }

    @Test
    void parse_unknownCache_namesTheChoices() {
        assertThatThrownBy(() -> CacheKind.parse("ehcache"))
                .hasMessageStartingWith("unknown cache 'ehcache' (one of none, caffeine, memcached, redis");
    }

    @Test
    void parse_dbThatIsNeitherAKeywordNorAUrl_isRejected() {
        assertThatThrownBy(() -> DbTarget.parse("postgres", null, null, NO_VARIABLES))
                .hasMessageContaining("--db must be h2, mem, container[:mysql|:mariadb] or a JDBC URL");
    }

    @Test
    void parse_containerOfAKind_runsThatKindsImageFromTheEnvironmentOrTheOfficialOne() {
        StudyEnvironment environment = StudyEnvironment.of(Map.of("STUDY_MARIADB_IMAGE", "sqlstudy/mariadb:10.11"));

        assertThat(DbTarget.parse("container:mariadb", null, null, environment).container())
                .isEqualTo(new DbTarget.Container(ContainerKind.MARIADB, "sqlstudy/mariadb:10.11"));
        assertThat(DbTarget.parse("container:mysql", null, null, environment).container())
                .isEqualTo(new DbTarget.Container(ContainerKind.MYSQL, "mysql:9.7"));
    }

    @Test
    void parse_plainContainer_runsStudyContainerImageWhicheverServerItHolds() {
        StudyEnvironment environment = StudyEnvironment.of(Map.of("STUDY_CONTAINER_IMAGE", "sqlstudy/mariadb:10.11"));

        assertThat(DbTarget.parse("container", null, null, environment).container())
                .isEqualTo(new DbTarget.Container(null, "sqlstudy/mariadb:10.11"));
    }

    @Test
    void parse_containerOfAnUnknownKind_namesTheOptionAndTheChoices() {
        assertThatThrownBy(() -> DbTarget.parse("container:postgres", null, null, NO_VARIABLES))
                .hasMessage("--db container:postgres: unknown container kind 'postgres' (use mysql or mariadb)");
    }

    @Test
    void parse_h2_keepsItsFileUnderStudyHomeFromTheEnvironmentGiven() {
        DbTarget h2 = DbTarget.parse("h2", null, null, StudyEnvironment.of(Map.of("STUDY_HOME", "/tmp/study-home")));

        assertThat(h2.config().jdbcUrl()).contains(Path.of("/tmp/study-home", "sqlstudy").toString());
    }

    @Test
    void parse_jdbcUrl_takesCredentialsFromTheEnvironmentUnlessGivenAsOptions() {
        StudyEnvironment environment = StudyEnvironment.of(Map.of("STUDY_DB_USER", "alice", "STUDY_DB_PASSWORD", "secret"));

        assertThat(DbTarget.parse("jdbc:mysql://db:3306/x", null, null, environment).config().user()).isEqualTo("alice");
        assertThat(DbTarget.parse("jdbc:mysql://db:3306/x", "bob", "pw", environment).config().user()).isEqualTo("bob");
    }

    @Test
    void cacheSettings_memcachedServers_comeFromStudyMemcachedOrTheDefault() {
        assertThat(NO_VARIABLES.cacheSettings().memcachedServers()).isEqualTo(CacheSettings.DEFAULT_MEMCACHED);
        assertThat(StudyEnvironment.of(Map.of("STUDY_MEMCACHED", " 10.0.0.1:11311 ")).cacheSettings().memcachedServers())
                .isEqualTo("10.0.0.1:11311");
    }

    @Test
    void cacheSettings_redisServers_comeFromStudyRedisOrTheDefault() {
        assertThat(NO_VARIABLES.cacheSettings().redisServers()).isEqualTo(CacheSettings.DEFAULT_REDIS);
        assertThat(StudyEnvironment.of(Map.of("STUDY_REDIS", "127.0.0.1:7000,127.0.0.1:7001")).cacheSettings().redisServers())
                .isEqualTo("127.0.0.1:7000,127.0.0.1:7001");
    }

    @Test
    void open_unreachableServer_failsFastAsUnavailable() {
        DbTarget nowhere = DbTarget.parse("jdbc:mysql://127.0.0.1:1/none", "u", "p", NO_VARIABLES);
        assertThatThrownBy(() -> Stack.open(nowhere, Impl.JDBC))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageStartingWith("cannot connect to jdbc:mysql://127.0.0.1:1/none");
    }

    @Test
    void cacheStats_withoutACache_areZero() {
        try (Stack stack = Stack.open(DbTarget.parse("mem", null, null, NO_VARIABLES), Impl.JDBC)) {
            stack.hosts().findById(1);
            assertThat(stack.cacheStats()).isEqualTo(CacheStats.ZERO);
        }
    }

    @ParameterizedTest(name = "cache={0}")
    @EnumSource(value = CacheKind.class, names = "CAFFEINE")
    void cacheStats_countTheStacksOwnHitsAndMisses(CacheKind cache) {
        try (Stack stack = Stack.open(DbTarget.parse("mem", null, null, NO_VARIABLES), Impl.JDBC, cache, CacheSettings.defaults())) {
            stack.hosts().findById(1);
            CacheStats afterMiss = stack.cacheStats();
            stack.hosts().findById(1);

            assertThat(afterMiss.misses()).isEqualTo(1);
            assertThat(stack.cacheStats().minus(afterMiss)).isEqualTo(new CacheStats(1, 0, 0, 0, 0, 0));
        }
    }
}
