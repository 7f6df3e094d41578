package dev.sqlstudy.cache;

import dev.sqlstudy.domain.DatabaseUnavailableException;
import dev.sqlstudy.domain.Host;
import dev.sqlstudy.domain.HostChanges;
import dev.sqlstudy.domain.HostPage;
import dev.sqlstudy.domain.PersistenceException;
import java.util.List;

/**
 * The cache keys of hosts and what each kind of host write makes stale — the invalidation rules,
 * in one place, shared by the repository and its units of work.
 */
final class HostKeys {

    private HostKeys() {
    }

    static CacheKey byId(int id) {
        return Region.HOST_BY_ID.key(id);
    }

    /** {@code hostname} as stored (lower case): callers normalise with {@code Rules.hostname} first. */
    static CacheKey byHostname(String hostname) {
        return Region.HOST_BY_HOSTNAME.key(hostname);
    }

    /** {@code ipAddr} in canonical form: callers normalise with {@code Rules.ipAddr} first. */
    static CacheKey byIp(String ipAddr) {
        return Region.HOST_BY_IP.key(ipAddr);
    }

    static CacheKey page(HostPage page) {
        return Region.HOST_PAGE.key(page.orderBy() + ":" + (page.descending() ? "desc" : "asc") + ":"
                + page.offset() + ":" + page.limit());
    }

    /**
     * An insert: the new row's id, hostname and ip_addr may be cached as "absent", and every list
     * and the count change.
     */
    static Invalidation added(List<Host> hosts) {
        Invalidation stale = new Invalidation();
        for (Host host : hosts) {
            stale.key(byId(host.id())).key(byHostname(host.hostname())).key(byIp(host.ipAddr()));
        }
        return hosts.isEmpty() ? stale : stale.namespace(Namespace.HOST_LISTS);
    }

    /**
     * An update of one host: its id and its hostname and ip_addr as stored now. When the hostname or
     * the ip_addr was changed, the <em>old</em> ones are stale too, but which they were cannot be
     * known without a race (another unit may have renamed the host between a read of ours and our
     * write), so the whole hostname/ip index is bumped instead. A port-only change is exact.
     */
    static Invalidation updated(Host stored, HostChanges changes) {
        Invalidation stale = new Invalidation();
        if (changes.isEmpty()) {
            return stale;
        }
        stale.key(byId(stored.id())).key(byHostname(stored.hostname())).key(byIp(stored.ipAddr()))
                .namespace(Namespace.HOST_LISTS);
        if (changes.hostname() != null || changes.ipAddr() != null) {
            stale.namespace(Namespace.HOST_INDEX);
        }
        return stale;
    }

    /** A delete of one host: its id; its hostname and ip_addr are not known race-free, so the index is bumped. */
    static Invalidation deleted(int id, boolean deleted) {
        Invalidation stale = new Invalidation();
        return deleted ? stale.key(byId(id)).namespace(Namespace.HOST_INDEX).namespace(Namespace.HOST_LISTS) : stale;
    }

    /**
     * A bulk update or delete ({@code id > N}): the rows it touched are not known race-free, so
     * every host namespace is bumped — one counter increment each, whatever the number of rows.
     */
    static Invalidation bulk(int affected) {
        return affected == 0 ? new Invalidation() : everything();
    }

    /** Everything about hosts: after a write whose outcome is unknown (the database failed mid-way). */
    static Invalidation everything() {
        return new Invalidation().namespace(Namespace.HOSTS).namespace(Namespace.HOST_INDEX).namespace(Namespace.HOST_LISTS);
    }

    /** True for a failure after which the write may or may not have committed. */
    static boolean outcomeUnknown(RuntimeException e) {
        return e instanceof DatabaseUnavailableException || e instanceof PersistenceException;
    }
}
