package dev.sqlstudy.cache;

import static dev.sqlstudy.contract.SampleData.LOCALHOST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlstudy.cache.memcached.MemcachedBackend;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import net.spy.memcached.AddrUtil;
import net.spy.memcached.CachedData;
import net.spy.memcached.MemcachedClient;
import net.spy.memcached.transcoders.Transcoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Someone else writes under our keys: a Java-serialised object (what spymemcached's default
 * transcoder would deserialise — the gadget-chain door) and a JSON look-alike. Neither is decoded
 * into an object; both are counted as errors, removed, and the database answers.
 */
class MemcachedPlantedValueIT extends CacheTestSupport {

    /** Would announce itself if anything ever deserialised it. */
    static final class Gadget implements Serializable {
        private static final long serialVersionUID = 1L;
        static volatile boolean deserialised;

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            deserialised = true;
        }
    }

    /** Writes raw bytes under the flags of our own transcoder. */
    private static final class OurFlags implements Transcoder<byte[]> {
        public boolean asyncDecode(CachedData d) {
            return false;
        }

        public CachedData encode(byte[] o) {
            return new CachedData(0x5351_0001, o, CachedData.MAX_SIZE);
        }

        public byte[] decode(CachedData d) {
            return d.getData();
        }

        public int getMaxSize() {
            return CachedData.MAX_SIZE;
        }
    }

    private MemcachedClient attacker;

    MemcachedPlantedValueIT() {
        super(CacheKind.MEMCACHED);
    }

    @BeforeEach
    void attackerClient() throws IOException {
        attacker = new MemcachedClient(AddrUtil.getAddresses(String.join(",", TestCaches.memcachedServers())));
        Gadget.deserialised = false;
    }

    @AfterEach
    void closeAttacker() {
        // null when the memcached leg was skipped before the attacker connected
        if (attacker != null) {
            attacker.shutdown(1, TimeUnit.SECONDS);
        }
    }

    private String keyOfHost1() {
        return ((MemcachedBackend) cached.backend()).keyOf(Region.HOST_BY_ID.key(1));
    }

    @Test
    void plantedJavaSerialisedObject_isNeverDeserialised_andTheDatabaseAnswers() throws Exception {
        assertThat(attacker.set(keyOfHost1(), 60, new Gadget()).get(1, TimeUnit.SECONDS)).isTrue();

        assertThat(statementsOf(() -> assertThat(hosts.findById(1)).contains(LOCALHOST))).isEqualTo(1);
        assertThat(Gadget.deserialised).as("the gadget's readObject ran").isFalse();
        assertThat(cached.stats().errors()).isEqualTo(1);
        assertThat(drainEvents()).contains("error hosts:id:1");
        assertThat(statementsOf(() -> assertThat(hosts.findById(1)).contains(LOCALHOST)))
                .as("the planted item was replaced by the real row").isZero();
    }

    @Test
    void plantedJsonUnderOurFlags_withoutOurHeader_isIgnored() throws Exception {
        byte[] json = "{\"id\":1,\"hostname\":\"evil\",\"ipAddr\":\"6.6.6.6\",\"port\":666}".getBytes(StandardCharsets.UTF_8);
        assertThat(attacker.set(keyOfHost1(), 60, json, new OurFlags()).get(1, TimeUnit.SECONDS)).isTrue();

        assertThat(hosts.findById(1)).contains(LOCALHOST);
        assertThat(cached.stats().errors()).isEqualTo(1);
    }
}
