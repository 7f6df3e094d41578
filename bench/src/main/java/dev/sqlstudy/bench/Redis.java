package dev.sqlstudy.bench;

import dev.sqlstudy.cache.redis.RedisBackend;
import dev.sqlstudy.cache.redis.RedisOptions;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.resource.ClientResources;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A raw Lettuce client with the cache layer's own client settings ({@link RedisBackend#clientOptions}
 * or {@link RedisBackend#clusterClientOptions}, {@link RedisBackend#clientResources},
 * {@link RedisBackend#uris}, {@link RedisBackend#codec}), so a baseline differs from a cached hit
 * only by what the decorator and the backend do around the round trip. Closing it releases the
 * connection, the client and its threads.
 */
final class Redis implements AutoCloseable {

    /** The settings of every client made here. */
    static final RedisOptions OPTIONS = RedisOptions.defaults();

    private final ClientResources resources;
    private final AbstractRedisClient client;
    private final StatefulConnection<String, byte[]> connection;
    /** Synchronous commands on the one connection: one round trip per call. */
    final RedisClusterCommands<String, byte[]> commands;

    private Redis(String servers) {
        List<RedisURI> uris = RedisBackend.uris(servers, OPTIONS);
        resources = RedisBackend.clientResources(OPTIONS);
        try {
            if (RedisBackend.cluster(uris, OPTIONS)) {
                RedisClusterClient cluster = RedisClusterClient.create(resources, uris);
                cluster.setOptions(RedisBackend.clusterClientOptions(OPTIONS));
                client = cluster;
                StatefulRedisClusterConnection<String, byte[]> c = cluster.connect(RedisBackend.codec());
                connection = c;
                commands = c.sync();
            } else {
                RedisClient single = RedisClient.create(resources);
                single.setOptions(RedisBackend.clientOptions(OPTIONS));
                client = single;
                StatefulRedisConnection<String, byte[]> c = single.connect(RedisBackend.codec(), uris.get(0));
                connection = c;
                commands = c.sync();
            }
        } catch (RuntimeException e) {
            resources.shutdown(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** A connected client on {@code servers} ({@code host:port[,host:port…]}). */
    static Redis connect(String servers) {
        return new Redis(servers);
    }

    /** What the clients made here are, in words, for the report. */
    static String clientSettings(String servers) {
        return RedisBackend.describeClientSettings(OPTIONS, RedisBackend.cluster(RedisBackend.uris(servers, OPTIONS), OPTIONS));
    }

    /**
     * The server's version ({@code redis_version} of {@code INFO server}; of the first node answering,
     * in a cluster), checked with a round trip (set and get of a probe key).
     *
     * @throws IllegalStateException naming what failed, when the server does not answer
     */
    static String probe(String servers) {
        Redis redis;
        try {
            redis = connect(servers);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot reach redis at " + servers + ": " + BenchRunner.oneLine(e), e);
        }
        try (redis) {
            String info = redis.commands.info("server");
            String version = info.lines().filter(l -> l.startsWith("redis_version:")).map(l -> l.substring(14).strip())
                    .findFirst().orElse("unknown");
            byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
            redis.commands.setex("sqlstudy-bench:probe", 60, ok);
            if (!java.util.Arrays.equals(ok, redis.commands.get("sqlstudy-bench:probe"))) {
                throw new IllegalStateException("redis at " + servers + " did not return what was set");
            }
            return version;
        } catch (IllegalStateException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalStateException("redis at " + servers + " failed a round trip: " + BenchRunner.oneLine(e), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } finally {
            client.shutdown(0, 1, TimeUnit.SECONDS);
            resources.shutdown(0, 1, TimeUnit.SECONDS);
        }
    }
}
