package dev.sqlstudy.bench;

import dev.sqlstudy.domain.Child;
import dev.sqlstudy.domain.ChildWithParent;
import dev.sqlstudy.domain.ChildrenCount;
import dev.sqlstudy.domain.Host;
import dev.sqlstudy.domain.Parent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * The deliberately naive N+1 versions of the one-statement queries, written against the same
 * repository API: the reference each one-statement query is compared with. They return the same
 * results as the queries they shadow, one statement per row. Run on the uncached stacks only (a
 * cache would turn the N into hits and hide what the comparison is about).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NPlusOneBenchmarks {

    /**
     * 16 hosts (1 to 256 in the sweep) by as many single {@code findByHostname} calls: the naive
     * {@link StackBenchmarks#inList}. Run:
     * {@code ./mvnw -q -pl bench exec:exec -Dbench.args="--quick --only NPlusOneBenchmarks.inListNaive"}.
     */
    @Benchmark
    public List<Host> inListNaive(StackState s) {
        List<Host> found = new ArrayList<>(s.effectiveSize);
        for (String hostname : s.data.hostnames(s.ops++, s.effectiveSize)) {
            s.hosts.findByHostname(hostname).ifPresent(found::add);
        }
        return found;
    }

    /**
     * The big parent assembled child by child: one {@code findChild} call per child (100; 1 to
     * 1,000 in the sweep), the parent taken from the back reference — what per-row lazy loading
     * costs. The naive {@link StackBenchmarks#parentWithChildren}. Run:
     * {@code ./mvnw -q -pl bench exec:exec -Dbench.args="--quick --only NPlusOneBenchmarks.parentWithChildrenNaive"}.
     */
    @Benchmark
    public Parent parentWithChildrenNaive(StackState s) {
        s.ops++;
        List<Child> children = new ArrayList<>(s.data.bigChildren().size());
        ChildWithParent last = null;
        for (Child child : s.data.bigChildren()) {
            last = s.families.findChild(child.id()).orElseThrow();
            children.add(new Child(last.id(), last.name()));
        }
        return new Parent(last.parent().id(), last.parent().name(), children);
    }

    /**
     * The classic N+1: the parents' ids (one {@code GROUP BY} query), then one {@code findParent}
     * per parent — 101 statements for 100 parents (10 to 1,000 in the sweep). The naive
     * {@link StackBenchmarks#allParentsWithChildren}. Run:
     * {@code ./mvnw -q -pl bench exec:exec -Dbench.args="--quick --only NPlusOneBenchmarks.allParentsNaive"}.
     */
    @Benchmark
    public List<Parent> allParentsNaive(StackState s) {
        s.ops++;
        List<ChildrenCount> ids = s.families.childrenCounts();
        List<Parent> parents = new ArrayList<>(ids.size());
        for (ChildrenCount row : ids) {
            parents.add(s.families.findParent(row.parentId()).orElseThrow());
        }
        return parents;
    }
}
