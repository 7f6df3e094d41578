package dev.sqlstudy.domain;

/**
 * A host to insert. Constructing one validates and normalises every field, so a {@code NewHost}
 * that exists is one the database may store.
 *
 * @param hostname any letter case; stored lower-case
 * @param ipAddr   IPv4 or IPv6 literal; stored in canonical form
 * @param port     1 to 65535; {@link #of(String, String)} gives the tutorial's default of 22
 */
public record NewHost(String hostname, String ipAddr, int port) {

    public NewHost {
        hostname = Rules.hostname(hostname);
        ipAddr = Rules.ipAddr(ipAddr);
        port = Rules.port(port);
    }

    /** A host on the default port, 22 — the tutorial's {@code Column(Integer, default=22)}. */
    public static NewHost of(String hostname, String ipAddr) {
        return new NewHost(hostname, ipAddr, Rules.DEFAULT_PORT);
    }

    /** The stored row this insert became. */
    public Host withId(int id) {
        return new Host(id, hostname, ipAddr, port);
    }
}
