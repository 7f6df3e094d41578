package dev.sqlstudy.mybatis;

import dev.sqlstudy.db.errors.SqlErrors;
import dev.sqlstudy.domain.Host;
import dev.sqlstudy.domain.HostChanges;
import dev.sqlstudy.domain.HostOperations;
import dev.sqlstudy.domain.HostPage;
import dev.sqlstudy.domain.NewHost;
import dev.sqlstudy.domain.NotFoundException;
import dev.sqlstudy.domain.Rules;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.ibatis.session.SqlSession;

/**
 * Every host operation through {@link HostMapper}, in whichever {@link Sessions} it is given: the
 * repository's (a session per call) or a unit of work's. Costs are statements / commits /
 * rollbacks as the counter measures them in the repository, the same as raw JDBC's.
 */
class MyBatisHosts implements HostOperations {

    private final Sessions sessions;

    MyBatisHosts(Sessions sessions) {
        this.sessions = sessions;
    }

    private static HostMapper mapper(SqlSession session) {
        return session.getMapper(HostMapper.class);
    }

    /** 1 / 0 / 0: one INSERT in an auto-commit session; the key comes back with it. */
    @Override
    public Host add(NewHost host) {
        return sessions.single("add host", SqlErrors.hostValues(host), s -> {
            HostInsert row = new HostInsert(host);
            mapper(s).insert(row);
            return row.stored();
        });
    }

    /**
     * 1 / 1 / 0, however many rows: every INSERT is queued on a BATCH executor and sent as one JDBC
     * batch, then committed. A clash anywhere fails the batch and rolls everything back (1 / 0 / 1).
     */
    @Override
    public List<Host> addAll(List<NewHost> hosts) {
        if (hosts.isEmpty()) {
            return List.of();
        }
        return sessions.batch("add hosts", SqlErrors.hostValues(hosts), s -> {
            HostMapper mapper = mapper(s);
            List<HostInsert> rows = hosts.stream().map(HostInsert::new).toList();
            rows.forEach(mapper::insert);
            s.flushStatements();
            return rows.stream().map(HostInsert::stored).toList();
        });
    }

    /** 1 / 0 / 0. */
    @Override
    public Optional<Host> findById(int id) {
        return sessions.single("find host", Map.of(), s -> mapper(s).findById(id));
    }

    /** 1 / 0 / 0. */
    @Override
    public Optional<Host> findByHostname(String hostname) {
        String normalized = Rules.hostname(hostname);
        return sessions.single("find host", Map.of(), s -> mapper(s).findByHostname(normalized));
    }

    /** 1 / 0 / 0. */
    @Override
    public Optional<Host> findByIpAddr(String ipAddr) {
        String canonical = Rules.ipAddr(ipAddr);
        return sessions.single("find host", Map.of(), s -> mapper(s).findByIpAddr(canonical));
    }

    /** 1 / 0 / 0; 0 / 0 / 0 for an empty list, which would not even be valid SQL. */
    @Override
    public List<Host> findByHostnameIn(Collection<String> hostnames) {
        List<String> names = Rules.hostnames(hostnames);
        if (names.isEmpty()) {
            return List.of();
        }
        return sessions.single("find hosts", Map.of(), s -> mapper(s).findByHostnameIn(names));
    }

    /** 1 / 0 / 0. */
    @Override
    public List<Host> list(HostPage page) {
        return sessions.single("list hosts", Map.of(), s -> mapper(s).list(page));
    }

    /** 1 / 0 / 0. */
    @Override
    public List<String> hostnames() {
        return sessions.single("list host names", Map.of(), s -> mapper(s).hostnames());
    }

    /**
     * 2 / 1 / 0: the UPDATE and the read-back in one transaction, so what is returned is what
     * committed. An empty change is a plain read: 1 / 0 / 0.
     */
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
        return sessions.atomic("update host", known, s -> {
            HostMapper mapper = mapper(s);
            if (mapper.update(id, changes) == 0) {
                throw new NotFoundException("host", id);
            }
            return mapper.findById(id).orElseThrow(() -> new NotFoundException("host", id));
        });
    }

    /** 1 / 0 / 0: one UPDATE in an auto-commit session. */
    @Override
    public int updatePortWhereIdGreaterThan(int id, int port) {
        int validPort = Rules.port(port);
        return sessions.single("update ports", Map.of(), s -> mapper(s).updatePortWhereIdGreaterThan(id, validPort));
    }

    /** 1 / 0 / 0. */
    @Override
    public boolean delete(int id) {
        return sessions.single("delete host", Map.of(), s -> mapper(s).delete(id)) > 0;
    }

    /** 1 / 0 / 0. */
    @Override
    public int deleteWhereIdGreaterThan(int id) {
        return sessions.single("delete hosts", Map.of(), s -> mapper(s).deleteWhereIdGreaterThan(id));
    }

    /** 1 / 0 / 0. */
    @Override
    public long count() {
        return sessions.single("count hosts", Map.of(), s -> mapper(s).count());
    }
}
