package dev.sqlstudy.bench;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sqlstudy.cache.memcached.ByteTranscoder;
import dev.sqlstudy.domain.Host;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.spy.memcached.MemcachedClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The reference points the cache goals are measured against: what the cache technology costs on
 * its own, without a repository, a decorator or a codec in front. Same hot-set size (100 keys) and
 * key order as {@link StackBenchmarks#pointById}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CacheBaselines {

    /**
     * A bare Caffeine read: {@code getIfPresent} on a bounded cache with a time-to-live (the kind
     * the Caffeine decorator uses) holding 100 {@link Host} records. Run:
     * {@code ./mvnw -q -pl bench exec:exec -Dbench.args="--quick --only CacheBaselines.caffeineGet"}.
     */
    @Benchmark
    public Host caffeineGet(CaffeineState s) {
        return s.cache.getIfPresent(s.keys[s.next()]);
    }

    /**
     * One raw spymemcached {@code get} of a 60-byte value with the cache layer's own client settings
     * ({@link Memcached}: binary protocol, Ketama, failure mode Cancel, 250 ms operation timeout, the
     * backend's {@code ByteTranscoder}): the network round trip a memcached-cached hit cannot avoid.
     * Runs only when memcached is given. Run:
     * {@code ./study --memcached 127.0.0.1:11211 bench --quick --only 'CacheBaselines\.memcachedGet$'}.
     */
    @Benchmark
    public byte[] memcachedGet(MemcachedState s) {
        return s.client.get(s.keys[s.next()], s.transcoder);
    }

    /**
     * One raw spymemcached multi-get of two keys — a value and a counter, as a memcached-cached hit
     * asks for its value and its namespace's generation — same client settings: what the hit's
     * round trip costs before the decorator does anything (the difference to {@link #memcachedGet}
     * is the multi-get's, the rest the decorator's). Run:
     * {@code ./study --memcached 127.0.0.1:11211 bench --quick --only 'CacheBaselines\.memcachedGetWithGeneration$'}.
     */
    @Benchmark
    public Map<String, byte[]> memcachedGetWithGeneration(MemcachedState s) throws Exception {
        return s.client.asyncGetBulk(s.transcoder, s.keys[s.next()], MemcachedState.GENERATION)
                .get(s.client.getOperationTimeout(), TimeUnit.MILLISECONDS);
    }

    /**
     * Sixteen raw spymemcached {@code get}s one after the other, same client settings: the reference
     * for a 16-key {@code in} list through the memcached cache. Run:
     * {@code ./study --memcached 127.0.0.1:11211 bench --quick --only 'CacheBaselines\.memcachedGet16$'}.
     */
    @Benchmark
    public void memcachedGet16(MemcachedState s, Blackhole blackhole) {
        int start = s.next();
        for (int i = 0; i < BenchData.IN_LIST; i++) {
            blackhole.consume(s.client.get(s.keys[(start + i) % BenchData.HOT_SET], s.transcoder));
        }
    }

    /**
     * One raw Lettuce {@code GET} of a 60-byte value with the cache layer's own client settings
     * ({@link Redis}: the Redis backend's client options, resources, URIs and codec), over the same
     * 100-key hot set and key order as {@link #memcachedGet}: the round trip a Redis-cached hit cannot
     * avoid. Runs only when Redis is given. Run:
     * {@code ./study --redis 127.0.0.1:6379 bench --quick --only 'CacheBaselines\.redisGet$'}.
     */
    @Benchmark
    public byte[] redisGet(RedisState s) {
        return s.client.commands.get(s.keys[s.next()]);
    }

    /**
     * One raw Lettuce {@code MGET} of 16 keys, same client settings: the reference for a 16-key
     * {@code in} list through the Redis cache (which asks for its values in one {@code MGET} too). Run:
     * {@code ./study --redis 127.0.0.1:6379 bench --quick --only 'CacheBaselines\.redisMget16$'}.
     */
    @Benchmark
    public Object redisMget16(RedisState s) {
        int start = s.next();
        String[] keys = s.lists[start];
        return s.client.commands.mget(keys);
    }

    /** 100 hosts in a bare Caffeine cache. */
    @State(Scope.Benchmark)
    public static class CaffeineState {

        Cache<Integer, Host> cache;
        Integer[] keys;
        private long n;

        @Setup(Level.Trial)
        public void fill() {
            cache = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(10)).build();
            keys = new Integer[BenchData.HOT_SET];
            for (int i = 0; i < BenchData.HOT_SET; i++) {
                keys[i] = 4 + i;
                cache.put(keys[i], new Host(keys[i], BenchData.hostname(i), "10.0.0." + i, 22));
            }
        }

        int next() {
            return (int) ((n++ * 37) % BenchData.HOT_SET);
        }
    }

    /** 100 values in memcached, under keys of the benchmark's own. */
    @State(Scope.Benchmark)
    public static class MemcachedState {

        /** {@code host:port[,host:port…]}. */
        @Param({"none"})
        public String memcached;

        /** A counter beside the values, as each namespace's generation is beside its entries. */
        static final String GENERATION = "sqlstudy-bench:baseline:generation";

        MemcachedClient client;
        /** The memcached backend's own: bytes under its flags. */
        final ByteTranscoder transcoder = new ByteTranscoder();
        String[] keys;
        private long n;

        @Setup(Level.Trial)
        public void fill() throws InterruptedException, ExecutionException, TimeoutException {
            if ("none".equals(memcached)) {
                throw new IllegalStateException("no memcached given");
            }
            try {
                client = Memcached.client(memcached);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            keys = new String[BenchData.HOT_SET];
            for (int i = 0; i < BenchData.HOT_SET; i++) {
                keys[i] = "sqlstudy-bench:baseline:" + i;
                client.set(keys[i], 600, value(i), transcoder).get(5, TimeUnit.SECONDS);
            }
            client.set(GENERATION, 600, "1".getBytes(StandardCharsets.US_ASCII), transcoder).get(5, TimeUnit.SECONDS);
        }

        @TearDown(Level.Trial)
        public void close() {
            if (client != null) {
                ThreadCpuProfiler.noteClientThreads();
                client.shutdown(1, TimeUnit.SECONDS);
            }
        }

        int next() {
            return (int) ((n++ * 37) % BenchData.HOT_SET);
        }
    }

    /** 100 values in Redis, under keys of the benchmark's own. */
    @State(Scope.Benchmark)
    public static class RedisState {

        /** {@code host:port[,host:port…]}. */
        @Param({"none"})
        public String redis;

        Redis client;
        String[] keys;
        /** For each start, the 16 keys from it on: the MGET's argument, made before the measurement. */
        String[][] lists;
        private long n;

        @Setup(Level.Trial)
        public void fill() {
            if ("none".equals(redis)) {
                throw new IllegalStateException("no redis given");
            }
            client = Redis.connect(redis);
            keys = new String[BenchData.HOT_SET];
            for (int i = 0; i < BenchData.HOT_SET; i++) {
                // One hash tag: in a Redis Cluster the 16-key MGET stays in one slot, as the cache's does.
                keys[i] = "sqlstudy-bench:{baseline}:" + i;
                client.commands.setex(keys[i], 600, value(i));
            }
            lists = new String[BenchData.HOT_SET][BenchData.IN_LIST];
            for (int start = 0; start < BenchData.HOT_SET; start++) {
                for (int i = 0; i < BenchData.IN_LIST; i++) {
                    lists[start][i] = keys[(start + i) % BenchData.HOT_SET];
                }
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            if (client != null) {
                ThreadCpuProfiler.noteClientThreads();
                client.close();
            }
        }

        int next() {
            return (int) ((n++ * 37) % BenchData.HOT_SET);
        }
    }

    /** The baselines' value of host {@code i}: about 60 bytes of JSON, the size of a cached host's. */
    static byte[] value(int i) {
        return ("{\"id\":" + (4 + i) + ",\"hostname\":\"" + BenchData.hostname(i)
                + "\",\"ip_addr\":\"10.0.0." + i + "\",\"port\":22}").getBytes(StandardCharsets.UTF_8);
    }
}
