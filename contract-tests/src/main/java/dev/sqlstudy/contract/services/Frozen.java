package dev.sqlstudy.contract.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Waiting for a {@code kill -STOP} to take effect. {@code kill} returns once the signal is sent,
 * not once every thread of the process has stopped: on a busy machine a request sent right after
 * could still be answered, and a test that froze a server would see it answer. So the fault tests'
 * servers ({@link MemcachedProcess}, {@link RedisProcess}) wait until the kernel reports each thread
 * stopped ({@code T} in {@code /proc/<pid>/task/<tid>/stat}); where there is no {@code /proc}, the
 * signal alone has to do.
 */
final class Frozen {

    private static final long TIMEOUT_SECONDS = 2;

    private Frozen() {
    }

    /** Returns once every thread of {@code process} is stopped; fails after 2 s. */
    static void awaitStopped(Process process, String what) {
        Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
        if (!Files.isDirectory(tasks)) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            try (Stream<Path> all = Files.list(tasks)) {
                if (all.allMatch(Frozen::stopped)) {
                    return;
                }
            } catch (IOException e) {
                return; // the process is gone
            }
            Thread.onSpinWait();
        }
        throw new IllegalStateException(what + " " + process.pid() + " did not stop within " + TIMEOUT_SECONDS
                + " s of kill -STOP");
    }

    private static boolean stopped(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state == 'T' || state == 't';
        } catch (IOException e) {
            return true; // the thread is gone
        }
    }
}
