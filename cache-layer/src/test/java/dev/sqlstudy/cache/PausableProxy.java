package dev.sqlstudy.cache;

import dev.sqlstudy.contract.services.MemcachedProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP proxy in front of a memcached server that can hold every byte in both directions
 * for a while: the server looks hung (a partition), then answers again with nothing lost.
 */
final class PausableProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean paused;

    PausableProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String address() {
        return MemcachedProcess.HOST + ":" + listener.getLocalPort();
    }

    void pause() {
        paused = true;
    }

    void resume() {
        paused = false;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(new InetSocketAddress(MemcachedProcess.HOST, targetPort), 1_000);
                sockets.add(client);
                sockets.add(server);
                pump(client.getInputStream(), server.getOutputStream());
                pump(server.getInputStream(), client.getOutputStream());
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(InputStream in, OutputStream out) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    while (paused) {
                        Thread.sleep(5);
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // connection closed
            }
        }, "proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
