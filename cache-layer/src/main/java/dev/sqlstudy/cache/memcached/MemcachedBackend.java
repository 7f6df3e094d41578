package dev.sqlstudy.cache.memcached;

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
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.spy.memcached.CASResponse;
import net.spy.memcached.CASValue;
import net.spy.memcached.ConnectionFactory;
import net.spy.memcached.ConnectionFactoryBuilder;
import net.spy.memcached.ConnectionObserver;
import net.spy.memcached.DefaultHashAlgorithm;
import net.spy.memcached.FailureMode;
import net.spy.memcached.MemcachedClient;
import net.spy.memcached.MemcachedNode;
import net.spy.memcached.NodeLocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared backend: memcached through spymemcached, over one or several servers placed on a
 * Ketama consistent-hash ring (a server that leaves moves only its own keys).
 *
 * <p><b>Values</b> are {@code SQS1}, the generation they were filled under and the JSON of a domain
 * record, stored under our own flags ({@link ByteTranscoder}); anything else found under our keys
 * is ignored, counted, logged and removed — never decoded.
 *
 * <p><b>Leases</b> (add + cas): on a miss the reader {@code add}s a random token under the key
 * before it reads the database, and fills with {@code gets} + {@code cas} only if its token is still
 * there. A writer's invalidation is a {@code delete}, which removes the token, so a fill whose read
 * began before the writer's commit can never land after the writer's invalidation. A namespace bump
 * {@code incr}s the namespace's generation counter; each server has its own counter for each
 * namespace (found by hashing to it), so a value and the counter that validates it live together
 * and a dead server costs only its own keys.
 *
 * <p><b>Fail-open</b>: every call waits at most {@link MemcachedOptions#operationTimeout()} for all
 * its memcached operations; a failure is counted, logged as a warning when a server goes down, and
 * the database answers. After {@link MemcachedOptions#failureThreshold()} consecutive failures a
 * server's circuit opens: calls skip it without waiting until {@link MemcachedOptions#retryAfter()}
 * has passed, then one call probes it ({@link Circuits}). A delete or bump that could not reach a
 * server marks it "dirty" for this backend: before its keys are used again, every generation on it
 * is bumped, so whatever it kept from before is never read ({@link DirtyServers}). The item format
 * is {@link ItemFormat}'s, shared with the Redis backend.
 */
public final class MemcachedBackend implements CacheBackend {

    private static final Logger log = LoggerFactory.getLogger(MemcachedBackend.class);

    /** The connection and the per-server circuits, shared by every view ({@link #withKeyPrefix}). */
    private static final class Connection {
        final MemcachedClient client;
        final NodeLocator locator;
        final Map<SocketAddress, MemcachedNode> nodes = new HashMap<>();
        /** The server when there is exactly one, else null: {@code nodeOf} then needs no hash. */
        final MemcachedNode onlyNode;
        final Circuits<SocketAddress> circuits;

        Connection(MemcachedClient client, MemcachedOptions options) {
            this.client = client;
            this.locator = client.getNodeLocator();
            Collection<MemcachedNode> all = locator.getAll();
            all.forEach(node -> nodes.put(node.getSocketAddress(), node));
            this.onlyNode = all.size() == 1 ? all.iterator().next() : null;
            this.circuits = new Circuits<>("memcached", options.failureThreshold(), options.retryAfter(), log);
        }
    }

    /** The proof a lease holder shows when it fills: the key and the token it added there. */
    private record Token(String key, byte[] bytes) {
    }

    private final Connection connection;
    private final boolean ownsConnection;
    private final MemcachedOptions options;
    private final CacheMetrics metrics = new CacheMetrics();
    private final ItemFormat format = new ItemFormat(new JsonCodec());
    private final ByteTranscoder transcoder = new ByteTranscoder();
    private final SecureRandom random = new SecureRandom();
    /** For each namespace, the key of its generation counter on each server. */
    private final Map<Namespace, Map<SocketAddress, String>> generationKeys = new EnumMap<>(Namespace.class);
    /** Servers an invalidation of this backend could not reach; repaired by {@link #recover}. */
    private final DirtyServers<SocketAddress> dirty;

    private MemcachedBackend(Connection connection, boolean ownsConnection, MemcachedOptions options) {
        this.connection = connection;
        this.ownsConnection = ownsConnection;
        this.options = options;
        this.dirty = new DirtyServers<>(connection.circuits, metrics, address -> recover(address));
        for (Namespace namespace : Namespace.values()) {
            generationKeys.put(namespace, generationKeysOf(namespace));
        }
    }

    /**
     * Connects to {@code servers} ({@code host:port[,host:port…]}) and waits up to the connect
     * timeout for the connections; a server that is down is not an error — its keys miss until it
     * answers.
     *
     * @throws IllegalArgumentException if {@code servers} is not a list of {@code host:port}
     */
    public static MemcachedBackend connect(String servers, MemcachedOptions options) {
        List<InetSocketAddress> addresses = parseServers(servers);
        // spymemcached logs to stderr by itself; route it through SLF4J unless told otherwise.
        if (System.getProperty("net.spy.log.LoggerImpl") == null) {
            System.setProperty("net.spy.log.LoggerImpl", "net.spy.memcached.compat.log.SLF4JLogger");
        }
        CountDownLatch connected = new CountDownLatch(addresses.size());
        ConnectionObserver observer = new ConnectionObserver() {
            @Override
            public void connectionEstablished(SocketAddress address, int reconnectCount) {
                connected.countDown();
                log.debug("memcached {} connected (reconnect {})", address, reconnectCount);
            }

            @Override
            public void connectionLost(SocketAddress address) {
                log.debug("memcached {} connection lost", address);
            }
        };
        ConnectionFactory factory = clientSettings(options).setInitialObservers(List.of(observer)).build();
        MemcachedClient client;
        try {
            client = new MemcachedClient(factory, new ArrayList<>(addresses));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the memcached client for " + servers + ": " + e.getMessage(), e);
        }
        try {
            if (!connected.await(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                // Not a warning of its own: the first call to a server that is down warns, with the reason.
                log.debug("memcached: not every server of {} answered within {} ms; their keys go to the database until they do",
                        servers, options.connectTimeout().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new MemcachedBackend(new Connection(client, options), true, options);
    }

    /**
     * The spymemcached client settings this backend connects with, for anyone who needs a client
     * that talks to memcached exactly as the backend does (the benchmark's raw-get baselines): the
     * binary protocol, Ketama consistent hashing, {@link FailureMode#Cancel}, the operation timeout
     * of {@code options} and a reconnect back-off capped at its retry delay, daemon threads.
     * {@link #connect} adds only its connection observer. Values go through {@link ByteTranscoder}.
     */
    public static ConnectionFactoryBuilder clientSettings(MemcachedOptions options) {
        return new ConnectionFactoryBuilder()
                .setProtocol(ConnectionFactoryBuilder.Protocol.BINARY)
                // Ketama: each server owns many points on a hash ring; a key goes to the next point.
                .setLocatorType(ConnectionFactoryBuilder.Locator.CONSISTENT)
                .setHashAlg(DefaultHashAlgorithm.KETAMA_HASH)
                // A key whose server is down fails at once (then misses); Redistribute would send it
                // to another server, where a stale copy could outlive the outage.
                .setFailureMode(FailureMode.Cancel)
                .setOpTimeout(options.operationTimeout().toMillis())
                .setMaxReconnectDelay(Math.max(1, options.retryAfter().toSeconds()))
                .setDaemon(true);
    }

    /** {@link #clientSettings} in words, for a report: {@code binary protocol, Ketama …}. */
    public static String describeClientSettings(MemcachedOptions options) {
        return "spymemcached, binary protocol, Ketama consistent hashing, failure mode Cancel, operation timeout "
                + options.operationTimeout().toMillis() + " ms, reconnect back-off at most "
                + Math.max(1, options.retryAfter().toSeconds()) + " s, ByteTranscoder (bytes under flags 0x"
                + Integer.toHexString(ByteTranscoder.FLAGS) + ")";
    }

    /** {@link #connect(String, MemcachedOptions)} with {@link MemcachedOptions#defaults()}. */
    public static MemcachedBackend connect(String servers) {
        return connect(servers, MemcachedOptions.defaults());
    }

    /**
     * A backend on the same connection with its own key prefix and statistics: a separate cache on
     * the same servers (a fresh cache per test or per benchmark run). Closing it leaves the
     * connection open; closing the backend that connected closes it.
     */
    public MemcachedBackend withKeyPrefix(String keyPrefix) {
        return new MemcachedBackend(connection, false, options.withKeyPrefix(keyPrefix));
    }

    /**
     * {@code host:port[,host:port…]} as addresses, checked as {@link #connect} checks them.
     *
     * @throws IllegalArgumentException naming the part that is not a {@code host:port}
     */
    public static List<InetSocketAddress> parseServers(String servers) {
        if (servers == null || servers.isBlank()) {
            throw new IllegalArgumentException("memcached servers must be host:port[,host:port…], was empty");
        }
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (String server : servers.split(",")) {
            String spec = server.strip();
            int colon = spec.lastIndexOf(':');
            if (colon <= 0 || colon == spec.length() - 1) {
                throw new IllegalArgumentException("memcached server must be host:port, was '" + spec + "'");
            }
            int port;
            try {
                port = Integer.parseInt(spec.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("memcached port must be a number, was '" + spec + "'");
            }
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("memcached port must be 1-65535, was '" + spec + "'");
            }
            String host = spec.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            addresses.add(new InetSocketAddress(host, port));
        }
        return addresses;
    }

    @Override
    public String name() {
        return "memcached";
    }

    @Override
    public CacheMetrics metrics() {
        return metrics;
    }

    public MemcachedOptions options() {
        return options;
    }

    /** The memcached key {@code key} is stored under. */
    public String keyOf(CacheKey key) {
        return CacheKeys.memcached(options.keyPrefix(), key);
    }

    /** The server {@code key} lives on ({@code /127.0.0.1:11211}): Ketama decides. */
    public String serverOf(CacheKey key) {
        return nodeOf(keyOf(key)).getSocketAddress().toString();
    }

    // ---------------------------------------------------------------- the port

    @Override
    public Map<CacheKey, Object> getAll(Collection<CacheKey> keys) {
        Map<CacheKey, Object> found = new HashMap<>();
        Deadline deadline = Deadline.after(options.operationTimeout());
        Map<MemcachedNode, List<CacheKey>> byNode = groupByNode(keys);
        Map<MemcachedNode, Future<Map<String, byte[]>>> requests = new LinkedHashMap<>();
        for (Map.Entry<MemcachedNode, List<CacheKey>> group : byNode.entrySet()) {
            MemcachedNode node = group.getKey();
            if (!usable(node)) {
                group.getValue().forEach(key -> metrics.record(Type.ERROR, key));
                continue;
            }
            Set<String> wanted = new LinkedHashSet<>();
            for (CacheKey key : group.getValue()) {
                wanted.add(keyOf(key));
                wanted.add(generationKey(key.namespace(), node));
            }
            try {
                requests.put(node, connection.client.asyncGetBulk(wanted, transcoder));
            } catch (RuntimeException e) {   // the client refuses work: shut down, or its queue is full
                failed(node, e);
                group.getValue().forEach(key -> metrics.record(Type.ERROR, key));
            }
        }
        for (Map.Entry<MemcachedNode, Future<Map<String, byte[]>>> request : requests.entrySet()) {
            MemcachedNode node = request.getKey();
            Map<String, byte[]> items;
            try {
                items = request.getValue().get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
                succeeded(node);
            } catch (Exception e) {
                request.getValue().cancel(false);
                failed(node, e);
                byNode.get(node).forEach(key -> metrics.record(Type.ERROR, key));
                continue;
            }
            for (CacheKey key : byNode.get(node)) {
                Object value = read(key, items.get(keyOf(key)), generation(items.get(generationKey(key.namespace(), node))));
                if (value != null) {
                    found.put(key, value);
                }
            }
        }
        return found;
    }

    /**
     * A point read: the value and its namespace's generation in one multi-get from the one server
     * Ketama places the key on — the key built and hashed once, no per-call maps (the hit path the
     * benchmark holds to a raw get). Same rules as {@link #getAll}.
     */
    @Override
    public Object get(CacheKey key) {
        String memcachedKey = keyOf(key);
        MemcachedNode node = nodeOf(memcachedKey);
        if (!usable(node)) {
            metrics.record(Type.ERROR, key);
            return null;
        }
        String generationKey = generationKey(key.namespace(), node);
        Future<Map<String, byte[]>> request;
        try {
            request = connection.client.asyncGetBulk(transcoder, memcachedKey, generationKey);
        } catch (RuntimeException e) {   // the client refuses work: shut down, or its queue is full
            failed(node, e);
            metrics.record(Type.ERROR, key);
            return null;
        }
        Map<String, byte[]> items;
        try {
            items = request.get(options.operationTimeout().toNanos(), TimeUnit.NANOSECONDS);
            succeeded(node);
        } catch (Exception e) {
            request.cancel(false);
            failed(node, e);
            metrics.record(Type.ERROR, key);
            return null;
        }
        return read(key, items.get(memcachedKey), generation(items.get(generationKey)));
    }

    /** The value in {@code item}, or null for none, a lease, a stale generation or a foreign item. */
    private Object read(CacheKey key, byte[] item, Long generation) {
        ItemFormat.Read read = format.read(key.region(), item, generation);
        if (read.isForeign()) {
            foreign(key, read.foreign());
        }
        return read.value();
    }

    private void foreign(CacheKey key, String why) {
        metrics.record(Type.ERROR, key);
        log.warn("memcached: ignored the item under {} ({}); not decoded, removed", keyOf(key), why);
        try {
            connection.client.delete(keyOf(key));
        } catch (RuntimeException e) {
            log.debug("memcached: could not remove {}: {}", keyOf(key), e.getMessage());
        }
    }

    @Override
    public Lease lease(CacheKey key) {
        String memcachedKey = keyOf(key);
        MemcachedNode node = nodeOf(memcachedKey);
        if (!usable(node)) {
            metrics.record(Type.ERROR, key);
            return Lease.NONE;
        }
        Deadline deadline = Deadline.after(options.operationTimeout());
        String generationKey = generationKey(key.namespace(), node);
        byte[] token = format.newLease(random);
        int leaseSeconds = (int) options.leaseTime().toSeconds();
        try {
            Future<Boolean> added = connection.client.add(memcachedKey, leaseSeconds, token, transcoder);
            Future<byte[]> current = connection.client.asyncGet(generationKey, transcoder);
            boolean leased = added.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
            Long generation = generation(current.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS));
            if (generation == null) {
                generation = startGeneration(generationKey, deadline);
            }
            if (!leased) {
                leased = replaceStale(key, memcachedKey, token, generation, deadline);
            }
            succeeded(node);
            return leased && generation != null ? new Lease(new Token(memcachedKey, token), generation) : Lease.NONE;
        } catch (Exception e) {
            failed(node, e);
            metrics.record(Type.ERROR, key);
            return Lease.NONE;
        }
    }

    /**
     * The key already holds an item. Another reader's lease or a current value: leave it (we read
     * the database without filling). A stale generation or a foreign item: swap our token in with cas.
     */
    private boolean replaceStale(CacheKey key, String memcachedKey, byte[] token, Long generation, Deadline deadline)
            throws Exception {
        CASValue<byte[]> item = connection.client.asyncGets(memcachedKey, transcoder).get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
        if (item == null) {
            return connection.client.add(memcachedKey, (int) options.leaseTime().toSeconds(), token, transcoder)
                    .get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
        }
        if (format.isLeaseOrCurrent(item.getValue(), generation)) {
            return false;
        }
        return connection.client.asyncCAS(memcachedKey, item.getCas(), (int) options.leaseTime().toSeconds(), token, transcoder)
                .get(deadline.remainingNanos(), TimeUnit.NANOSECONDS) == CASResponse.OK;
    }

    @Override
    public void fill(CacheKey key, Lease lease, Object value) {
        if (lease.isNone()) {
            return;
        }
        Token token = (Token) lease.token();
        MemcachedNode node = nodeOf(token.key());
        if (!usable(node)) {
            metrics.record(Type.ERROR, key);
            return;
        }
        byte[] item = format.value(key.region(), lease.generation(), value);
        if (item.length > transcoder.getMaxSize()) {
            log.debug("memcached: {} is {} bytes, over the item size limit; not cached", key, item.length);
            return;
        }
        Deadline deadline = Deadline.after(options.operationTimeout());
        try {
            CASValue<byte[]> current = connection.client.asyncGets(token.key(), transcoder)
                    .get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
            // Our token gone means an invalidation came after our database read began: do not fill.
            if (current != null && Arrays.equals(current.getValue(), token.bytes())) {
                connection.client.asyncCAS(token.key(), current.getCas(), (int) options.timeToLive().toSeconds(), item, transcoder)
                        .get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
            }
            succeeded(node);
        } catch (Exception e) {
            failed(node, e);
            metrics.record(Type.ERROR, key);
        }
    }

    @Override
    public void invalidate(Collection<CacheKey> keys) {
        Deadline deadline = Deadline.after(options.operationTimeout());
        Map<MemcachedNode, List<CacheKey>> byNode = groupByNode(keys);
        Map<MemcachedNode, List<Future<Boolean>>> deletes = new LinkedHashMap<>();
        for (Map.Entry<MemcachedNode, List<CacheKey>> group : byNode.entrySet()) {
            MemcachedNode node = group.getKey();
            if (!usable(node)) {
                markDirty(node);
                continue;
            }
            List<Future<Boolean>> futures = new ArrayList<>();
            try {
                group.getValue().forEach(key -> futures.add(connection.client.delete(keyOf(key))));
                deletes.put(node, futures);
            } catch (RuntimeException e) {
                failed(node, e);
                markDirty(node);
            }
        }
        for (Map.Entry<MemcachedNode, List<Future<Boolean>>> request : deletes.entrySet()) {
            try {
                for (Future<Boolean> delete : request.getValue()) {
                    delete.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
                }
                succeeded(request.getKey());
            } catch (Exception e) {
                failed(request.getKey(), e);
                markDirty(request.getKey());
            }
        }
    }

    @Override
    public void invalidate(Namespace namespace) {
        Deadline deadline = Deadline.after(options.operationTimeout());
        Map<MemcachedNode, Future<Long>> bumps = new LinkedHashMap<>();
        for (MemcachedNode node : connection.locator.getAll()) {
            if (!usable(node)) {
                markDirty(node);
                continue;
            }
            try {
                bumps.put(node, connection.client.asyncIncr(generationKey(namespace, node), 1L));
            } catch (RuntimeException e) {
                failed(node, e);
                markDirty(node);
            }
        }
        bumps.forEach((node, bump) -> {
            try {
                // -1: no counter (evicted or never used); the next reader starts a random one.
                bump.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
                succeeded(node);
            } catch (Exception e) {
                failed(node, e);
                markDirty(node);
            }
        });
    }

    @Override
    public void close() {
        if (ownsConnection) {
            connection.client.shutdown(options.operationTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public String toString() {
        return "MemcachedBackend[" + connection.locator.getAll().stream()
                .map(n -> n.getSocketAddress().toString()).toList() + ", prefix=" + options.keyPrefix() + "]";
    }

    // ---------------------------------------------------------------- generations

    /** For each server, a counter key that Ketama places on it (found by trying slots in order). */
    private Map<SocketAddress, String> generationKeysOf(Namespace namespace) {
        Collection<MemcachedNode> nodes = connection.locator.getAll();
        Map<SocketAddress, String> keys = new HashMap<>();
        for (int slot = 0; keys.size() < nodes.size() && slot < 100_000; slot++) {
            String key = CacheKeys.generation(options.keyPrefix(), namespace, slot);
            keys.putIfAbsent(nodeOf(key).getSocketAddress(), key);
        }
        return keys;
    }

    private String generationKey(Namespace namespace, MemcachedNode node) {
        return generationKeys.get(namespace).get(node.getSocketAddress());
    }

    private static Long generation(byte[] counter) {
        return ItemFormat.generation(counter);
    }

    /**
     * A namespace counter that is missing (never used, or evicted) starts at a random value: values
     * tagged with a generation of the lost counter then never match again.
     */
    private Long startGeneration(String generationKey, Deadline deadline) throws Exception {
        long start = ItemFormat.startingGeneration(random);
        boolean added = connection.client.add(generationKey, 0, ItemFormat.counter(start), transcoder)
                .get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
        return added ? Long.valueOf(start)
                : generation(connection.client.asyncGet(generationKey, transcoder).get(deadline.remainingNanos(), TimeUnit.NANOSECONDS));
    }

    // ---------------------------------------------------------------- servers and circuits

    private MemcachedNode nodeOf(String memcachedKey) {
        MemcachedNode only = connection.onlyNode;
        // One server: Ketama can only answer it, so skip the MD5 (the client hashes the key again to send it).
        return only != null ? only : connection.locator.getPrimary(memcachedKey);
    }

    private Map<MemcachedNode, List<CacheKey>> groupByNode(Collection<CacheKey> keys) {
        Map<SocketAddress, MemcachedNode> nodes = new HashMap<>();
        Map<MemcachedNode, List<CacheKey>> byNode = new LinkedHashMap<>();
        for (CacheKey key : keys) {
            MemcachedNode node = nodes.computeIfAbsent(nodeOf(keyOf(key)).getSocketAddress(), a -> nodeOf(keyOf(key)));
            byNode.computeIfAbsent(node, n -> new ArrayList<>()).add(key);
        }
        return byNode;
    }

    /**
     * May this call use {@code node}? Not while it is disconnected or its circuit is open; a server
     * this backend failed to invalidate on is made safe first ({@link #recover}) or not used.
     */
    private boolean usable(MemcachedNode node) {
        if (!node.isActive()) {
            failed(node, new IOException("not connected"));
            return false;
        }
        return dirty.usable(node.getSocketAddress());
    }

    /** Bumps every namespace's generation on {@code address}: what it kept from before is never read. */
    private void recover(SocketAddress address) throws Exception {
        Deadline deadline = Deadline.after(options.operationTimeout());
        MemcachedNode node = connection.nodes.get(address);
        List<Future<Long>> bumps = new ArrayList<>();
        for (Namespace namespace : Namespace.values()) {
            bumps.add(connection.client.asyncIncr(generationKey(namespace, node), 1L));
        }
        for (Future<Long> bump : bumps) {
            bump.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void markDirty(MemcachedNode node) {
        dirty.markDirty(node.getSocketAddress());
    }

    private void succeeded(MemcachedNode node) {
        connection.circuits.succeeded(node.getSocketAddress());
    }

    private void failed(MemcachedNode node, Exception cause) {
        connection.circuits.failed(node.getSocketAddress(), cause);
    }
}
