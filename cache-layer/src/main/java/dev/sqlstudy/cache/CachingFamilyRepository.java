package dev.sqlstudy.cache;

import dev.sqlstudy.domain.Child;
import dev.sqlstudy.domain.ChildWithParent;
import dev.sqlstudy.domain.ChildrenCount;
import dev.sqlstudy.domain.FamilyRepository;
import dev.sqlstudy.domain.JoinKind;
import dev.sqlstudy.domain.JoinRow;
import dev.sqlstudy.domain.Parent;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * A {@link FamilyRepository} with a cache in front: a parent with its children, a child with its
 * parent, every parent, the joins and the counts are read through; every committed write
 * invalidates what it made stale.
 *
 * <p>The one-to-many makes some effects invisible to a decorator: which parent a moved child
 * left, which children a deleted parent had. Reading them first would race with another writer
 * (a child added to the parent between our read and our delete would keep a stale entry), so a
 * move and a delete bump the whole family namespace instead — correct, and one counter increment.
 * Adding a parent or a child is exact: the new rows, the parent that gained a child, and the lists.
 */
public final class CachingFamilyRepository implements FamilyRepository {

    private final FamilyRepository delegate;
    private final ReadThrough cache;
    // Bound once, so a hit on a parent or a child allocates no lambda (see CachingHostRepository).
    private final IntFunction<Optional<Parent>> loadParent;
    private final IntFunction<Optional<ChildWithParent>> loadChild;

    public CachingFamilyRepository(FamilyRepository delegate, CacheBackend backend) {
        this.delegate = delegate;
        this.cache = new ReadThrough(backend);
        this.loadParent = delegate::findParent;
        this.loadChild = delegate::findChild;
    }

    @Override
    public Optional<Parent> findParent(int id) {
        return cache.get(Region.PARENT.key(id), id, loadParent);
    }

    @Override
    public List<Parent> listParents() {
        return cache.get(Region.PARENTS.key("all"), delegate::listParents);
    }

    @Override
    public Optional<ChildWithParent> findChild(int id) {
        return cache.get(Region.CHILD.key(id), id, loadChild);
    }

    @Override
    public List<JoinRow> join(JoinKind kind) {
        return cache.get(Region.JOIN.key(kind), () -> delegate.join(kind));
    }

    @Override
    public List<ChildrenCount> childrenCounts() {
        return cache.get(Region.CHILDREN_COUNTS.key("all"), delegate::childrenCounts);
    }

    /** The new parent (possibly cached as absent), its new children, and every list. */
    @Override
    public Parent addParent(String name, List<String> childNames) {
        return write(() -> delegate.addParent(name, childNames), parent -> {
            Invalidation stale = new Invalidation().key(Region.PARENT.key(parent.id())).namespace(Namespace.FAMILY_LISTS);
            for (Child child : parent.children()) {
                stale.key(Region.CHILD.key(child.id()));
            }
            return stale;
        });
    }

    /** The new child, the parent that gained it, and every list. */
    @Override
    public ChildWithParent addChild(String name, Integer parentId) {
        return write(() -> delegate.addChild(name, parentId), child -> {
            Invalidation stale = new Invalidation().key(Region.CHILD.key(child.id())).namespace(Namespace.FAMILY_LISTS);
            if (child.parent() != null) {
                stale.key(Region.PARENT.key(child.parent().id()));
            }
            return stale;
        });
    }

    /** The child, its old parent and its new one: the old one is not known race-free, so the namespace is bumped. */
    @Override
    public ChildWithParent moveChild(int childId, Integer newParentId) {
        return write(() -> delegate.moveChild(childId, newParentId), moved -> everything());
    }

    /** The parent and each of its children (now orphans): not known race-free, so the namespace is bumped. */
    @Override
    public boolean deleteParent(int id) {
        return write(() -> delegate.deleteParent(id), deleted -> deleted ? everything() : new Invalidation());
    }

    private static Invalidation everything() {
        return new Invalidation().namespace(Namespace.FAMILIES).namespace(Namespace.FAMILY_LISTS);
    }

    /** Runs one write, then invalidates after its commit (everything when its outcome is unknown). */
    private <T> T write(Supplier<T> write, Function<T, Invalidation> stale) {
        T result;
        try {
            result = write.get();
        } catch (RuntimeException e) {
            if (HostKeys.outcomeUnknown(e)) {
                cache.invalidate(everything());
            }
            throw e;
        }
        cache.invalidate(stale.apply(result));
        return result;
    }

    @Override
    public String toString() {
        return "Caching" + delegate;
    }
}
