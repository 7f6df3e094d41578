package dev.sqlstudy.domain;

/**
 * One page of an ordered host list: the tutorial's {@code query(Host).order_by(Host.id)[1:3]} is
 * {@code HostPage.of(HostColumn.ID, false, 1, 2)}. Ties on the order column are broken by id,
 * ascending, so a page is the same in every implementation.
 *
 * @param orderBy    the column to order by
 * @param descending true for {@code DESC}
 * @param offset     rows to skip, 0 or more
 * @param limit      rows to return at most, 0 or more ({@link #UNLIMITED} for all)
 */
public record HostPage(HostColumn orderBy, boolean descending, int offset, int limit) {

    public static final int UNLIMITED = Integer.MAX_VALUE;

    public HostPage {
        if (orderBy == null) {
            throw new InvalidInputException("order-by", "must be one of id, hostname, ip_addr, port");
        }
        if (offset < 0) {
            throw new InvalidInputException("offset", "must be 0 or more, was " + offset);
        }
        if (limit < 0) {
            throw new InvalidInputException("limit", "must be 0 or more, was " + limit);
        }
    }

    public static HostPage of(HostColumn orderBy, boolean descending, int offset, int limit) {
        return new HostPage(orderBy, descending, offset, limit);
    }

    /** Every host, ordered by id. */
    public static HostPage all() {
        return new HostPage(HostColumn.ID, false, 0, UNLIMITED);
    }
}
