package dev.sqlstudy.hibernate;

import dev.sqlstudy.domain.Host;
import dev.sqlstudy.domain.HostChanges;
import dev.sqlstudy.domain.NewHost;
import dev.sqlstudy.domain.Rules;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.ColumnDefault;

/**
 * A row of {@code hosts} as Hibernate manages it. Never leaves the repository: callers get the
 * immutable {@link Host} record from {@link #toRecord()}.
 */
@Entity
@Table(name = "hosts", uniqueConstraints = {
        // Documentation of the Flyway schema (validate never creates them): SqlErrors finds which
        // field a duplicate names by these constraint names.
        @UniqueConstraint(name = "uk_hosts_hostname", columnNames = "hostname"),
        @UniqueConstraint(name = "uk_hosts_ip_addr", columnNames = "ip_addr")})
public class HostEntity {

    /**
     * AUTO_INCREMENT, as in the other two implementations, so ids are identical across them. The
     * price: Hibernate must run each INSERT at once to learn its id, so inserts are never batched.
     */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Integer id;

    @Column(name = "hostname", nullable = false, length = Rules.HOSTNAME_MAX_LENGTH)
    private String hostname;

    @Column(name = "ip_addr", nullable = false, length = 128)
    private String ipAddr;

    /**
     * A primitive that starts at 22: Hibernate inserts every mapped column, so a nullable
     * {@code Integer} left unset would send an explicit NULL and never reach the column's
     * {@code DEFAULT 22}. An {@code int} has no NULL to send.
     */
    @Column(name = "port", nullable = false)
    @ColumnDefault("22")
    private int port = Rules.DEFAULT_PORT;

    /** For Hibernate. */
    protected HostEntity() {
    }

    /** A host on the default port. */
    HostEntity(String hostname, String ipAddr) {
        this.hostname = hostname;
        this.ipAddr = ipAddr;
    }

    static HostEntity from(NewHost host) {
        HostEntity entity = new HostEntity(host.hostname(), host.ipAddr());
        entity.port = host.port();
        return entity;
    }

    /** Applies validated changes; dirty checking turns them into one UPDATE at flush. */
    void apply(HostChanges changes) {
        if (changes.hostname() != null) {
            hostname = changes.hostname();
        }
        if (changes.ipAddr() != null) {
            ipAddr = changes.ipAddr();
        }
        if (changes.port() != null) {
            port = changes.port();
        }
    }

    Integer id() {
        return id;
    }

    Host toRecord() {
        return new Host(id, hostname, ipAddr, port);
    }
}
