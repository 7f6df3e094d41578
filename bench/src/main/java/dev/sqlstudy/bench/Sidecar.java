package dev.sqlstudy.bench;

import dev.sqlstudy.cache.CacheStats;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What JMH does not measure — SQL statements and cache events during the measured iterations —
 * passed from the JVM that ran the trial (a fork, or this one) to the runner as JSON lines in a
 * file named by the system property {@value #PROPERTY}.
 */
final class Sidecar {

    static final String PROPERTY = "sqlstudy.bench.sidecar";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Counters of one trial's measured iterations.
     *
     * @param size    the trial's {@code size} parameter (0: the workload's standard size)
     * @param threads the threads the trial ran with
     */
    record Counts(String benchmark, String db, String impl, String cache, long ops, long statements,
                  long commits, CacheStats cacheStats, String heapAndGc, int size, int threads) {

        Counts plus(Counts o) {
            return new Counts(benchmark, db, impl, cache, ops + o.ops, statements + o.statements,
                    commits + o.commits, cacheStats.plus(o.cacheStats), heapAndGc, size, threads);
        }
    }

    private Sidecar() {
    }

    static synchronized void write(Counts counts) {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        try {
            Files.writeString(Path.of(file), JSON.writeValueAsString(counts) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Counts> read(Path file) {
        List<Counts> all = new ArrayList<>();
        if (!Files.exists(file)) {
            return all;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    all.add(JSON.readValue(line, Counts.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }
}
