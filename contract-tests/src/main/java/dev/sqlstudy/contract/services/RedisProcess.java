package dev.sqlstudy.contract.services;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private {@code redis-server} on a free loopback port, without persistence, that a test kills
 * ({@link #stop()}: its memory is gone), restarts on the same port, or freezes ({@link #freeze()},
 * {@code SIGSTOP}: connections stay open, nothing answers). Skips the test without the binary, and
 * fails it when {@code CI=true}.
 */
public final class RedisProcess implements AutoCloseable {

    public static final String HOST = "127.0.0.1";

    private final int port;
    private final Path dir;
    private final List<String> extraArguments;
    private Process process;

    private RedisProcess(int port, Path dir, List<String> extraArguments) {
        this.port = port;
        this.dir = dir;
        this.extraArguments = extraArguments;
    }

    /** A plain server. */
    public static RedisProcess start() {
        return start(List.of());
    }

    /** A server with extra {@code redis-server} arguments ({@code --cluster-enabled yes}, …). */
    public static RedisProcess start(List<String> extraArguments) {
        Path dir;
        try {
            dir = Files.createTempDirectory("sqlstudy-redis-");
        } catch (IOException e) {
            throw new IllegalStateException("no temporary directory for redis-server", e);
        }
        RedisProcess server = new RedisProcess(TestServices.freePort(), dir, List.copyOf(extraArguments));
        server.restart();
        return server;
    }

    public int port() {
        return port;
    }

    /** {@code 127.0.0.1:port}, as the Redis backend takes it. */
    public String address() {
        return HOST + ":" + port;
    }

    /** The server's working directory (its cluster configuration file lives there). */
    public Path dir() {
        return dir;
    }

    /** Starts (again) on the same port, empty, and waits until it answers {@code PING}. */
    public void restart() {
        List<String> command = new ArrayList<>(List.of(binary("redis-server"), "--port", Integer.toString(port),
                "--bind", HOST, "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--daemonize", "no"));
        command.addAll(extraArguments);
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command + ": " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (answersPing()) {
                return;
            }
            sleep(50);
        }
        throw new IllegalStateException("redis-server on port " + port + " did not start; see " + dir.resolve("redis.log"));
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 200);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[5];
            return in.readNBytes(reply, 0, 5) == 5 && new String(reply, StandardCharsets.US_ASCII).equals("+PONG");
        } catch (IOException notYet) {
            return false;
        }
    }

    /** {@code SIGKILL}: the port refuses connections and the data is gone until {@link #restart()}. */
    public void stop() {
        if (process != null) {
            if (frozen) {
                thaw();
            }
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    private boolean frozen;

    /** {@code SIGSTOP}: connections stay open and nothing answers — a hung server. */
    public void freeze() {
        signal("-STOP");
        Frozen.awaitStopped(process, "redis-server");
        frozen = true;
    }

    /** {@code SIGCONT}: the frozen server answers again, with whatever it held. */
    public void thaw() {
        signal("-CONT");
        frozen = false;
    }

    private void signal(String signal) {
        if (process == null) {
            throw new IllegalStateException("redis-server on port " + port + " is not running");
        }
        run(List.of("kill", signal, Long.toString(process.pid())));
    }

    /** Runs {@code redis-cli -h 127.0.0.1 -p port args…} and returns what it printed. */
    public String cli(String... args) {
        List<String> command = new ArrayList<>(List.of(binary("redis-cli"), "-h", HOST, "-p", Integer.toString(port)));
        command.addAll(List.of(args));
        return run(command);
    }

    static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(command + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    static String binary(String name) {
        return TestServices.binary(name, "the redis legs", "apt-get install -y redis-server");
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
