package dev.sqlstudy.bench;

import java.util.Arrays;
import java.util.Optional;

/**
 * What each benchmark method measures, for the report: title, the rows one operation touches and,
 * for the queries a naive variant shadows, which one.
 */
enum Workload {
    POINT_BY_ID(Group.STACK, "pointById", "Point look-up by id (hot set)", 1, true),
    POINT_BY_HOSTNAME(Group.STACK, "pointByHostname", "Point look-up by hostname (hot set)", 1, true),
    PAGE_20(Group.STACK, "page20", "Ordered page of 20", 1, true),
    IN_LIST_16(Group.STACK, "inList16", "IN list of 16 host names", 1, true),
    PARENT_WITH_100_CHILDREN(Group.STACK, "parentWith100Children", "Parent with 100 children", 1, true),
    ALL_PARENTS(Group.STACK, "allParentsWithChildren", "All 50 parents with their children", 1, true),
    BATCH_INSERT(Group.STACK, "batchInsert1000", "Batch insert of 1,000 hosts", 1_000, false),
    SINGLE_INSERTS(Group.STACK, "singleInserts1000", "1,000 single inserts (one transaction)", 1_000, false),
    BULK_UPDATE(Group.STACK, "bulkUpdate", "Bulk update of 1,000 ports", 1, false),
    READ_WRITE_MIX(Group.STACK, "readWriteMix", "90/10 read/write mix (invalidation)", 1, false),

    IN_LIST_16_NAIVE(Group.N_PLUS_ONE, "inList16Naive", "N+1: 16 single look-ups", 1, false),
    PARENT_NAIVE(Group.N_PLUS_ONE, "parentWith100ChildrenNaive", "N+1: parent child by child", 1, false),
    ALL_PARENTS_NAIVE(Group.N_PLUS_ONE, "allParentsNaive", "N+1: all parents, one query each", 1, false),

    CAFFEINE_GET(Group.BASELINE, "caffeineGet", "Baseline: bare Caffeine read", 1, false),
    MEMCACHED_GET(Group.BASELINE, "memcachedGet", "Baseline: raw spymemcached get (the cache's client settings)", 1, false),
    MEMCACHED_GET_16(Group.BASELINE, "memcachedGet16", "Baseline: 16 raw spymemcached gets", 1, false),
    REDIS_GET(Group.BASELINE, "redisGet", "Baseline: raw Lettuce GET (the cache's client settings)", 1, false),
    REDIS_MGET_16(Group.BASELINE, "redisMget16", "Baseline: one raw Lettuce MGET of 16 keys", 1, false);

    /** Which benchmark class a workload lives in, and so which stacks it runs on. */
    enum Group {
        /** Every stack. */
        STACK(StackBenchmarks.class),
        /** The uncached stacks. */
        N_PLUS_ONE(NPlusOneBenchmarks.class),
        /** No stack at all. */
        BASELINE(CacheBaselines.class);

        final Class<?> benchmarkClass;

        Group(Class<?> benchmarkClass) {
            this.benchmarkClass = benchmarkClass;
        }
    }

    final Group group;
    final String method;
    final String title;
    /** Rows one operation writes, for a per-row time (1 for everything but the inserts). */
    final int rowsPerOp;
    /** True for the queries the contract promises in one SQL statement. */
    final boolean oneStatement;

    Workload(Group group, String method, String title, int rowsPerOp, boolean oneStatement) {
        this.group = group;
        this.method = method;
        this.title = title;
        this.rowsPerOp = rowsPerOp;
        this.oneStatement = oneStatement;
    }

    /** {@code StackBenchmarks.pointById}. */
    String id() {
        return group.benchmarkClass.getSimpleName() + "." + method;
    }

    /** The naive variant of this query, if it has one. */
    Optional<Workload> naive() {
        return Optional.ofNullable(switch (this) {
            case IN_LIST_16 -> IN_LIST_16_NAIVE;
            case PARENT_WITH_100_CHILDREN -> PARENT_NAIVE;
            case ALL_PARENTS -> ALL_PARENTS_NAIVE;
            default -> null;
        });
    }

    /** The workload of a JMH benchmark name ({@code dev.sqlstudy.bench.StackBenchmarks.pointById}). */
    static Optional<Workload> ofBenchmark(String benchmark) {
        return Arrays.stream(values()).filter(w -> benchmark.endsWith("." + w.id())).findFirst();
    }
}
