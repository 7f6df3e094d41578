package dev.sqlstudy.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * {@link HostOperations} that forwards every call to {@link #delegate()}, in the style of Guava's
 * {@code ForwardingCache}: a decorator extends it and overrides only the operations whose
 * behaviour it changes. A subclass that is also a {@link HostRepository} or a
 * {@link HostTransaction} narrows {@code delegate()} to that type and adds {@code begin()} or
 * {@code commit()}, {@code rollback()} and {@code close()} itself: what a unit of work does at its
 * end is never something to inherit by accident.
 */
public abstract class ForwardingHostOperations implements HostOperations {

    /** Constructor for use by subclasses. */
    protected ForwardingHostOperations() {
    }

    /** The operations every call not overridden goes to. */
    protected abstract HostOperations delegate();

    @Override
    public Host add(NewHost host) {
        return delegate().add(host);
    }

    @Override
    public List<Host> addAll(List<NewHost> hosts) {
        return delegate().addAll(hosts);
    }

    @Override
    public Optional<Host> findById(int id) {
        return delegate().findById(id);
    }

    @Override
    public Optional<Host> findByHostname(String hostname) {
        return delegate().findByHostname(hostname);
    }

    @Override
    public Optional<Host> findByIpAddr(String ipAddr) {
        return delegate().findByIpAddr(ipAddr);
    }

    @Override
    public List<Host> findByHostnameIn(Collection<String> hostnames) {
        return delegate().findByHostnameIn(hostnames);
    }

    @Override
    public List<Host> list(HostPage page) {
        return delegate().list(page);
    }

    @Override
    public List<String> hostnames() {
        return delegate().hostnames();
    }

    @Override
    public Host update(int id, HostChanges changes) {
        return delegate().update(id, changes);
    }

    @Override
    public int updatePortWhereIdGreaterThan(int id, int port) {
        return delegate().updatePortWhereIdGreaterThan(id, port);
    }

    @Override
    public boolean delete(int id) {
        return delegate().delete(id);
    }

    @Override
    public int deleteWhereIdGreaterThan(int id) {
        return delegate().deleteWhereIdGreaterThan(id);
    }

    @Override
    public long count() {
        return delegate().count();
    }
}
