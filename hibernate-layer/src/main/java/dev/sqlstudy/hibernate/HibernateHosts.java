package dev.sqlstudy.hibernate;

import dev.sqlstudy.db.errors.SqlErrors;
import dev.sqlstudy.domain.Host;
import dev.sqlstudy.domain.HostChanges;
import dev.sqlstudy.domain.HostColumn;
import dev.sqlstudy.domain.HostOperations;
import dev.sqlstudy.domain.HostPage;
import dev.sqlstudy.domain.NewHost;
import dev.sqlstudy.domain.NotFoundException;
import dev.sqlstudy.domain.Rules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every host operation with Hibernate, over whichever {@link Sessions} it is given: the
 * repository's (a session per call) or a unit of work's. Queries are HQL with named parameters;
 * the only HQL text chosen at run time is an ORDER BY picked from a fixed table by enum.
 */
class HibernateHosts implements HostOperations {

    private static final String BY_HOSTNAME = "from HostEntity h where h.hostname = :hostname";
    private static final String BY_IP_ADDR = "from HostEntity h where h.ipAddr = :ipAddr";
    /** Hibernate expands the collection parameter into one placeholder per name. */
    private static final String BY_HOSTNAME_IN = "from HostEntity h where h.hostname in (:hostnames) order by h.id";
    private static final String HOSTNAMES = "select h.hostname as name from HostEntity h order by h.id";
    private static final String COUNT = "select count(*) from HostEntity h";
    private static final String UPDATE_PORT_ID_GT = "update HostEntity h set h.port = :port where h.id > :id";
    private static final String DELETE = "delete from HostEntity h where h.id = :id";
    private static final String DELETE_ID_GT = "delete from HostEntity h where h.id > :id";

    /** One fixed query per order-by column and direction; ties broken by id, ascending. */
    private static final Map<HostColumn, String> PAGE_ASC = new EnumMap<>(HostColumn.class);
    private static final Map<HostColumn, String> PAGE_DESC = new EnumMap<>(HostColumn.class);

    static {
        Map<HostColumn, String> paths = Map.of(
                HostColumn.ID, "h.id", HostColumn.HOSTNAME, "h.hostname",
                HostColumn.IP_ADDR, "h.ipAddr", HostColumn.PORT, "h.port");
        for (HostColumn column : HostColumn.values()) {
            String tieBreak = column == HostColumn.ID ? "" : ", h.id asc";
            PAGE_ASC.put(column, "from HostEntity h order by " + paths.get(column) + " asc" + tieBreak);
            PAGE_DESC.put(column, "from HostEntity h order by " + paths.get(column) + " desc" + tieBreak);
        }
    }

    /*
     * Every read query is marked cacheable: with the query cache on (HibernateCache), its result
     * is kept per query and parameters, and dropped when a write to the hosts table commits (the
     * update-timestamps region). With the cache off, as by default, the mark changes nothing.
     */
    private final Sessions sessions;

