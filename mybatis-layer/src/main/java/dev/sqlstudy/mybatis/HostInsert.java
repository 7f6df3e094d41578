package dev.sqlstudy.mybatis;

import dev.sqlstudy.domain.Host;
import dev.sqlstudy.domain.NewHost;

/**
 * The parameter of {@code HostMapper.insert}: MyBatis reads the values from {@code host} and writes
 * the generated key into {@code id} ({@code useGeneratedKeys}), which a record could not take.
 */
final class HostInsert {

    private final NewHost host;
    private Integer id;

    HostInsert(NewHost host) {
        this.host = host;
    }

    /** The row as stored, once MyBatis has set the generated key. */
    Host stored() {
        return host.withId(GeneratedKeys.require(id, "host " + host.hostname()));
    }
}
