package dev.sqlstudy.contract.services;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private Redis Cluster of three masters (no replicas) on free loopback ports, made with
 * {@code redis-cli --cluster create}. {@code cluster-require-full-coverage no}: when a test stops
 * one master, the other two keep serving their slots — only the stopped master's keys are lost.
 */
public final class RedisClusterProcess implements AutoCloseable {

    private final List<RedisProcess> masters;

    private RedisClusterProcess(List<RedisProcess> masters) {
        this.masters = masters;
    }

    public static RedisClusterProcess start() {
        List<RedisProcess> masters = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                RedisProcess node = RedisProcess.start(List.of("--cluster-enabled", "yes",
                        "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "5000",
                        "--cluster-require-full-coverage", "no"));
                masters.add(node);
            }
            List<String> create = new ArrayList<>(List.of(RedisProcess.binary("redis-cli"), "--cluster", "create"));
            masters.forEach(m -> create.add(m.address()));
            create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
            RedisProcess.run(create);
            RedisClusterProcess cluster = new RedisClusterProcess(masters);
            cluster.awaitState();
            return cluster;
        } catch (RuntimeException e) {
            masters.forEach(RedisProcess::stop);
            throw e;
        }
    }

    private void awaitState() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (masters.stream().allMatch(m -> m.cli("cluster", "info").contains("cluster_state:ok"))) {
                return;
            }
            RedisProcess.sleep(100);
        }
        throw new IllegalStateException("the Redis Cluster of " + servers() + " never reached cluster_state:ok");
    }

    /** The seed list: {@code 127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3}. */
    public String servers() {
        return String.join(",", masters.stream().map(RedisProcess::address).toList());
    }

    public List<RedisProcess> masters() {
        return masters;
    }

    @Override
    public void close() {
        masters.forEach(RedisProcess::stop);
    }
}