    HibernateHosts(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Host add(NewHost host) {
        return sessions.write("add host", SqlErrors.hostValues(host), session -> {
            HostEntity entity = HostEntity.from(host);
            // IDENTITY: persist runs the INSERT now, to learn the id; there is nothing to flush.
            session.persist(entity);
            return entity.toRecord();
        });
    }

    /**
     * One INSERT per host, in one transaction, so all or none. Hibernate batching
     * ({@code hibernate.jdbc.batch_size}) is configured, but an IDENTITY id is only known after its
     * row's INSERT has run, so Hibernate never puts such inserts in a JDBC batch: 1000 hosts are
     * 1000 statements where raw JDBC sends one batch (measured in {@code AutoCommitAndBatchingIT}).
     * Why we keep IDENTITY anyway is in this module's README: ids must be AUTO_INCREMENT's.
     */
    @Override
    public List<Host> addAll(List<NewHost> hosts) {
        if (hosts.isEmpty()) {
            return List.of();
        }
        return sessions.write("add hosts", SqlErrors.hostValues(hosts), session -> {
            List<HostEntity> entities = new ArrayList<>(hosts.size());
            for (NewHost host : hosts) {
                HostEntity entity = HostEntity.from(host);
                session.persist(entity);
                entities.add(entity);
            }
            session.flush();
            return entities.stream().map(HostEntity::toRecord).toList();
        });
    }

    @Override
    public Optional<Host> findById(int id) {
        return sessions.read("find host", session ->
                Optional.ofNullable(session.find(HostEntity.class, id)).map(HostEntity::toRecord));
    }

    @Override
    public Optional<Host> findByHostname(String hostname) {
        String normalized = Rules.hostname(hostname);
        return sessions.read("find host", session -> session.createSelectionQuery(BY_HOSTNAME, HostEntity.class).setCacheable(true)
                .setParameter("hostname", normalized)
                .uniqueResultOptional()
                .map(HostEntity::toRecord));
    }

    @Override
    public Optional<Host> findByIpAddr(String ipAddr) {
        String canonical = Rules.ipAddr(ipAddr);
        return sessions.read("find host", session -> session.createSelectionQuery(BY_IP_ADDR, HostEntity.class).setCacheable(true)
                .setParameter("ipAddr", canonical)
                .uniqueResultOptional()
                .map(HostEntity::toRecord));
    }

    @Override
    public List<Host> findByHostnameIn(Collection<String> hostnames) {
        List<String> names = Rules.hostnames(hostnames);
        if (names.isEmpty()) {
            return List.of();
        }
        return sessions.read("find hosts", session -> session.createSelectionQuery(BY_HOSTNAME_IN, HostEntity.class).setCacheable(true)
                .setParameterList("hostnames", names)
                .getResultList().stream()
                .map(HostEntity::toRecord)
                .toList());
    }

    @Override
    public List<Host> list(HostPage page) {
        String hql = (page.descending() ? PAGE_DESC : PAGE_ASC).get(page.orderBy());
        return sessions.read("list hosts", session -> session.createSelectionQuery(hql, HostEntity.class).setCacheable(true)
                .setFirstResult(page.offset())
                .setMaxResults(page.limit())
                .getResultList().stream()
                .map(HostEntity::toRecord)
                .toList());
    }

    @Override
    public List<String> hostnames() {
        return sessions.read("list host names", session ->
                session.createSelectionQuery(HOSTNAMES, String.class).setCacheable(true).getResultList());
    }

    @Override
    public Host update(int id, HostChanges changes) {
        if (changes.isEmpty()) {
            return findById(id).orElseThrow(() -> new NotFoundException("host", id));
        }
        Map<String, Object> known = new HashMap<>();
        if (changes.hostname() != null) {
            known.put("hostname", changes.hostname());
        }
        if (changes.ipAddr() != null) {
            known.put("ip_addr", changes.ipAddr());
        }
        // Load, change, flush: dirty checking writes one UPDATE, only if a value really changed.
        // The SELECT first is the ORM's price (raw JDBC sends UPDATE, then SELECT): same count.
        return sessions.write("update host", known, session -> {
            HostEntity entity = session.find(HostEntity.class, id);
            if (entity == null) {
                throw new NotFoundException("host", id);
            }
            entity.apply(changes);
            session.flush();
            return entity.toRecord();
        });
    }

    @Override
    public int updatePortWhereIdGreaterThan(int id, int port) {
        int validPort = Rules.port(port);
        // A mutation query: one UPDATE for every row, no entity loaded (see Sessions.mutate).
        return sessions.write("update ports", Map.of(),
                session -> Sessions.mutate(session, UPDATE_PORT_ID_GT, Map.of("port", validPort, "id", id)));
    }

    @Override
    public boolean delete(int id) {
        // A mutation query rather than find + remove: one statement instead of two, as in raw JDBC.
        return sessions.write("delete host", Map.of(),
                session -> Sessions.mutate(session, DELETE, Map.of("id", id))) > 0;
    }

    @Override
    public int deleteWhereIdGreaterThan(int id) {
        return sessions.write("delete hosts", Map.of(),
                session -> Sessions.mutate(session, DELETE_ID_GT, Map.of("id", id)));
    }

    @Override
    public long count() {
        return sessions.read("count hosts", session -> session.createSelectionQuery(COUNT, Long.class).setCacheable(true).getSingleResult());
    }
}
