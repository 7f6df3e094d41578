package dev.sqlstudy.stack;

import dev.sqlstudy.db.Database;
import dev.sqlstudy.db.DatabaseConfig;
import dev.sqlstudy.domain.HostChanges;
import dev.sqlstudy.domain.Repositories;
import dev.sqlstudy.stack.NativeCacheGuaranteesTest.FrameworkCache;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The other process of {@code NativeCacheGuaranteesTest.AcrossProcesses}: a JVM of its own that
 * opens one framework cache's repositories over the shared database and sets host 2's port, then
 * exits. Run by {@link #run}, with the test's class path.
 */
final class WriterProcess {

    private WriterProcess() {
    }

    public static void main(String[] args) {
        FrameworkCache cache = FrameworkCache.valueOf(args[0]);
        try (Database database = Database.open(DatabaseConfig.of(args[1], args[2], args[3]));
             Repositories repositories = cache.factory(database.dataSource())) {
            repositories.hosts().update(2, HostChanges.none().withPort(Integer.parseInt(args[4])));
        }
        // The memcached adapter's static client has non-daemon threads.
        System.exit(0);
    }

    /** Runs the writer in a new JVM and waits for it; fails unless it exits 0 within a minute. */
    static void run(FrameworkCache cache, DatabaseConfig config, int port) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dmemcached.properties.filename=" + System.getProperty("memcached.properties.filename", "memcached.properties"),
                WriterProcess.class.getName(), cache.name(), config.jdbcUrl(), config.user(), config.password(),
                Integer.toString(port));
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
