package dev.sqlstudy.stack;

import dev.sqlstudy.cache.CacheKind;
import dev.sqlstudy.cache.CacheSettings;
import dev.sqlstudy.db.Database;
import dev.sqlstudy.db.DatabaseConfig;
import dev.sqlstudy.domain.HostChanges;
import dev.sqlstudy.domain.Repositories;
import dev.sqlstudy.stack.NativeCacheGuaranteesIT.FrameworkCache;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The other process of {@code NativeCacheGuaranteesIT.AcrossProcesses}: a JVM of its own that
 * opens one framework cache's repositories (or raw JDBC behind one of our decorators) over the shared
 * database and sets host 2's port, then exits. Run by {@link #run}, with the test's class path.
 */
final class WriterProcess {

    private WriterProcess() {
    }

    /**
     * {@code <FrameworkCache | decorator:CacheKind> <url> <user> <password> <port> [memcached servers] [key prefix] [redis servers]}.
     */
    public static void main(String[] args) {
        HostChanges change = HostChanges.none().withPort(Integer.parseInt(args[4]));
        try (Database database = Database.open(DatabaseConfig.of(args[1], args[2], args[3]))) {
            if (args[0].startsWith("decorator:")) {
                CacheSettings settings = CacheSettings.defaults().withMemcachedServers(args[5]).withKeyPrefix(args[6])
                        .withRedisServers(args[7]);
                try (Stack stack = Stack.over(database, Impl.JDBC, CacheKind.parse(args[0].substring(10)), settings)) {
                    stack.hosts().update(2, change);
                }
            } else {
                try (Repositories repositories = FrameworkCache.valueOf(args[0]).factory(database.dataSource())) {
                    repositories.hosts().update(2, change);
                }
            }
        }
        // The memcached adapter's static client has non-daemon threads.
        System.exit(0);
    }

    /** Our decorator {@code cache} over raw JDBC, with {@code settings}'s servers and prefix, in a new JVM. */
    static void run(CacheKind cache, CacheSettings settings, DatabaseConfig config, int port)
            throws IOException, InterruptedException {
        run("decorator:" + cache, config, port, settings.memcachedServers(), settings.keyPrefix(), settings.redisServers());
    }

    /** Runs the writer in a new JVM and waits for it; fails unless it exits 0 within a minute. */
    static void run(FrameworkCache cache, DatabaseConfig config, int port) throws IOException, InterruptedException {
        run(cache.name(), config, port);
    }

    private static void run(String cache, DatabaseConfig config, int port, String... more)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dmemcached.properties.filename=" + System.getProperty("memcached.properties.filename", "memcached.properties"),
                WriterProcess.class.getName(), cache, config.jdbcUrl(), config.user(), config.password(),
                Integer.toString(port)));
        command.addAll(List.of(more));
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the writer process did not finish in 60 s");
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("the writer process exited " + process.exitValue());
        }
    }
}
