package dev.sqlstudy.stack;

import dev.sqlstudy.contract.services.MemcachedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one memcached server the MyBatis memcached adapter talks to in this JVM: a private process.
 * The adapter is configured once per JVM — a static client built from a class-path properties file
 * when {@code MemcachedCache} is first used — so the file is written before that, and the server
 * keeps its port for the JVM's life (the outage tests kill, freeze and restart it in place).
 */
final class MyBatisMemcachedServer {

    /** The adapter's own bound on a get ({@code asyncget=true}: without it a get has no timeout of the adapter's). */
    static final int TIMEOUT_SECONDS = 1;
    private static final String RESOURCE = "sqlstudy-test-mybatis-memcached.properties";
    private static MemcachedProcess server;

    private MyBatisMemcachedServer() {
    }

    static synchronized MemcachedProcess get() {
        if (server == null) {
            server = MemcachedProcess.start();
            writeConfiguration(server);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-mybatis-memcached"));
        }
        return server;
    }

    private static void writeConfiguration(MemcachedProcess server) {
        try {
            Path classes = Path.of(MyBatisMemcachedServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Files.writeString(classes.resolve(RESOURCE), """
                    org.mybatis.caches.memcached.servers=%s
                    org.mybatis.caches.memcached.keyprefix=sqlstudy-test-mybatis_
                    org.mybatis.caches.memcached.expiration=300
                    org.mybatis.caches.memcached.asyncget=true
                    org.mybatis.caches.memcached.timeout=%d
                    org.mybatis.caches.memcached.timeoutunit=SECONDS
                    """.formatted(server.address(), TIMEOUT_SECONDS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        // Read by the adapter's MemcachedConfigurationBuilder when its class initialises.
        System.setProperty("memcached.properties.filename", RESOURCE);
    }
}
