package dev.sqlstudy.cache;

import static dev.sqlstudy.contract.SampleData.LOCALHOST;
import static dev.sqlstudy.contract.SampleData.UBUNTU;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlstudy.cache.redis.RedisBackend;
import dev.sqlstudy.contract.TestDatabase;
import dev.sqlstudy.db.Database;
import dev.sqlstudy.domain.Host;
import dev.sqlstudy.jdbc.JdbcRepositories;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Redis backend on the shared server, one key prefix per test: hit, miss, lease, a fill refused
 * after an invalidation, a namespace bump, and values someone else planted under our keys.
 */
class RedisBackendTest {

    private static final CacheKey HOST_1 = Region.HOST_BY_ID.key(1);
    private static final Optional<Host> LOCALHOST_ROW = Optional.of(LOCALHOST);

    private static RedisClient rawClient;
    private static RedisCommands<String, byte[]> raw;
    private RedisBackend redis;

    @BeforeAll
    static void rawConnection() {
        TestRedis.available();
        rawClient = RedisClient.create("redis://" + TestRedis.servers().split(",")[0]);
        raw = rawClient.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE)).sync();
    }

    @AfterAll
    static void closeRaw() {
        if (rawClient != null) {
            rawClient.shutdown();
        }
    }

    @BeforeEach
    void freshCache() {
        redis = TestRedis.fresh();
    }

    @AfterEach
    void dropKeys() {
        if (redis != null) {
            List<String> ours = raw.keys(redis.options().keyPrefix() + ":*");
            if (!ours.isEmpty()) {
                raw.del(ours.toArray(String[]::new));
            }
            redis.close();
        }
    }

    @Test
    void getAll_emptyCache_isAMiss() {
        assertThat(redis.getAll(List.of(HOST_1))).isEmpty();
    }

    @Test
    void fill_withTheLeaseTakenBeforeTheRead_isAHit() {
        Lease lease = redis.lease(HOST_1);
        redis.fill(HOST_1, lease, LOCALHOST_ROW);

        assertThat(lease.isNone()).isFalse();
        assertThat(redis.getAll(List.of(HOST_1))).containsEntry(HOST_1, LOCALHOST_ROW);
    }

    @Test
    void lease_whileAnotherReaderHoldsIt_isRefused() {
        assertThat(redis.lease(HOST_1).isNone()).isFalse();
        assertThat(redis.lease(HOST_1).isNone()).as("a second lease on the same key").isTrue();
    }

    @Test
    void fill_afterAnInvalidation_isRefused() {
        Lease lease = redis.lease(HOST_1);
        redis.invalidate(List.of(HOST_1));   // a writer committed while we read the database
        redis.fill(HOST_1, lease, LOCALHOST_ROW);

        assertThat(redis.getAll(List.of(HOST_1))).as("the late fill landed").isEmpty();
        assertThat(raw.get(redis.keyOf(HOST_1))).as("nothing was stored under the key").isNull();
    }

    @Test
    void fill_afterAnInvalidationAndANewLease_replacesOnlyItsOwnToken() {
        Lease stale = redis.lease(HOST_1);
        redis.invalidate(List.of(HOST_1));
        Lease fresh = redis.lease(HOST_1);
        redis.fill(HOST_1, stale, Optional.of(UBUNTU));
        assertThat(redis.getAll(List.of(HOST_1))).as("the stale reader's fill").isEmpty();

        redis.fill(HOST_1, fresh, LOCALHOST_ROW);
        assertThat(redis.getAll(List.of(HOST_1))).containsEntry(HOST_1, LOCALHOST_ROW);
    }

    @Test
    void invalidateNamespace_makesEveryFilledValueUnreadable_andNewFillsReadable() {
        CacheKey host2 = Region.HOST_BY_ID.key(2);
        redis.fill(HOST_1, redis.lease(HOST_1), LOCALHOST_ROW);
        redis.fill(host2, redis.lease(host2), Optional.of(UBUNTU));

        redis.invalidate(Namespace.HOSTS);
        assertThat(redis.getAll(List.of(HOST_1, host2))).as("after the bump").isEmpty();

        redis.fill(HOST_1, redis.lease(HOST_1), LOCALHOST_ROW);
        assertThat(redis.getAll(List.of(HOST_1, host2))).containsOnlyKeys(HOST_1);
    }

    @Test
    void fill_whoseLeaseWasTakenBeforeABump_isNeverRead() {
        Lease before = redis.lease(HOST_1);
        redis.invalidate(Namespace.HOSTS);
        redis.fill(HOST_1, before, LOCALHOST_ROW);

        assertThat(redis.getAll(List.of(HOST_1))).isEmpty();
    }

    @Test
    void keys_arePrefixedVersionedValid_andShareASlotWithTheirGeneration() {
        for (Region region : Region.values()) {
            for (String id : List.of("1", "ubuntu", "a very long hostname with spaces and ünïcode " + "x".repeat(300), "{braces}")) {
                CacheKey key = region.key(id);
                String redisKey = redis.keyOf(key);
                assertThat(redisKey).startsWith(redis.options().keyPrefix() + ":v1:{" + region.namespace() + ":");
                assertThat(CacheKeys.isValid(redisKey)).as(redisKey).isTrue();
                assertThat(SlotHash.getSlot(redisKey)).as("slot of " + redisKey)
                        .isEqualTo(SlotHash.getSlot(redis.generationKeyOf(key)));
            }
        }
    }

    @Test
    void keyPrefixWithBraces_isHashed_soOurTagStaysTheFirst() {
        try (RedisBackend braces = TestRedis.connection().withKeyPrefix("app{1}")) {
            String key = braces.keyOf(HOST_1);
            assertThat(key).doesNotContain("app{1}").contains(":v1:{hosts:");
            assertThat(SlotHash.getSlot(key)).isEqualTo(SlotHash.getSlot(braces.generationKeyOf(HOST_1)));
        }
    }

    /** Would announce itself if anything ever deserialised it. */
    static final class Gadget implements Serializable {
        private static final long serialVersionUID = 1L;
        static volatile boolean deserialised;

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            deserialised = true;
        }
    }

    @Test
    void plantedJavaSerialisedValue_isCountedAsForeign_neverDecoded_andTheDatabaseAnswers() throws IOException {
        Database database = TestDatabase.H2.open();
        database.reset();
        Gadget.deserialised = false;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new Gadget());
        }
        raw.set(redis.keyOf(HOST_1), bytes.toByteArray());

        try (CachedRepositories cached = new CachedRepositories(new JdbcRepositories(database.dataSource()), redis)) {
            database.statements().reset();
            assertThat(cached.hosts().findById(1)).contains(LOCALHOST);
            assertThat(database.statements().statements()).as("statements of the first read").isEqualTo(1);
            assertThat(Gadget.deserialised).as("the gadget's readObject ran").isFalse();
            assertThat(cached.stats().errors()).as("errors").isEqualTo(1);

            database.statements().reset();
            assertThat(cached.hosts().findById(1)).contains(LOCALHOST);
            assertThat(database.statements().statements()).as("the planted value was replaced by the real row").isZero();
        }
    }

    @Test
    void plantedJsonWithoutOurHeader_isIgnored_andCountedAsAnError() {
        raw.set(redis.keyOf(HOST_1), "{\"id\":1,\"hostname\":\"evil\",\"ipAddr\":\"6.6.6.6\",\"port\":666}"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(redis.getAll(List.of(HOST_1))).isEmpty();
        assertThat(redis.metrics().snapshot().errors()).isEqualTo(1);
        assertThat(removedWithinASecond(redis.keyOf(HOST_1))).as("the planted value is removed").isTrue();
    }

    private static boolean removedWithinASecond(String key) {
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (raw.exists(key) > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return raw.exists(key) == 0;
    }

    @Test
    void plantedHash_underOurKey_isTreatedAsForeign_andNeverBlocksTheLease() {
        raw.hset(redis.keyOf(HOST_1), "id", "1".getBytes(StandardCharsets.US_ASCII));

        assertThat(redis.getAll(List.of(HOST_1))).isEmpty();
        assertThat(redis.lease(HOST_1).isNone()).as("first lease, over the planted hash").isTrue();
        assertThat(redis.metrics().snapshot().errors()).isEqualTo(1);
        assertThat(redis.lease(HOST_1).isNone()).as("once the hash is removed").isFalse();
    }
}
