package dev.sqlstudy.contract.services;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opentest4j.TestAbortedException;

/**
 * The one rule for every service-backed leg (a database server, memcached, Redis, Docker): when
 * the service is missing, a developer's run <em>skips</em> the leg and prints why; a run with
 * {@code CI=true} <em>fails</em> it, so a missing service can never pass as green in CI.
 */
public final class TestServices {

    /** What was found missing, printed once per service and JVM. */
    private static final Map<String, String> REPORTED = new ConcurrentHashMap<>();

    private TestServices() {
    }

    /** True when this run must not skip service-backed legs. */
    public static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Skips the calling test (or fails it, with {@code CI=true}) because {@code leg} cannot run:
     * {@code reason} says why and what to do.
     */
    public static RuntimeException unavailable(String leg, String reason) {
        if (REPORTED.putIfAbsent(leg, reason) == null) {
            System.err.println("[sqlstudy] " + leg + " " + (ci() ? "FAIL" : "SKIPPED") + ": " + reason);
        }
        if (ci()) {
            return new IllegalStateException("CI=true requires " + leg + ", but " + reason);
        }
        return new TestAbortedException(leg + " skipped: " + reason);
    }

    /**
     * Checks that every {@code host:port} of {@code servers} accepts a connection within a second;
     * otherwise {@link #unavailable skips or fails} the calling test.
     */
    public static void requireReachable(String leg, String servers, String advice) {
        for (String server : servers.split(",")) {
            String spec = server.strip();
            int colon = spec.lastIndexOf(':');
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(spec.substring(0, colon), Integer.parseInt(spec.substring(colon + 1))), 1_000);
            } catch (IOException | RuntimeException e) {
                throw unavailable(leg, spec + " does not answer (" + e.getMessage() + "); " + advice);
            }
        }
    }

    /** The path of an installed {@code name} binary; skips or fails {@code leg} without it. */
    public static String binary(String name, String leg, String install) {
        for (String dir : List.of("/usr/bin", "/usr/local/bin", "/usr/sbin", "/opt/homebrew/bin")) {
            File candidate = new File(dir, name);
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        throw unavailable(leg, "the " + name + " binary is not installed (" + install + ")");
    }

    /** {@code value} of environment variable {@code name}, or {@code fallback} when unset or blank. */
    public static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    /** A loopback port nobody listens on (bound, then released). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
