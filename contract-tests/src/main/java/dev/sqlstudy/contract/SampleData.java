package dev.sqlstudy.contract;

import dev.sqlstudy.domain.Child;
import dev.sqlstudy.domain.Host;
import dev.sqlstudy.domain.Parent;
import java.util.List;

/**
 * The sample data of {@code V2__sample_data.sql}, as records: what every test starts from.
 * <pre>
 *   hosts:  1 localhost 127.0.0.1 22 | 2 ubuntu 192.168.2.243 20000 | 3 ubuntu2 192.168.2.244 20000
 *   parent: 1 Mary (Tom 1, Lucy 2) | 2 John (Jack 3) | 3 Eve (none)      orphan child: 4 Oliver
 * </pre>
 */
public final class SampleData {

    public static final Host LOCALHOST = new Host(1, "localhost", "127.0.0.1", 22);
    public static final Host UBUNTU = new Host(2, "ubuntu", "192.168.2.243", 20000);
    public static final Host UBUNTU2 = new Host(3, "ubuntu2", "192.168.2.244", 20000);
    public static final List<Host> HOSTS = List.of(LOCALHOST, UBUNTU, UBUNTU2);

    public static final Child TOM = new Child(1, "Tom");
    public static final Child LUCY = new Child(2, "Lucy");
    public static final Child JACK = new Child(3, "Jack");
    public static final Child OLIVER = new Child(4, "Oliver");

    public static final Parent MARY = new Parent(1, "Mary", List.of(TOM, LUCY));
    public static final Parent JOHN = new Parent(2, "John", List.of(JACK));
    public static final Parent EVE = new Parent(3, "Eve", List.of());
    public static final List<Parent> PARENTS = List.of(MARY, JOHN, EVE);

    private SampleData() {
    }
}
