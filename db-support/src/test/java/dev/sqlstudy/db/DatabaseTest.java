package dev.sqlstudy.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlstudy.domain.DatabaseUnavailableException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a database: what a second ./study process sees while the first holds the H2 file. */
class DatabaseTest {

    @Test
    void open_h2FileHeldByAnotherProcessForASecond_waitsAndOpens(@TempDir Path dir) throws Exception {
        DatabaseConfig config = DatabaseConfig.h2File(dir.resolve("study"));
        Process holder = hold(config, 1_500);
        long started = System.nanoTime();
        try (Database database = Database.open(config)) {
            long waitedMs = (System.nanoTime() - started) / 1_000_000;
            assertThat(waitedMs).as("waited for the other process to let go (ms)").isGreaterThan(300);
            assertThat(database.serverVersion()).startsWith("H2");
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    @Test
    void open_h2FileHeldLongerThanTheConnectTimeout_isUnavailableSayingItIsInUse(@TempDir Path dir) throws Exception {
        DatabaseConfig config = DatabaseConfig.h2File(dir.resolve("study"))
                .withTimeouts(Duration.ofSeconds(1), DatabaseConfig.DEFAULT_SOCKET_TIMEOUT);
        Process holder = hold(config, 20_000);
        try {
            long started = System.nanoTime();
            assertThatThrownBy(() -> Database.open(config))
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageContaining("already in use");
            assertThat((System.nanoTime() - started) / 1_000_000).as("gave up after the connect timeout (ms)")
                    .isBetween(900L, 5_000L);
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    /** Starts a JVM that opens the file and holds it for {@code millis}; returns once it holds it. */
    private static Process hold(DatabaseConfig config, long millis) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                HoldH2File.class.getName(), config.jdbcUrl(), String.valueOf(millis))
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the holder process opened the file").isEqualTo("holding");
        return process;
    }
}
