package dev.sqlstudy.domain;

/**
 * What {@link HostOperations#update} changes: each field is either {@code null} (keep) or a new
 * value, validated and normalised like {@link NewHost}'s.
 */
public record HostChanges(String hostname, String ipAddr, Integer port) {

    public HostChanges {
        hostname = hostname == null ? null : Rules.hostname(hostname);
        ipAddr = ipAddr == null ? null : Rules.ipAddr(ipAddr);
        port = port == null ? null : Rules.port(port);
    }

    public static HostChanges none() {
        return new HostChanges(null, null, null);
    }

    public HostChanges withHostname(String newHostname) {
        return new HostChanges(newHostname, ipAddr, port);
    }

    public HostChanges withIpAddr(String newIpAddr) {
        return new HostChanges(hostname, newIpAddr, port);
    }

    public HostChanges withPort(int newPort) {
        return new HostChanges(hostname, ipAddr, newPort);
    }

    public boolean isEmpty() {
        return hostname == null && ipAddr == null && port == null;
    }

    /** The host as it is after these changes. */
    public Host applyTo(Host host) {
        return new Host(host.id(),
                hostname == null ? host.hostname() : hostname,
                ipAddr == null ? host.ipAddr() : ipAddr,
                port == null ? host.port() : port);
    }
}
