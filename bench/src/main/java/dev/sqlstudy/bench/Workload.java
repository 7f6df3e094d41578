package dev.sqlstudy.bench;

import java.util.Arrays;
import java.util.Optional;

/**
 * What each benchmark method measures, for the report: title, the rows one operation touches and,
 * for the queries a naive variant shadows, which one.
 */
enum Workload {
    POINT_BY_ID(Group.STACK, "pointById", "Point look-up by id (hot set)", true),
    POINT_BY_ID_MISS(Group.STACK, "pointByIdMiss", "Point look-up by id, every call a miss (an absent id)", true),
    POINT_BY_HOSTNAME(Group.STACK, "pointByHostname", "Point look-up by hostname (hot set)", true),
    PAGE_20(Group.STACK, "page20", "Ordered page of 20", true),
    IN_LIST_16(Group.STACK, "inList", "IN list of %,d host names", true, 16, 1, 16, 256),
    PARENT_WITH_100_CHILDREN(Group.STACK, "parentWithChildren", "Parent with %,d children", true, 100, 1, 10, 100, 1_000),
    ALL_PARENTS(Group.STACK, "allParentsWithChildren", "All %,d parents with their children", true, 100, 10, 100, 1_000),
    BATCH_INSERT(Group.STACK, "batchInsert", "Batch insert of %,d hosts", false, 1_000, 10, 100, 1_000, 10_000),
    SINGLE_INSERTS(Group.STACK, "singleInserts", "%,d single inserts (one transaction)", false, 1_000, 10, 100, 1_000,
            10_000),
    BULK_UPDATE(Group.STACK, "bulkUpdate", "Bulk update of 1,000 ports", false),
    READ_WRITE_MIX(Group.STACK, "readWriteMix", "90/10 read/write mix (invalidation)", false),

    IN_LIST_16_NAIVE(Group.N_PLUS_ONE, "inListNaive", "N+1: %,d single look-ups", false, 16, 1, 16, 256),
    PARENT_NAIVE(Group.N_PLUS_ONE, "parentWithChildrenNaive", "N+1: parent of %,d children, child by child", false, 100,
            1, 10, 100, 1_000),
    ALL_PARENTS_NAIVE(Group.N_PLUS_ONE, "allParentsNaive", "N+1: all %,d parents, one query each", false, 100, 10, 100,
            1_000),

    POINT_BY_ID_THREADS(Group.THREADS, "pointByIdThreads", "Point look-up by id, every thread at once", false),

    CAFFEINE_GET(Group.BASELINE, "caffeineGet", "Baseline: bare Caffeine read", false),
    MEMCACHED_GET(Group.BASELINE, "memcachedGet", "Baseline: raw spymemcached get (the cache's client settings)", false),
    MEMCACHED_GET_WITH_GENERATION(Group.BASELINE, "memcachedGetWithGeneration",
            "Baseline: raw spymemcached multi-get of a value and a counter", false),
    MEMCACHED_GET_16(Group.BASELINE, "memcachedGet16", "Baseline: 16 raw spymemcached gets", false),
    REDIS_GET(Group.BASELINE, "redisGet", "Baseline: raw Lettuce GET (the cache's client settings)", false),
    REDIS_MGET_16(Group.BASELINE, "redisMget16", "Baseline: one raw Lettuce MGET of 16 keys", false);

    /** The thread counts of {@link #POINT_BY_ID_THREADS}. */
    static final int[] THREAD_COUNTS = {1, 2, 4, 8};

    /** Which benchmark class a workload lives in, and so which stacks it runs on. */
    enum Group {
        /** Every stack. */
        STACK(StackBenchmarks.class),
        /** The uncached stacks. */
        N_PLUS_ONE(NPlusOneBenchmarks.class),
        /** The point read with several threads at once, on jdbc × every cache and the native caches. */
        THREADS(ThreadedBenchmarks.class),
        /** No stack at all. */
        BASELINE(CacheBaselines.class);

        final Class<?> benchmarkClass;

        Group(Class<?> benchmarkClass) {
            this.benchmarkClass = benchmarkClass;
        }
    }

    final Group group;
    final String method;
    /** The title at the standard size ({@link #title(Integer)} for another). */
    final String title;
    private final String titleFormat;
    /** True for the queries the contract promises in one SQL statement. */
    final boolean oneStatement;
    /**
     * The size of the work one operation does (names, children, parents, rows) in the standard
     * matrix, or null for a workload without a size; {@link #sizes} are the sizes of the scaling
     * sweep, run on the uncached stacks.
     */
    final Integer standardSize;
    private final int[] sizes;

    Workload(Group group, String method, String title, boolean oneStatement) {
        this(group, method, title, oneStatement, null);
    }

    Workload(Group group, String method, String titleFormat, boolean oneStatement, Integer standardSize, int... sizes) {
        this.group = group;
        this.method = method;
        this.titleFormat = titleFormat;
        this.oneStatement = oneStatement;
        this.standardSize = standardSize;
        this.sizes = sizes.clone();
        this.title = title(standardSize);
    }

    /** The title at a size ({@code "Parent with 10 children"}); the standard title for null. */
    /** The title with the size as "N": {@code N+1: N single look-ups}. */
    String genericTitle() {
        return titleFormat.replace("%,d", "N");
    }

    String title(Integer size) {
        Integer n = size == null ? standardSize : size;
        return n == null ? titleFormat : String.format(java.util.Locale.ROOT, titleFormat, n);
    }

    boolean sized() {
        return standardSize != null;
    }

    /** The sizes of the scaling sweep (empty for a workload without a size). */
    int[] sizes() {
        return sizes.clone();
    }

    /** The size an operation runs at, for the {@code size} parameter (0 = the standard size). */
    Integer effectiveSize(int sizeParam) {
        return standardSize == null ? null : sizeParam > 0 ? sizeParam : standardSize;
    }

    /** Rows one operation writes at a size, for a per-row time (1 for everything but the inserts). */
    int rowsPerOp(Integer size) {
        return (this == BATCH_INSERT || this == SINGLE_INSERTS) && size != null ? size : 1;
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
