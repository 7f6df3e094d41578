package dev.sqlstudy.bench;

import dev.sqlstudy.stack.Impl;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The goals of the comparison — the table the report opens with ({@link Report#GOALS_INTRO}) —
 * judged on each database of the run from the measurements alone. A miss is explained with what
 * was measured (statements, hit ratio, the time gap); a goal whose measurements are missing says
 * which, and is {@link Verdict#NOT_MEASURED}.
 */
final class Goals {

    private final List<Results.Measurement> all;
    private final List<Results.Dropped> dropped;
    private final List<Results.Goal> goals = new ArrayList<>();

    private Goals(List<Results.Measurement> all, List<Results.Dropped> dropped) {
        this.all = all;
        this.dropped = dropped;
    }

    static List<Results.Goal> evaluate(List<Results.Measurement> measurements, List<Results.DatabaseInfo> databases,
                                       Results.MemcachedInfo memcached) {
        return evaluate(measurements, databases, memcached, List.of());
    }

    static List<Results.Goal> evaluate(List<Results.Measurement> measurements, List<Results.DatabaseInfo> databases,
                                       Results.MemcachedInfo memcached, List<Results.Dropped> dropped) {
        return evaluate(measurements, databases, memcached, Results.RedisInfo.NOT_GIVEN, dropped);
    }

    static List<Results.Goal> evaluate(List<Results.Measurement> measurements, List<Results.DatabaseInfo> databases,
                                       Results.MemcachedInfo memcached, Results.RedisInfo redis,
                                       List<Results.Dropped> dropped) {
        Goals g = new Goals(measurements, dropped);
        for (Results.DatabaseInfo db : databases) {
            if (db.available()) {
                g.onDatabase(db, memcached, redis);
            }
        }
        return g.goals;
    }

    private void onDatabase(Results.DatabaseInfo db, Results.MemcachedInfo memcached, Results.RedisInfo redis) {
        boolean h2 = db.version() != null && db.version().toUpperCase(Locale.ROOT).startsWith("H2");
        String d = db.spec();
        Figure caffeine = baseline(Workload.CAFFEINE_GET);
        Figure memGet = baseline(Workload.MEMCACHED_GET);
        Figure memGet16 = baseline(Workload.MEMCACHED_GET_16);
        Figure memGetWithGeneration = baseline(Workload.MEMCACHED_GET_WITH_GENERATION);
        String noMemcached = memcached.available() ? null : "memcached: " + memcached.reason();
        Figure redisGet = baseline(Workload.REDIS_GET);
        Figure redisMget16 = baseline(Workload.REDIS_MGET_16);
        String noRedis = redis.available() ? null : "redis: " + redis.reason();

        // A full run measures the cached stacks and the N+1 variants on its sweep database alone
        // (BenchRunner.onStack): elsewhere their goals are not listed, and the report says why
        // (Report.sweepOnlyNote).
        boolean caches = cachedStacksMeasured(all, d);
        boolean nPlusOne = nPlusOneMeasured(all, d);
        for (Impl impl : Impl.values()) {
            String i = impl.name();
            String who = impl.toString();
            Figure hitC = get(Workload.POINT_BY_ID, d, i, "CAFFEINE");
            Figure uncached = get(Workload.POINT_BY_ID, d, i, "NONE");
            Figure hitM = get(Workload.POINT_BY_ID, d, i, "MEMCACHED");

            if (caches) {
                ratioGoal("caffeine-hit-vs-bare", who + ": Caffeine-cached hit ≤ 1.5× a bare Caffeine read", d,
                        hitC, caffeine, 1.5, true, null, (a, b) -> cacheWhy(a, b, "the bare Caffeine read"));
                bytesGoal("caffeine-hit-bytes", who + ": Caffeine-cached hit allocates ≤ 16 B/op", d, hitC, 16);
                ratioGoal("caffeine-hit-vs-uncached", who + ": Caffeine-cached hit ≥ 500× faster than the uncached look-up", d,
                        uncached, hitC, 500, false, null, (a, b) -> cacheWhy(b, a, "the uncached look-up"));
                remoteHitGoal("memcached-hit-vs-get", who + ": memcached-cached hit ≤ 1.3× a same-client raw get", d,
                        hitM, memGet, 1.3, noMemcached, "the raw get", memGetWithGeneration);
                remoteHitGoal("redis-hit-vs-get", who + ": Redis-cached hit ≤ 1.3× a same-client raw GET", d,
                        get(Workload.POINT_BY_ID, d, i, "REDIS"), redisGet, 1.3, noRedis, "the raw GET", null);
                ratioGoal("memcached-in-list", who + ": 16-key in list through memcached ≤ 0.25× sixteen single gets", d,
                        get(Workload.IN_LIST_16, d, i, "MEMCACHED"), memGet16, 0.25, true, noMemcached,
                        (a, b) -> cacheWhy(a, b, "the sixteen gets"));
                // Redis has a real multi-key read: the list's one round trip is held to a raw MGET of the 16 keys.
                remoteHitGoal("redis-in-list", who + ": 16-key in list through Redis ≤ 1.3× a same-client raw 16-key MGET", d,
                        get(Workload.IN_LIST_16, d, i, "REDIS"), redisMget16, 1.3, noRedis, "the raw MGET", null);
            }
            if (impl.name().equals("MYBATIS") || impl.name().equals("HIBERNATE")) {
                double limit = impl.name().equals("MYBATIS") ? (h2 ? 2 : 1.2) : (h2 ? 3 : 1.3);
                ratioGoal("point-read-vs-jdbc", who + ": point read ≤ " + Units.num(limit) + "× raw JDBC"
                                + (h2 ? " (H2 limit)" : ""), d, uncached, get(Workload.POINT_BY_ID, d, "JDBC", "NONE"),
                        limit, true, null, Goals::statementsWhy);
            }
            oneStatementGoal(d, i, who);
            for (Workload w : nPlusOne ? List.of(Workload.IN_LIST_16, Workload.PARENT_WITH_100_CHILDREN,
                    Workload.ALL_PARENTS) : List.<Workload>of()) {
                Workload naive = w.naive().orElseThrow();
                ratioGoal("one-statement-vs-n-plus-one", who + ": " + w.title + " ≥ 5× faster than its N+1 variant", d,
                        get(naive, d, i, "NONE"), get(w, d, i, "NONE"), 5, false, null, Goals::statementsWhy);
            }
            ratioGoal("batch-vs-single", who + ": batch insert ≥ 5× faster per row than single inserts", d,
                    get(Workload.SINGLE_INSERTS, d, i, "NONE"), get(Workload.BATCH_INSERT, d, i, "NONE"), 5, false, null,
                    Goals::statementsWhy);
            if (!impl.name().equals("JDBC")) {
                ratioGoal("batch-vs-jdbc-batch", who + ": batch insert within 1.5× of raw JDBC's batch", d,
                        get(Workload.BATCH_INSERT, d, i, "NONE"), get(Workload.BATCH_INSERT, d, "JDBC", "NONE"), 1.5, true,
                        null, Goals::statementsWhy);
            }
        }
    }

    /** True when some N+1 variant was measured on {@code db}. */
    static boolean nPlusOneMeasured(List<Results.Measurement> all, String db) {
        return all.stream().anyMatch(m -> db.equals(m.db()) && Workload.Group.N_PLUS_ONE.name().equals(m.group()));
    }

    /** True when some stack with a cache in front was measured on {@code db}. */
    static boolean cachedStacksMeasured(List<Results.Measurement> all, String db) {
        return all.stream().anyMatch(m -> db.equals(m.db()) && m.cache() != null && !"NONE".equals(m.cache()));
    }

    /** A figure a goal needs: the measurement if there is one, else what it would have been and why it is missing. */
    record Figure(Optional<Results.Measurement> value, String missing) {
    }

    interface Why {
        String explain(Results.Measurement a, Results.Measurement b);
    }

    /**
     * A goal on {@code a.mean / b.mean}: at most {@code limit} when {@code atMost}, else at least.
     */
    private void ratioGoal(String id, String text, String db, Figure a, Figure b, double limit, boolean atMost,
                           String unavailable, Why why) {
        String target = (atMost ? "≤ " : "≥ ") + Units.num(limit) + "×";
        if (a.value().isEmpty() || b.value().isEmpty()) {
            List<String> missing = new ArrayList<>();
            if (unavailable != null) {
                missing.add(unavailable);
            } else {
                for (Figure f : List.of(a, b)) {
                    if (f.value().isEmpty()) {
                        missing.add(f.missing());
                    }
                }
            }
            goals.add(new Results.Goal(id, text, db, target, null, Verdict.NOT_MEASURED, false,
                    String.join("; ", missing)));
            return;
        }
        Results.Measurement x = a.value().get();
        Results.Measurement y = b.value().get();
        double[] r = Measurements.ratio(x.mean(), Measurements.orZero(x.error()), y.mean(), Measurements.orZero(y.error()));
        boolean met = atMost ? r[0] <= limit : r[0] >= limit;
        boolean withinError = r[1] <= limit && limit <= r[2];
        String measured = Units.ratio(r[0]) + " (" + Units.time(x.mean()) + " / " + Units.time(y.mean()) + ")";
        goals.add(new Results.Goal(id, text, db, target, measured, met ? Verdict.MET : Verdict.MISSED, withinError,
                met ? null : why.explain(x, y)));
    }

    /**
     * A remote cache's hit against a raw get by a client with the cache's own settings: both the
     * mean and the median (p50) at most {@code limit} times the raw get's. The figure says what the
     * decorator adds to the round trip (hit minus raw get).
     */
    private void remoteHitGoal(String id, String text, String db, Figure hit, Figure raw, double limit,
                               String unavailable, String rawName, Figure rawWithGeneration) {
        String target = "≤ " + Units.num(limit) + "× (mean and p50)";
        if (hit.value().isEmpty() || raw.value().isEmpty()) {
            String missing = unavailable != null ? unavailable
                    : (hit.value().isEmpty() ? hit.missing() : raw.missing());
            goals.add(new Results.Goal(id, text, db, target, null, Verdict.NOT_MEASURED, false, missing));
            return;
        }
        Results.Measurement x = hit.value().get();
        Results.Measurement y = raw.value().get();
        double[] r = Measurements.ratio(x.mean(), Measurements.orZero(x.error()), y.mean(), Measurements.orZero(y.error()));
        double p50 = y.p50() > 0 ? x.p50() / y.p50() : Double.POSITIVE_INFINITY;
        boolean met = r[0] <= limit && p50 <= limit;
        boolean withinError = r[1] <= limit && limit <= r[2];
        String measured = "mean " + Units.ratio(r[0]) + " (" + Units.time(x.mean()) + " / " + Units.time(y.mean())
                + "), p50 " + Units.ratio(p50) + " (" + Units.time(x.p50()) + " / " + Units.time(y.p50())
                + "); the decorator adds " + added(x.mean() - y.mean()) + " (mean), " + added(x.p50() - y.p50())
                + " (p50) to the round trip";
        if (rawWithGeneration != null && rawWithGeneration.value().isPresent()) {
            // Where the time goes: the multi-get a hit needs (value and generation) against the rest.
            Results.Measurement g = rawWithGeneration.value().get();
            measured += "; of that, the multi-get of value and generation costs " + added(g.mean() - y.mean())
                    + " (raw, " + Units.time(g.mean()) + "), the decorator's own work " + added(x.mean() - g.mean());
        }
        if (x.cpu() != null && y.cpu() != null) {
            // Work rather than waiting: CPU per call on the calling thread and on the client's I/O thread.
            measured += "; CPU per call on the calling thread " + Units.time(x.cpu().caller()) + " against "
                    + Units.time(y.cpu().caller()) + " (" + added(x.cpu().caller() - y.cpu().caller()) + ")";
            if (x.cpu().clientIo() != null && y.cpu().clientIo() != null) {
                measured += ", on the client's I/O thread " + Units.time(x.cpu().clientIo()) + " against "
                        + Units.time(y.cpu().clientIo()) + " (" + added(x.cpu().clientIo() - y.cpu().clientIo()) + ")";
            }
        }
        goals.add(new Results.Goal(id, text, db, target, measured, met ? Verdict.MET : Verdict.MISSED, withinError,
                met ? null : "the decorator adds " + added(x.mean() - y.mean()) + " per hit to " + rawName
                        + " (mean; p50 " + added(x.p50() - y.p50()) + "); " + cacheWhy(x, y, rawName)));
    }

    /** A time difference with its sign: {@code +3.2 µs}, {@code −0.4 µs}. */
    private static String added(double ns) {
        return (ns < 0 ? "−" : "+") + Units.time(Math.abs(ns));
    }

    /** A goal on the bytes allocated per operation (JMH's gc profiler): at most {@code limit}. */
    private void bytesGoal(String id, String text, String db, Figure figure, double limit) {
        String target = "≤ " + Units.num(limit) + " B/op";
        if (figure.value().isEmpty() || figure.value().get().bytesPerOp() == null) {
            goals.add(new Results.Goal(id, text, db, target, null, Verdict.NOT_MEASURED, false,
                    figure.value().isEmpty() ? figure.missing() : "the gc profiler did not run"));
            return;
        }
        Results.Measurement m = figure.value().get();
        boolean met = m.bytesPerOp() <= limit;
        double error = Measurements.orZero(m.bytesPerOpError());
        boolean withinError = m.bytesPerOp() - error <= limit && limit <= m.bytesPerOp() + error;
        StringBuilder why = new StringBuilder(Report.bytes(m)).append(" bytes allocated per call");
        if (m.cacheCounts() != null && m.cacheCounts().hitRatio() != null) {
            why.append("; hit ratio ").append(Units.percent(m.cacheCounts().hitRatio()));
        }
        if (m.statementsPerOp() != null) {
            why.append("; ").append(Units.perOp(m.statementsPerOp())).append(" SQL statements per call");
        }
        goals.add(new Results.Goal(id, text, db, target, Report.bytes(m) + " B/op", met ? Verdict.MET : Verdict.MISSED,
                withinError, met ? null : why.toString()));
    }

    private void oneStatementGoal(String db, String impl, String who) {
        List<String> off = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int measured = 0;
        for (Workload w : Workload.values()) {
            if (!w.oneStatement) {
                continue;
            }
            Optional<Results.Measurement> m = get(w, db, impl, "NONE").value();
            if (m.isEmpty() || m.get().statementsPerOp() == null) {
                missing.add(w.method);
                continue;
            }
            measured++;
            if (Math.abs(m.get().statementsPerOp() - 1) > 1e-9) {
                off.add(w.method + " sent " + Units.perOp(m.get().statementsPerOp()) + " statements per operation");
            }
        }
        String text = who + ": every one-statement query sends 1 statement";
        if (measured == 0) {
            goals.add(new Results.Goal("one-statement", text, db, "1 statement", null, Verdict.NOT_MEASURED, false,
                    "no uncached measurement of " + String.join(", ", missing)));
            return;
        }
        String figure = (measured - off.size()) + " of " + measured + " queries at 1 statement/op"
                + (missing.isEmpty() ? "" : " (not measured: " + String.join(", ", missing) + ")");
        goals.add(new Results.Goal("one-statement", text, db, "1 statement", figure,
                off.isEmpty() ? Verdict.MET : Verdict.MISSED, false, off.isEmpty() ? null : String.join("; ", off)));
    }

    /** Why a cached path missed its goal, from its hit ratio, its statements and the time gap. */
    private static String cacheWhy(Results.Measurement cached, Results.Measurement reference, String referenceName) {
        StringBuilder why = new StringBuilder();
        why.append(Units.time(cached.mean())).append(" per call against ").append(Units.time(reference.mean()))
                .append(" for ").append(referenceName).append(" (a gap of ")
                .append(Units.time(Math.abs(cached.mean() - reference.mean()))).append(")");
        Results.CacheCounts counts = cached.cacheCounts();
        if (counts != null && counts.hitRatio() != null) {
            why.append("; hit ratio ").append(Units.percent(counts.hitRatio()))
                    .append(", ").append(Units.perOp(counts.lookupsPerOp())).append(" cache look-ups per call");
        }
        if (cached.statementsPerOp() != null) {
            why.append("; ").append(Units.perOp(cached.statementsPerOp())).append(" SQL statements per call");
            if (counts != null && counts.hitRatio() != null && counts.hitRatio() >= 0.999 && cached.statementsPerOp() == 0) {
                why.append(": every call was a hit with no SQL, so the gap is spent on the hit path itself");
            } else if (cached.statementsPerOp() > 0) {
                why.append(": calls that went to the database are part of the mean");
            }
        }
        return why.toString();
    }

    /** Why one stack's query missed against another's, from statements per operation and time. */
    private static String statementsWhy(Results.Measurement a, Results.Measurement b) {
        StringBuilder why = new StringBuilder();
        why.append(a.stack()).append(" ").append(a.title()).append(": ").append(Units.time(a.mean()));
        appendStatements(why, a);
        why.append("; ").append(b.stack()).append(" ").append(b.title()).append(": ").append(Units.time(b.mean()));
        appendStatements(why, b);
        if (a.statementsPerOp() != null && b.statementsPerOp() != null) {
            double extra = a.statementsPerOp() - b.statementsPerOp();
            if (Math.abs(extra) < 1e-9) {
                why.append(". Same number of statements, so the difference of ")
                        .append(Units.time(Math.abs(a.mean() - b.mean())))
                        .append(" per operation is spent outside the database round trips");
            } else if (extra > 0 && a.mean() > b.mean()) {
                why.append(". ").append(Units.perOp(extra)).append(" more statements per operation, at about ")
                        .append(Units.time((a.mean() - b.mean()) / extra)).append(" each on this database");
            } else if (extra > 0) {
                why.append(". The first sent ").append(Units.perOp(extra))
                        .append(" more statements per operation and still took less time");
            } else if (a.mean() > b.mean()) {
                why.append(". The first sent ").append(Units.perOp(-extra))
                        .append(" fewer statements per operation and still took longer");
            }
        }
        return why.toString();
    }

    private static void appendStatements(StringBuilder why, Results.Measurement m) {
        if (m.statementsPerOp() != null) {
            why.append(" with ").append(Units.perOp(m.statementsPerOp())).append(" statements/op");
        }
    }

    private Figure get(Workload w, String db, String impl, String cache) {
        Optional<Results.Measurement> found = Measurements.find(all, w, db, impl, cache);
        String stack = impl.toLowerCase(Locale.ROOT) + "/" + cache.toLowerCase(Locale.ROOT);
        String why = dropped.stream().filter(d -> d.db().equals(db) && d.impl().equals(impl.toLowerCase(Locale.ROOT))
                        && d.cache().equals(cache.toLowerCase(Locale.ROOT)))
                .map(d -> ": " + stack + " was left out (" + d.reason() + ")").findFirst().orElse(" (failed or filtered out)");
        return new Figure(found, "no " + stack + " " + w.id() + " in this run" + why);
    }

    private Figure baseline(Workload w) {
        return new Figure(Measurements.find(all, w, null, null, null), "no " + w.id() + " in this run");
    }
}
