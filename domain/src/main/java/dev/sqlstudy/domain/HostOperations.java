package dev.sqlstudy.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Every operation of the tutorial on {@code hosts}. Implemented three times (raw JDBC, MyBatis,
 * Hibernate) and decorated by the caches; all of them give identical results, element for element.
 *
 * <p>Rules every implementation keeps:
 * <ul>
 *   <li>Input is validated by the domain records before any SQL is sent; invalid input raises
 *       {@link InvalidInputException} naming the field and writes nothing.</li>
 *   <li>A clash on {@code hostname} or {@code ip_addr} raises {@link DuplicateException} naming the
 *       field, translated from the database's own unique-constraint error (no check-then-insert),
 *       and changes nothing.</li>
 *   <li>Lists are ordered: by id unless a {@link HostPage} says otherwise, ties broken by id.</li>
 *   <li>"Statements" below are SQL statements sent to the database, as counted by the
 *       statement counter over the DataSource, without a cache in front. A JDBC batch is one.</li>
 *   <li>An unreachable database raises {@link DatabaseUnavailableException}.</li>
 * </ul>
 */
public interface HostOperations {

    /** Inserts one host (the tutorial's {@code session.add}). 1 statement. */
    Host add(NewHost host);

    /**
     * Inserts all hosts atomically, in the order given (the tutorial's {@code session.add_all}):
     * either every row is written or, on any error, none is. Returns the stored rows in input order.
     * One JDBC batch where the technology allows it. Inside a unit of work a failed batch writes
     * none of its rows either, and leaves the unit rollback-only (see {@link HostTransaction}).
     *
     * @throws DuplicateException if any row clashes with a stored host or with another row; its
     *                            {@link DuplicateException#value() value} says which
     */
    List<Host> addAll(List<NewHost> hosts);

    /** 1 statement. */
    Optional<Host> findById(int id);

    /** Finds by host name in any letter case. 1 statement. */
    Optional<Host> findByHostname(String hostname);

    /** Finds by IP literal in any valid spelling ({@code 0:0::1} finds {@code ::1}). 1 statement. */
    Optional<Host> findByIpAddr(String ipAddr);

    /**
     * The tutorial's {@code filter(Host.hostname.in_([...]))}: the hosts whose name is in the list,
     * ordered by id; names with no host are left out. 1 statement (0 for an empty list).
     */
    List<Host> findByHostnameIn(Collection<String> hostnames);

    /** An ordered, sliced list: {@code order_by(...)[offset:offset+limit]}. 1 statement. */
    List<Host> list(HostPage page);

    /** The projection {@code query(Host.hostname.label("name"))}: every host name, by id. 1 statement. */
    List<String> hostnames();

    /**
     * Changes one host and returns it as stored. An empty change returns the host unchanged.
     *
     * @throws NotFoundException  if there is no host with that id
     * @throws DuplicateException if the new hostname or ip_addr belongs to another host
     */
    Host update(int id, HostChanges changes);

    /** The tutorial's bulk {@code filter(Host.id > N).update({port: P})}. Returns the rows changed. */
    int updatePortWhereIdGreaterThan(int id, int port);

    /** Deletes one host. Returns false when there was none. 1 statement. */
    boolean delete(int id);

    /** The tutorial's bulk {@code filter(Host.id > N).delete()}. Returns the rows deleted. */
    int deleteWhereIdGreaterThan(int id);

    /** 1 statement. */
    long count();
}
