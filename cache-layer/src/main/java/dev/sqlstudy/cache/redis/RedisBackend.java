package dev.sqlstudy.cache.redis;

import dev.sqlstudy.cache.CacheBackend;
import dev.sqlstudy.cache.CacheEvent.Type;
import dev.sqlstudy.cache.CacheKey;
import dev.sqlstudy.cache.CacheKeys;
import dev.sqlstudy.cache.CacheMetrics;
import dev.sqlstudy.cache.JsonCodec;
import dev.sqlstudy.cache.Lease;
import dev.sqlstudy.cache.Namespace;
import dev.sqlstudy.cache.remote.Circuits;
import dev.sqlstudy.cache.remote.Deadline;
import dev.sqlstudy.cache.remote.DirtyServers;
import dev.sqlstudy.cache.remote.ItemFormat;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared backend on Redis through Lettuce: one server, or a Redis Cluster
 * ({@link RedisOptions#cluster()}, implied by several servers). The rules are the memcached
 * backend's, written with Redis commands:
 *
 * <p><b>Keys and values</b>: {@code prefix:v1:{namespace:tag}:region:id} ({@link CacheKeys#redis}); a
 * namespace's keys are spread over {@value #TAGS} hash tags, and each (namespace, tag) has its own
 * generation counter {@code prefix:v1:{namespace:tag}:gen:0} in the same cluster slot as the values it
 * validates. A hit is one {@code MGET} of the value keys and their counters. Values are
 * {@link ItemFormat}'s ({@code SQS1} + generation + JSON); anything else under our keys is counted,
 * logged and removed — never decoded.
 *
 * <p><b>Leases</b>: on a miss the reader stores a random token with {@code SET key token NX PX lease}
 * before it reads the database, and fills with a short Lua script ({@link #REPLACE_SCRIPT}, by
 * {@code EVALSHA}, {@code EVAL} when the server answers {@code NOSCRIPT}) that replaces the key only if
 * it still holds that token. An invalidation is a {@code DEL}, which removes the token: a fill whose
 * read began before a writer's commit never lands after its invalidation. A namespace bump
 * {@code INCR}s the namespace's {@value #TAGS} counters.
 *
 * <p><b>Fail-open</b>: every call waits at most {@link RedisOptions#operationTimeout()}; a failure is
 * counted, the first of an outage logged as a warning, and the database answers. The circuit per
 * server ({@link Circuits}: per cluster master) opens at the first failure and probes again after
 * {@link RedisOptions#retryAfter()}; an invalidation that could not reach a server is applied before
 * that server is used again ({@link DirtyServers}: every generation on it bumped). A server that is
 * down when the backend connects is no error: the backend keeps trying, and its keys miss meanwhile.
 *
 * <p><b>Ownership</b>: the backend {@link #connect} returns owns its Lettuce client, its connection and
 * its client resources (event loops, timers) and releases all of them on {@link #close()}. A
 * {@link #withKeyPrefix} view owns nothing: closing it releases nothing.
 */
public final class RedisBackend implements CacheBackend {

    private static final Logger log = LoggerFactory.getLogger(RedisBackend.class);

    /**
     * How many hash tags a namespace's keys are spread over: the number of slots (so of cluster
     * masters) they can use, and the number of counters a bump increments.
     */
    public static final int TAGS = 16;

    /**
     * The compare-and-set of a fill (and of a lease replacing a stale value): replaces the key only if
     * it still holds exactly the bytes the caller expects. Atomic on the server, so no invalidation
     * can fall between the check and the write.
     */
    static final String REPLACE_SCRIPT = """
            -- KEYS[1]: a value key; ARGV[1]: the bytes expected there (our lease token, or the stale item
            -- we read); ARGV[2]: what replaces them; ARGV[3]: its time to live in milliseconds.
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
              return 1
            end
            return 0
            """;

    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    /** The proof a lease holder shows when it fills: the key and the token it stored there. */
    private record Token(String key, byte[] bytes) {
    }

    private final Connection connection;
    private final boolean owner;
    private final RedisOptions options;
    private final CacheMetrics metrics = new CacheMetrics();
    private final ItemFormat format = new ItemFormat(new JsonCodec());
    private final SecureRandom random = new SecureRandom();
    /** For each namespace, the key of its generation counter for each hash tag. */
    private final Map<Namespace, String[]> generationKeys = new EnumMap<>(Namespace.class);
    private final DirtyServers<String> dirty;

    private RedisBackend(Connection connection, boolean owner, RedisOptions options) {
        this.connection = connection;
        this.owner = owner;
        this.options = options;
        this.dirty = new DirtyServers<>(connection.circuits, metrics, this::recover);
        for (Namespace namespace : Namespace.values()) {
            String[] keys = new String[TAGS];
            for (int tag = 0; tag < TAGS; tag++) {
                keys[tag] = CacheKeys.redisGeneration(options.keyPrefix(), namespace, tag);
            }
            generationKeys.put(namespace, keys);
        }
    }

    /**
     * Connects to {@code servers} ({@code host:port[,host:port…]}: one server, or seed nodes of a
     * Redis Cluster) and waits up to the connect timeout; a server that is down is not an error — its
     * keys miss until it answers. The backend returned <b>owns</b> the client: {@link #close()} releases
     * its connections and its threads.
     *
     * @throws IllegalArgumentException if {@code servers} is not a list of {@code host:port}
     */
    public static RedisBackend connect(String servers, RedisOptions options) {
        Connection connection = new Connection(uris(servers, options), options);
        connection.awaitFirstConnection(options.connectTimeout());
        return new RedisBackend(connection, true, options);
    }

    /** {@link #connect(String, RedisOptions)} with its own key prefix: a separate cache that owns its client. */
    public static RedisBackend connect(String servers, RedisOptions options, String keyPrefix) {
        return connect(servers, options.withKeyPrefix(keyPrefix));
    }

    // ------------------------------------------------ the client settings, shared with raw clients

    /*
     * The Lettuce settings the backend connects with, public so that a raw client can talk to Redis
     * exactly as the backend does (the benchmark's raw GET / MGET baselines): same resources, same
     * client options, same URIs, same codec. The backend adds only its own connection handling.
     */

    /** The servers as URIs, with the connect timeout as the handshake's bound and the client name. */
    public static List<RedisURI> uris(String servers, RedisOptions options) {
        List<RedisURI> uris = parseServers(servers);
        for (RedisURI uri : uris) {
            uri.setTimeout(options.connectTimeout());   // the handshake's bound
            uri.setClientName(options.clientName());
        }
        return uris;
    }

    /**
     * Client resources of their own (2 I/O and 2 computation threads, reconnect back-off from 50 ms
     * up to the retry delay): whoever creates them shuts them down, so nothing outlives a close.
     */
    public static ClientResources clientResources(RedisOptions options) {
        return DefaultClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), options.retryAfter(), 2, TimeUnit.MILLISECONDS))
                .build();
    }

    private static SocketOptions socketOptions(RedisOptions options) {
        return SocketOptions.builder().connectTimeout(options.connectTimeout()).keepAlive(true).build();
    }

    /**
     * A standalone client's options: commands expire after the operation timeout, so a hung server
     * never piles up work behind the circuit, and are rejected at once while disconnected.
     */
    public static ClientOptions clientOptions(RedisOptions options) {
        return ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(socketOptions(options))
                .timeoutOptions(TimeoutOptions.enabled(options.operationTimeout()))
                .build();
    }

    /**
     * A cluster client's options. Not REJECT_COMMANDS here: the cluster client opens its node
     * connections lazily and would reject the first command to each. A command to a dead master
     * waits (at most the operation timeout) and opens that master's circuit instead.
     */
    public static ClusterClientOptions clusterClientOptions(RedisOptions options) {
        return ClusterClientOptions.builder()
                .autoReconnect(true)
                .socketOptions(socketOptions(options))
                .timeoutOptions(TimeoutOptions.enabled(options.operationTimeout()))
                .build();
    }

    /** True when the backend talks to {@code uris} as a Redis Cluster: asked for, or several servers given. */
    public static boolean cluster(List<RedisURI> uris, RedisOptions options) {
        return options.cluster() || uris.size() > 1;
    }

    /** String keys (UTF-8), byte[] values: the codec of every connection the backend opens. */
    public static RedisCodec<String, byte[]> codec() {
        return CODEC;
    }

    /** {@link #clientOptions} / {@link #clusterClientOptions} in words, for a report. */
    public static String describeClientSettings(RedisOptions options, boolean cluster) {
        return "Lettuce " + (cluster ? "RedisClusterClient" : "RedisClient") + ", RESP over one shared connection, "
                + "command timeout " + options.operationTimeout().toMillis() + " ms, connect timeout "
                + options.connectTimeout().toMillis() + " ms, auto-reconnect (back-off 50 ms to "
                + options.retryAfter().toSeconds() + " s)" + (cluster ? "" : ", commands rejected while disconnected")
                + ", codec String keys / byte[] values, client resources of its own (2 I/O threads)";
    }

    /** {@link #connect(String, RedisOptions)} with {@link RedisOptions#defaults()}. */
    public static RedisBackend connect(String servers) {
        return connect(servers, RedisOptions.defaults());
    }

    /**
     * A <b>non-owning view</b> on this backend's connection with its own key prefix and statistics: a
     * separate cache on the same servers (a fresh cache per test). Closing the view releases
     * nothing; the connection lives until the backend that {@link #connect connected} is closed, after
     * which the view's calls fail open. Prefer {@link #connect(String, RedisOptions, String)} when the
     * caller should own what it opens.
     */
    public RedisBackend withKeyPrefix(String keyPrefix) {
        return new RedisBackend(connection, false, options.withKeyPrefix(keyPrefix));
    }

    /** True for a backend that {@link #connect connected} (closing it releases the client). */
    public boolean ownsConnection() {
        return owner;
    }

    static List<RedisURI> parseServers(String servers) {
        if (servers == null || servers.isBlank()) {
            throw new IllegalArgumentException("redis servers must be host:port[,host:port…], was empty");
        }
        List<RedisURI> uris = new ArrayList<>();
        for (String server : servers.split(",")) {
            String spec = server.strip();
            int colon = spec.lastIndexOf(':');
            if (colon <= 0 || colon == spec.length() - 1) {
                throw new IllegalArgumentException("redis server must be host:port, was '" + spec + "'");
            }
            int port;
            try {
                port = Integer.parseInt(spec.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("redis port must be a number, was '" + spec + "'");
            }
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("redis port must be 1-65535, was '" + spec + "'");
            }
            String host = spec.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            uris.add(RedisURI.create(host, port));
        }
        return uris;
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public CacheMetrics metrics() {
        return metrics;
    }

    public RedisOptions options() {
        return options;
    }

    /** True when the servers are a Redis Cluster. */
    public boolean isCluster() {
        return connection.cluster;
    }

    /** The Redis key {@code key} is stored under. */
    public String keyOf(CacheKey key) {
        return keyOf(key, tagOf(key));
    }

    private String keyOf(CacheKey key, int tag) {
        return CacheKeys.redis(options.keyPrefix(), key, tag);
    }

    /** The key of the generation counter that validates {@code key}'s value (same hash tag, same slot). */
    public String generationKeyOf(CacheKey key) {
        return generationKeyOf(key, tagOf(key));
    }

    private String generationKeyOf(CacheKey key, int tag) {
        return generationKeys.get(key.namespace())[tag];
    }

    /** The server {@code key} lives on ({@code 127.0.0.1:6379}): in a cluster, the master of its slot. */
    public String serverOf(CacheKey key) {
        return connection.serverOf(keyOf(key));
    }

    /** Spreads a namespace's keys over its tags; {@link String#hashCode()} is the same in every JVM. */
    private static int tagOf(CacheKey key) {
        return Math.floorMod((key.region() + ":" + key.id()).hashCode(), TAGS);
    }

    // ---------------------------------------------------------------- the port

    @Override
    public Map<CacheKey, Object> getAll(Collection<CacheKey> keys) {
        Map<CacheKey, Object> found = new HashMap<>();
        RedisClusterAsyncCommands<String, byte[]> commands = connection.commands();
        if (commands == null) {
            keys.forEach(key -> metrics.record(Type.ERROR, key));
            return found;
        }
        Deadline deadline = Deadline.after(options.operationTimeout());
        // One MGET per server; in a cluster one per hash tag, since an MGET must stay in one slot.
        Map<String, Map<String, List<CacheKey>>> groups = new LinkedHashMap<>();
        for (CacheKey key : keys) {
            String group = connection.cluster ? key.namespace() + ":" + tagOf(key) : "";
            groups.computeIfAbsent(serverOf(key), s -> new LinkedHashMap<>())
                    .computeIfAbsent(group, g -> new ArrayList<>()).add(key);
        }
        record Request(String server, List<CacheKey> keys, RedisFuture<List<KeyValue<String, byte[]>>> reply) {
        }
        List<Request> requests = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<CacheKey>>> byServer : groups.entrySet()) {
            String server = byServer.getKey();
            if (!usable(server)) {
                byServer.getValue().values().forEach(group -> group.forEach(key -> metrics.record(Type.ERROR, key)));
                continue;
            }
            for (List<CacheKey> group : byServer.getValue().values()) {
                Set<String> wanted = new LinkedHashSet<>();
                group.forEach(key -> {
                    wanted.add(keyOf(key));
                    wanted.add(generationKeyOf(key));
                });
                requests.add(new Request(server, group, commands.mget(wanted.toArray(String[]::new))));
            }
        }
        for (Request request : requests) {
            Map<String, byte[]> items = new HashMap<>();
            try {
                for (KeyValue<String, byte[]> item : request.reply().get(deadline.remainingNanos(), TimeUnit.NANOSECONDS)) {
                    if (item.hasValue()) {
                        items.put(item.getKey(), item.getValue());
                    }
                }
                succeeded(request.server());
            } catch (Exception e) {
                request.reply().cancel(false);
                failed(request.server(), e);
                request.keys().forEach(key -> metrics.record(Type.ERROR, key));
                continue;
            }
            for (CacheKey key : request.keys()) {
                ItemFormat.Read read = format.read(key.region(), items.get(keyOf(key)),
                        ItemFormat.generation(items.get(generationKeyOf(key))));
                if (read.isForeign()) {
                    foreign(commands, key, read.foreign());
                } else if (read.isHit()) {
                    found.put(key, read.value());
                }
            }
        }
        return found;
    }

    /**
     * A point read: one {@code MGET} of the value and its generation (same hash tag, so one slot
     * and one server in a cluster too), the key built once and no per-call maps — the hit path the
     * benchmark holds to a raw {@code GET}. Same rules as {@link #getAll}.
     */
    @Override
    public Object get(CacheKey key) {
        RedisClusterAsyncCommands<String, byte[]> commands = connection.commands();
        if (commands == null) {
            metrics.record(Type.ERROR, key);
            return null;
        }
        // The tag once for both keys: tagOf builds a string and hashes it.
        int tag = tagOf(key);
        String redisKey = keyOf(key, tag);
        String server = connection.serverOf(redisKey);
        if (!usable(server)) {
            metrics.record(Type.ERROR, key);
            return null;
        }
        String generationKey = generationKeyOf(key, tag);
        RedisFuture<List<KeyValue<String, byte[]>>> reply = commands.mget(redisKey, generationKey);
        List<KeyValue<String, byte[]>> items;
        try {
            items = reply.get(options.operationTimeout().toNanos(), TimeUnit.NANOSECONDS);
            succeeded(server);
        } catch (Exception e) {
            reply.cancel(false);
            failed(server, e);
            metrics.record(Type.ERROR, key);
            return null;
        }
        // MGET answers in the order asked: the value, then the generation.
        KeyValue<String, byte[]> value = items.get(0);
        KeyValue<String, byte[]> generation = items.get(1);
        ItemFormat.Read read = format.read(key.region(), value.hasValue() ? value.getValue() : null,
                ItemFormat.generation(generation.hasValue() ? generation.getValue() : null));
        if (read.isForeign()) {
            foreign(commands, key, read.foreign());
            return null;
        }
        return read.isHit() ? read.value() : null;
    }

    private void foreign(RedisClusterAsyncCommands<String, byte[]> commands, CacheKey key, String why) {
        metrics.record(Type.ERROR, key);
        log.warn("redis: ignored the value under {} ({}); not decoded, removed", keyOf(key), why);
        commands.del(keyOf(key));   // not waited for: the next lease replaces it anyway
    }

    @Override
    public Lease lease(CacheKey key) {
        String redisKey = keyOf(key);
        String server = connection.serverOf(redisKey);
        RedisClusterAsyncCommands<String, byte[]> commands = connection.commands();
        if (commands == null || !usable(server)) {
            metrics.record(Type.ERROR, key);
            return Lease.NONE;
        }
        Deadline deadline = Deadline.after(options.operationTimeout());
        String generationKey = generationKeyOf(key);
        byte[] token = format.newLease(random);
        try {
            // Same slot (same hash tag): both go to one server, one round trip.
            RedisFuture<String> set = commands.set(redisKey, token, SetArgs.Builder.nx().px(options.leaseTime()));
            RedisFuture<byte[]> current = commands.get(generationKey);
            boolean leased = "OK".equals(set.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS));
            Long generation = ItemFormat.generation(current.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS));
            if (generation == null) {
                generation = startGeneration(commands, generationKey, deadline);
            }
            if (!leased) {
                leased = replaceStale(commands, key, redisKey, token, generation, deadline);
            }
            succeeded(server);
            return leased && generation != null ? new Lease(new Token(redisKey, token), generation) : Lease.NONE;
        } catch (Exception e) {
            failed(server, e);
            metrics.record(Type.ERROR, key);
            return Lease.NONE;
        }
    }

    /**
     * The key already holds something. Another reader's lease or a current value: leave it (we read
     * the database without filling). A stale generation or a foreign value: swap our token in, by the
     * compare-and-set script against exactly what we read.
     */
    private boolean replaceStale(RedisClusterAsyncCommands<String, byte[]> commands, CacheKey key, String redisKey,
                                 byte[] token, Long generation, Deadline deadline) throws Exception {
        byte[] item;
        try {
            item = commands.get(redisKey).get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RedisCommandExecutionException refused && String.valueOf(refused.getMessage()).startsWith("WRONGTYPE")) {
                foreign(commands, key, "a Redis value that is not a string");
                return false;
            }
            throw e;
        }
        if (item == null) {
            return "OK".equals(commands.set(redisKey, token, SetArgs.Builder.nx().px(options.leaseTime()))
                    .get(deadline.remainingNanos(), TimeUnit.NANOSECONDS));
        }
        if (format.isLeaseOrCurrent(item, generation)) {
            return false;
        }
        return replace(commands, redisKey, item, token, options.leaseTime(), deadline);
    }

    @Override
    public void fill(CacheKey key, Lease lease, Object value) {
        if (lease.isNone()) {
            return;
        }
        Token token = (Token) lease.token();
        String server = connection.serverOf(token.key());
        RedisClusterAsyncCommands<String, byte[]> commands = connection.commands();
        if (commands == null || !usable(server)) {
            metrics.record(Type.ERROR, key);
            return;
        }
        byte[] item = format.value(key.region(), lease.generation(), value);
        Deadline deadline = Deadline.after(options.operationTimeout());
        try {
            // Our token gone means an invalidation came after our database read began: the script does nothing.
            replace(commands, token.key(), token.bytes(), item, options.timeToLive(), deadline);
            succeeded(server);
        } catch (Exception e) {
            failed(server, e);
            metrics.record(Type.ERROR, key);
        }
    }

    /** Runs {@link #REPLACE_SCRIPT}: {@code key} becomes {@code replacement} if it holds {@code expected}. */
    private boolean replace(RedisClusterAsyncCommands<String, byte[]> commands, String key, byte[] expected,
                            byte[] replacement, Duration ttl, Deadline deadline) throws Exception {
        String[] keys = {key};
        byte[][] args = {expected, replacement, Long.toString(ttl.toMillis()).getBytes(StandardCharsets.US_ASCII)};
        Long replaced;
        try {
            replaced = commands.<Long>evalsha(connection.scriptSha, ScriptOutputType.INTEGER, keys, args)
                    .get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof RedisNoScriptException)) {
                throw e;
            }
            // A server that has not seen the script (new, restarted, SCRIPT FLUSH): EVAL runs and caches it.
            replaced = commands.<Long>eval(REPLACE_SCRIPT, ScriptOutputType.INTEGER, keys, args)
                    .get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
        }
        return replaced != null && replaced == 1L;
    }

    @Override
    public void invalidate(Collection<CacheKey> keys) {
        Map<String, List<String>> byServer = new LinkedHashMap<>();
        keys.forEach(key -> byServer.computeIfAbsent(serverOf(key), s -> new ArrayList<>()).add(keyOf(key)));
        run(byServer, RedisClusterAsyncCommands::del);
    }

    @Override
    public void invalidate(Namespace namespace) {
        Map<String, List<String>> byServer = new LinkedHashMap<>();
        for (String generationKey : generationKeys.get(namespace)) {
            byServer.computeIfAbsent(connection.serverOf(generationKey), s -> new ArrayList<>()).add(generationKey);
        }
        run(byServer, RedisClusterAsyncCommands::incr);
    }

    private interface KeyCommand {
        RedisFuture<Long> send(RedisClusterAsyncCommands<String, byte[]> commands, String key);
    }

    /** An invalidation: {@code command} on each key; a server it cannot reach is marked dirty. */
    private void run(Map<String, List<String>> byServer, KeyCommand command) {
        RedisClusterAsyncCommands<String, byte[]> commands = connection.commands();
        Deadline deadline = Deadline.after(options.operationTimeout());
        Map<String, List<RedisFuture<Long>>> sent = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> group : byServer.entrySet()) {
            String server = group.getKey();
            if (commands == null || !usable(server)) {
                dirty.markDirty(server);
                continue;
            }
            List<RedisFuture<Long>> futures = new ArrayList<>();
            group.getValue().forEach(key -> futures.add(command.send(commands, key)));
            sent.put(server, futures);
        }
        sent.forEach((server, futures) -> {
            try {
                for (RedisFuture<Long> future : futures) {
                    future.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
                }
                succeeded(server);
            } catch (Exception e) {
                failed(server, e);
                dirty.markDirty(server);
            }
        });
    }

    @Override
    public void close() {
        if (owner) {
            connection.close();
        }
    }

    @Override
    public String toString() {
        return "RedisBackend[" + connection.describe() + ", prefix=" + options.keyPrefix() + (owner ? "" : ", view") + "]";
    }

    // ---------------------------------------------------------------- generations

    /**
     * A counter that is missing (never used, evicted, or the server restarted empty) starts at a
     * random value: values tagged with a generation of the lost counter then never match again.
     */
    private Long startGeneration(RedisClusterAsyncCommands<String, byte[]> commands, String generationKey,
                                 Deadline deadline) throws Exception {
        long start = ItemFormat.startingGeneration(random);
        String set = commands.set(generationKey, ItemFormat.counter(start), SetArgs.Builder.nx())
                .get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
        return "OK".equals(set) ? Long.valueOf(start)
                : ItemFormat.generation(commands.get(generationKey).get(deadline.remainingNanos(), TimeUnit.NANOSECONDS));
    }

    /**
     * Bumps every generation counter on {@code server}: what it kept from before is never read. In a
     * cluster that has not connected yet the server is the seed list, and every counter is bumped.
     */
    private void recover(String server) throws Exception {
        RedisClusterAsyncCommands<String, byte[]> commands = connection.commands();
        if (commands == null) {
            throw new IOException("not connected");
        }
        Deadline deadline = Deadline.after(options.operationTimeout());
        boolean everywhere = server.equals(connection.seedId);
        List<RedisFuture<Long>> bumps = new ArrayList<>();
        for (String[] keys : generationKeys.values()) {
            for (String key : keys) {
                if (everywhere || connection.serverOf(key).equals(server)) {
                    bumps.add(commands.incr(key));
                }
            }
        }
        for (RedisFuture<Long> bump : bumps) {
            bump.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
        }
    }

    // ---------------------------------------------------------------- servers and circuits

    /**
     * May this call use {@code server}? Not while its circuit is open; a server this backend failed to
     * invalidate on is made safe first. In a cluster, invalidations missed before the first connection
     * (marked on the seed list) are applied before any master is used.
     */
    private boolean usable(String server) {
        if (connection.cluster && dirty.isDirty(connection.seedId) && !server.equals(connection.seedId)
                && !dirty.usable(connection.seedId)) {
            return false;
        }
        return dirty.usable(server);
    }

    private void succeeded(String server) {
        connection.circuits.succeeded(server);
    }

    private void failed(String server, Exception cause) {
        connection.circuits.failed(server, cause);
    }

    /**
     * The Lettuce client, its resources, its one connection (standalone or cluster) and the circuits,
     * shared by the owning backend and its views. Connects lazily: a server down at start is retried
     * when its circuit allows, and Lettuce reconnects a connection it once had by itself.
     */
    private static final class Connection {
        final boolean cluster;
        /** The server of a standalone backend; the seed list of a cluster (its circuit guards connecting). */
        final String seedId;
        final ClientResources resources;
        final AbstractRedisClient client;
        final List<RedisURI> uris;
        final Circuits<String> circuits;
        final String scriptSha = sha1Hex(REPLACE_SCRIPT);
        private final Object lock = new Object();
        private volatile StatefulConnection<String, byte[]> connection;
        private volatile RedisClusterAsyncCommands<String, byte[]> commands;
        private CompletableFuture<? extends StatefulConnection<String, byte[]>> connecting;
        private volatile boolean closed;

        Connection(List<RedisURI> uris, RedisOptions options) {
            this.uris = uris;
            this.cluster = cluster(uris, options);
            String list = String.join(",", uris.stream().map(u -> u.getHost() + ":" + u.getPort()).toList());
            this.seedId = cluster ? "cluster(" + list + ")" : list;
            this.circuits = new Circuits<>("redis", options.failureThreshold(), options.retryAfter(), log);
            this.resources = clientResources(options);
            if (cluster) {
                RedisClusterClient clusterClient = RedisClusterClient.create(resources, uris);
                clusterClient.setOptions(clusterClientOptions(options));
                this.client = clusterClient;
            } else {
                RedisClient redisClient = RedisClient.create(resources);
                redisClient.setOptions(clientOptions(options));
                this.client = redisClient;
            }
            synchronized (lock) {
                startConnecting();
            }
        }

        /** The commands, or null while not connected (a connection attempt is then under way or started). */
        RedisClusterAsyncCommands<String, byte[]> commands() {
            RedisClusterAsyncCommands<String, byte[]> current = commands;
            if (current != null || closed) {
                return current;
            }
            synchronized (lock) {
                if (commands == null && !closed && connecting == null && circuits.allows(seedId)) {
                    startConnecting();
                }
                return commands;
            }
        }

        private void startConnecting() {
            // The cluster client's connectAsync needs the topology already loaded (Lettuce 7 throws
            // "Partitions not initialized"); its connect() loads it, so it runs on a thread of its own.
            CompletableFuture<? extends StatefulConnection<String, byte[]>> future = cluster
                    ? CompletableFuture.supplyAsync(() -> ((RedisClusterClient) client).connect(CODEC), Connection::daemon)
                    : ((RedisClient) client).connectAsync(CODEC, uris.get(0)).toCompletableFuture();
            connecting = future;
            future.whenComplete(this::adopt);
        }

        private void adopt(StatefulConnection<String, byte[]> connected, Throwable error) {
            synchronized (lock) {
                connecting = null;
                if (error != null) {
                    circuits.failed(seedId, error instanceof Exception e ? e : new Exception(error));
                    return;
                }
                if (closed) {
                    connected.closeAsync();
                    return;
                }
                connection = connected;
                commands = connected instanceof StatefulRedisClusterConnection<String, byte[]> c ? c.async()
                        : ((StatefulRedisConnection<String, byte[]>) connected).async();
                circuits.succeeded(seedId);
            }
        }

        /** Waits for the first connection; a server not up by then is down until it answers. */
        void awaitFirstConnection(Duration timeout) {
            CompletableFuture<?> first;
            synchronized (lock) {
                first = connecting;
            }
            if (first == null) {
                return;
            }
            try {
                first.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                circuits.failed(seedId, new TimeoutException("no answer within " + timeout.toMillis() + " ms"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // counted and logged by adopt()
            }
        }

        /** The server a key lives on: the standalone server, or the master that serves its slot. */
        String serverOf(String key) {
            if (cluster && connection instanceof StatefulRedisClusterConnection<String, byte[]> c) {
                RedisClusterNode master = c.getPartitions().getMasterBySlot(SlotHash.getSlot(key));
                return master == null ? "slot " + SlotHash.getSlot(key) + " (no master)"
                        : master.getUri().getHost() + ":" + master.getUri().getPort();
            }
            return seedId;
        }

        String describe() {
            return seedId + (commands == null ? " (not connected)" : "");
        }

        /** Closes the connection, shuts the client and its resources down: no socket, no thread left. */
        void close() {
            StatefulConnection<String, byte[]> open;
            synchronized (lock) {
                if (closed) {
                    return;
                }
                closed = true;
                open = connection;
                commands = null;
            }
            if (open != null) {
                open.close();
            }
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            resources.shutdown(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
        }

        private static void daemon(Runnable task) {
            Thread thread = new Thread(task, "redis-cluster-connect");
            thread.setDaemon(true);
            thread.start();
        }

        private static String sha1Hex(String script) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-1", e);
            }
        }
    }
}
