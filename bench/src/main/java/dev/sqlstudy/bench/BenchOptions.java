package dev.sqlstudy.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code ./study bench} asks for.
 *
 * @param quick            the quick run: in-process, short iterations (a few minutes on 2 cores)
 * @param outDir           where {@code results.json}, {@code report.md} and {@code report.html} go
 *                         ({@code bench-out} when null)
 * @param databases        {@code --db} specs: {@code mem}, {@code h2}, {@code jdbc:mysql://…}
 *                         (credentials from {@code STUDY_DB_USER} / {@code STUDY_DB_PASSWORD});
 *                         {@code h2} when empty
 * @param memcachedServers {@code host:port[,host:port…]}, or null for no memcached legs
 * @param redisServers     {@code host:port[,host:port…]} (one server, or Redis Cluster seeds), or null
 *                         for no Redis legs
 */
public record BenchOptions(boolean quick, Path outDir, List<String> databases, String memcachedServers,
                           String redisServers) {

    /** Without Redis. */
    public BenchOptions(boolean quick, Path outDir, List<String> databases, String memcachedServers) {
        this(quick, outDir, databases, memcachedServers, null);
    }

    public BenchOptions {
        redisServers = redisServers == null || redisServers.isBlank() ? null : redisServers.strip();
        outDir = outDir == null ? Path.of("bench-out") : outDir;
        databases = databases == null || databases.isEmpty() ? List.of("h2") : List.copyOf(databases);
        memcachedServers = memcachedServers == null || memcachedServers.isBlank() ? null : memcachedServers.strip();
    }
}
