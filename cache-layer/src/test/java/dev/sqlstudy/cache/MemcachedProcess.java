package dev.sqlstudy.cache;

import dev.sqlstudy.contract.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.opentest4j.TestAbortedException;

/**
 * A private memcached server on a free loopback port, started and stopped by a test. Skips the
 * test without the {@code memcached} binary, and fails it when {@code CI=true}.
 */
final class MemcachedProcess implements AutoCloseable {

    private final int port;
    private Process process;

    private MemcachedProcess(int port) {
        this.port = port;
    }

    static MemcachedProcess start() {
        MemcachedProcess server = new MemcachedProcess(freePort());
        server.restart();
        return server;
    }

    /** A port nobody listens on (bound, then released). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
    }

    String address() {
        return TestMemcached.HOST + ":" + port;
    }

    /** Starts (again) on the same port and waits until it accepts connections. */
    void restart() {
        List<String> command = new ArrayList<>(List.of(binary(), "-l", TestMemcached.HOST, "-p", Integer.toString(port),
                "-U", "0", "-m", "16", "-t", "1"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("-u", "root"));
        }
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command + ": " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(TestMemcached.HOST, port), 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        throw new IllegalStateException("memcached on port " + port + " did not start");
    }

    /** Kills the server; its port refuses connections until {@link #restart()}. */
    void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static String binary() {
        for (String dir : List.of("/usr/bin", "/usr/local/bin", "/usr/sbin", "/opt/homebrew/bin")) {
            File candidate = new File(dir, "memcached");
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        String reason = "the memcached binary is not installed (apt-get install -y memcached)";
        if (TestDatabase.ci()) {
            throw new IllegalStateException("CI=true requires the memcached legs, but " + reason);
        }
        throw new TestAbortedException("memcached leg skipped: " + reason);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
