package dev.sqlstudy.bench;

import dev.sqlstudy.cache.memcached.MemcachedBackend;
import dev.sqlstudy.cache.memcached.MemcachedOptions;
import java.io.IOException;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import net.spy.memcached.MemcachedClient;

/**
 * A raw spymemcached client with the cache layer's own client settings
 * ({@link MemcachedBackend#clientSettings}: binary protocol, Ketama consistent hashing, failure mode
 * Cancel, the default operation timeout), so a baseline differs from a cached hit only by what the
 * decorator and the backend do around the round trip.
 */
final class Memcached {

    /** The settings of every client made here. */
    static final MemcachedOptions OPTIONS = MemcachedOptions.defaults();

    static {
        // spymemcached logs every connection to stderr unless told to use a logging API.
        if (System.getProperty("net.spy.log.LoggerImpl") == null) {
            System.setProperty("net.spy.log.LoggerImpl", "net.spy.memcached.compat.log.SLF4JLogger");
        }
    }

    private Memcached() {
    }

    /** What the clients made here are, in words, for the report. */
    static String clientSettings() {
        return MemcachedBackend.describeClientSettings(OPTIONS);
    }

    /** A connected client: returns once every server has answered a version request. */
    static MemcachedClient client(String servers) throws IOException {
        MemcachedClient client = new MemcachedClient(MemcachedBackend.clientSettings(OPTIONS).build(),
                new ArrayList<>(MemcachedBackend.parseServers(servers)));
        client.getVersions();
        return client;
    }

    /**
     * Each server's version, checked with a round trip (set and get of a probe key).
     *
     * @throws IllegalStateException naming what failed, when a server does not answer
     */
    static Map<String, String> probe(String servers) {
        MemcachedClient client;
        try {
            client = client(servers);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot reach memcached at " + servers + ": " + e.getMessage(), e);
        }
        try {
            Map<String, String> versions = new TreeMap<>();
            Map<SocketAddress, String> answered = client.getVersions();
            answered.forEach((address, version) -> versions.put(address.toString().replaceFirst("^[^/]*/", ""), version));
            if (versions.isEmpty() || versions.size() < servers.split(",").length) {
                throw new IllegalStateException("memcached at " + servers + " did not answer (versions: " + versions + ")");
            }
            client.set("sqlstudy-bench:probe", 60, "ok").get(2, TimeUnit.SECONDS);
            if (!"ok".equals(client.get("sqlstudy-bench:probe"))) {
                throw new IllegalStateException("memcached at " + servers + " did not return what was set");
            }
            return versions;
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("memcached at " + servers + " failed a round trip: " + e, e);
        } finally {
            client.shutdown(1, TimeUnit.SECONDS);
        }
    }
}
