package dev.sqlstudy.cache;

/**
 * A group of cache entries that one generation number guards. Bumping a namespace's generation
 * makes every entry in it unreachable at once — how a write whose effect on individual keys
 * cannot be known race-free (a bulk update, a rename, a moved child) still leaves nothing stale.
 */
public enum Namespace {
    /** Hosts by id: bumped by the bulk update and bulk delete. */
    HOSTS("hosts"),
    /** Hosts by hostname and by ip_addr: bumped when a name or address may have moved. */
    HOST_INDEX("host-index"),
    /** Host lists, the hostname projection and the count: bumped by every host write. */
    HOST_LISTS("host-lists"),
    /** Parents with children and children with parents: bumped by a move or a parent delete. */
    FAMILIES("families"),
    /** Every parent, the joins and the counts: bumped by every family write. */
    FAMILY_LISTS("family-lists");

    private final String label;

    Namespace(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
