package dev.sqlstudy.mybatis;

import dev.sqlstudy.domain.Host;
import dev.sqlstudy.domain.HostChanges;
import dev.sqlstudy.domain.HostPage;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Param;

/**
 * The SQL on {@code hosts}. A bare interface: MyBatis implements it with a proxy, and every
 * statement lives in {@code HostMapper.xml} at the same package path, under the method's name.
 */
interface HostMapper {

    /** Sets {@code row}'s id. Returns nothing useful in a BATCH session, so it returns nothing. */
    void insert(HostInsert row);

    Optional<Host> findById(int id);

    Optional<Host> findByHostname(String hostname);

    Optional<Host> findByIpAddr(String ipAddr);

    List<Host> findByHostnameIn(@Param("hostnames") Collection<String> hostnames);

    List<Host> list(HostPage page);

    List<String> hostnames();

    /** Rows matched (Connector/J's default), so an update to the same values still counts. */
    int update(@Param("id") int id, @Param("changes") HostChanges changes);

    int updatePortWhereIdGreaterThan(@Param("id") int id, @Param("port") int port);

    int delete(int id);

    int deleteWhereIdGreaterThan(int id);

    long count();
}
