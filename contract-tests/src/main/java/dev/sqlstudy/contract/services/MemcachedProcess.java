package dev.sqlstudy.contract.services;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.opentest4j.TestAbortedException;

/**
 * A private memcached server on a free loopback port that a test kills ({@code SIGKILL}: its memory
 * is gone), restarts on the same port, or freezes ({@code SIGSTOP}: connections stay open, nothing
 * answers, and the items it holds survive until {@code SIGCONT}). Without the {@code memcached}
 * binary the test is skipped with the reason — and fails when {@code CI=true} ({@link TestServices}).
 */
public final class MemcachedProcess implements AutoCloseable {

    public static final String HOST = "127.0.0.1";

    private final int port;
    private Process process;
    private boolean frozen;

    private MemcachedProcess(int port) {
        this.port = port;
    }

    public static MemcachedProcess start() {
        MemcachedProcess server = new MemcachedProcess(TestServices.freePort());
        server.restart();
        return server;
    }

    /** {@code 127.0.0.1:port}, as {@code MemcachedBackend.connect} takes it. */
    public String address() {
        return HOST + ":" + port;
    }

    /** How spymemcached names this server: {@code /127.0.0.1:port}. */
    public String socketAddress() {
        return "/" + address();
    }

    /** Starts (again) on the same port, with empty memory, and waits until it accepts connections. */
    public void restart() {
        List<String> command = new ArrayList<>(List.of(binary(), "-l", HOST, "-p", Integer.toString(port),
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
        frozen = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, port), 200);
                return;
            } catch (IOException notYet) {
                TestServices.pause(20);
            }
        }
        throw new IllegalStateException("memcached on port " + port + " did not start");
    }

    /** {@code kill -9}: the server and everything it held are gone; the port refuses connections. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();   // SIGKILL on Unix
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("memcached on port " + port + " survived SIGKILL");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
            frozen = false;
        }
    }

    /** {@code kill -STOP}: the process keeps its memory and its connections but answers nothing. */
    public void freeze() {
        signal("STOP");
        Frozen.awaitStopped(process, "memcached");
        frozen = true;
    }

    /** {@code kill -CONT}: the frozen process answers again, with whatever it held. */
    public void thaw() {
        signal("CONT");
        frozen = false;
    }

    private void signal(String name) {
        if (process == null) {
            throw new IllegalStateException("memcached on port " + port + " is not running");
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill -" + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling memcached", e);
        }
    }

    /**
     * The raw bytes this server holds under {@code key}, read with the text protocol on a connection
     * of our own (not through the backend under test), or null when it holds nothing there.
     */
    public byte[] rawGet(String key) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 1_000);
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            out.write(("get " + key + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String header = readLine(in);
            if (header.equals("END")) {
                return null;
            }
            String[] parts = header.split(" ");
            if (parts.length < 4 || !parts[0].equals("VALUE")) {
                throw new IllegalStateException("memcached answered '" + header + "' to get " + key);
            }
            byte[] data = in.readNBytes(Integer.parseInt(parts[3]));
            return data;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + key + " from memcached on port " + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * The connections this server has open now ({@code stats curr_connections}), the one this call
     * makes and the listening socket included: compare two readings, not one with zero.
     */
    public int currentConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 1_000);
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            out.write("stats\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            for (String line = readLine(in); !line.equals("END") && !line.isEmpty(); line = readLine(in)) {
                if (line.startsWith("STAT curr_connections ")) {
                    return Integer.parseInt(line.substring("STAT curr_connections ".length()).strip());
                }
            }
            throw new IllegalStateException("memcached on port " + port + " reported no curr_connections");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read stats from memcached on port " + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * The port of the host the cache stored under {@code key} ({@code SQS1}, the generation, the
     * JSON of a host), as this server holds it now; empty when it holds nothing there.
     */
    public Optional<Integer> hostPortAt(String key) {
        byte[] item = rawGet(key);
        if (item == null) {
            return Optional.empty();
        }
        String text = new String(item, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\"port\":");
        if (at < 0) {
            return Optional.empty();
        }
        int from = at + "\"port\":".length();
        int to = from;
        while (to < text.length() && Character.isDigit(text.charAt(to))) {
            to++;
        }
        return Optional.of(Integer.parseInt(text.substring(from, to)));
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        if (frozen) {
            thaw();
        }
        kill();
    }

    private static String binary() {
        return TestServices.binary("memcached", "the memcached legs", "apt-get install -y memcached");
    }
}
