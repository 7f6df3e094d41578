package dev.sqlstudy.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The study's answers, as the report opens with them: a few sentences, every figure taken from
 * this run's measurements, and the bars of the three charts that go with them. A sentence whose
 * figures the run did not measure is left out, never written with a placeholder.
 */
final class Answers {

    static final String HIBERNATE = "HIBERNATE";
    static final String MYBATIS = "MYBATIS";

    /** What the answers' figures are, in one line under them. */
    static final String NOTE = "Means of one thread, from this run; † marks a mean from JMH's AverageTime, every other "
            + "one comes from SampleTime (see How to read this). The detail tables below give each figure's error.";

    private Answers() {
    }

    /** The sentences, in the order the report shows them (empty when nothing they need was measured). */
    static List<String> sentences(Results r) {
        List<String> out = new ArrayList<>();
        List<Results.DatabaseInfo> dbs = answerDatabases(r);
        for (Results.DatabaseInfo db : dbs) {
            pointRead(r, db).ifPresent(out::add);
        }
        for (Results.DatabaseInfo db : dbs) {
            cachedHit(r, db).ifPresent(out::add);
            cachedMiss(r, db).ifPresent(out::add);
        }
        for (Results.DatabaseInfo db : dbs) {
            nPlusOne(r, db).ifPresent(out::add);
        }
        for (Results.DatabaseInfo db : dbs) {
            batch(r, db).ifPresent(out::add);
        }
        mysqlVsMariaDb(r).ifPresent(out::add);
        if (!out.isEmpty() && dbs.stream().noneMatch(Answers::isH2)
                && r.databases().stream().anyMatch(d -> d.available() && isH2(d))) {
            out.add("H2's figures are in its section below.");
        }
        return out;
    }

    /**
     * The databases the answers speak of: the servers (MariaDB, MySQL) when the run measured one,
     * else H2 — the study's questions are about a server; H2 is its reference.
     */
    static List<Results.DatabaseInfo> answerDatabases(Results r) {
        List<Results.DatabaseInfo> available = r.databases().stream()
                .filter(d -> d.available() && r.measurements().stream().anyMatch(m -> d.spec().equals(m.db()))).toList();
        List<Results.DatabaseInfo> servers = available.stream().filter(d -> !isH2(d)).toList();
        return servers.isEmpty() ? available : servers;
    }

    static boolean isH2(Results.DatabaseInfo db) {
        return db.label() != null && db.label().startsWith("H2") || db.spec().equals("h2") || db.spec().equals("mem");
    }

    static boolean isMariaDb(Results.DatabaseInfo db) {
        return contains(db.version(), "mariadb") || contains(db.label(), "mariadb");
    }

    /** A MySQL server: not MariaDB (which also answers with a MySQL-protocol version), not H2. */
    static boolean isMySql(Results.DatabaseInfo db) {
        return !isMariaDb(db) && !isH2(db) && (contains(db.label(), "mysql") || contains(db.version(), "mysql"));
    }

    /** The available MariaDB and MySQL databases of the run, when it measured both. */
    static Optional<Results.DatabaseInfo[]> mariaDbAndMySql(Results r) {
        Optional<Results.DatabaseInfo> maria = r.databases().stream().filter(d -> d.available() && isMariaDb(d)).findFirst();
        Optional<Results.DatabaseInfo> mysql = r.databases().stream().filter(d -> d.available() && isMySql(d)).findFirst();
        if (maria.isEmpty() || mysql.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Results.DatabaseInfo[] {maria.get(), mysql.get()});
    }

    private static boolean contains(String s, String part) {
        return s != null && s.toLowerCase(Locale.ROOT).contains(part);
    }

    /** MyBatis and Hibernate against raw JDBC, uncached, on a point read by id. */
    static Optional<String> pointRead(Results r, Results.DatabaseInfo db) {
        Optional<Results.Measurement> jdbc = find(r, Workload.POINT_BY_ID, db.spec(), Measurements.JDBC, Measurements.NONE);
        if (jdbc.isEmpty()) {
            return Optional.empty();
        }
        List<String> ratios = new ArrayList<>();
        List<String> times = new ArrayList<>();
        times.add("raw JDBC " + time(jdbc.get()));
        for (String impl : List.of(MYBATIS, HIBERNATE)) {
            find(r, Workload.POINT_BY_ID, db.spec(), impl, Measurements.NONE).ifPresent(m -> {
                ratios.add("with " + implName(impl) + (ratios.isEmpty() ? " costs " : " ") + Units.ratio(m.mean() / jdbc.get().mean())
                        + (ratios.isEmpty() ? " raw JDBC's time" : ""));
                times.add(implName(impl) + " " + time(m));
            });
        }
        if (ratios.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("On " + db.label() + ", a point read by id " + String.join(" and ", ratios)
                + " (" + String.join(", ", times) + ").");
    }

    /** Each cache's hit against the database read of the same implementation, on a point read by id. */
    static Optional<String> cachedHit(Results r, Results.DatabaseInfo db) {
        List<String> parts = new ArrayList<>();
        Results.Measurement jdbcRead = null;
        for (CacheLeg leg : cacheLegs(r, db.spec())) {
            double ratio = leg.read().mean() / leg.hit().mean();
            boolean onJdbc = Measurements.JDBC.equals(leg.read().impl());
            jdbcRead = onJdbc ? leg.read() : jdbcRead;
            parts.add(leg.name() + " " + time(leg.hit()) + ", " + speed(ratio)
                    + (onJdbc ? "" : " than " + leg.readName() + " (" + time(leg.read()) + ")"));
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("On " + db.label() + ", a point read by id served by a cache instead of the database"
                + (jdbcRead == null ? "" : " (raw JDBC's read: " + time(jdbcRead) + ")") + ": " + String.join("; ", parts) + ".");
    }

    /**
     * What a miss costs: each cache's look-up of an absent id (its whole miss path: look-up, lease,
     * database read, fill) against the same read without that cache.
     */
    static Optional<String> cachedMiss(Results r, Results.DatabaseInfo db) {
        List<String> parts = new ArrayList<>();
        Results.Measurement jdbcRead = null;
        for (CacheLeg leg : cacheLegs(r, db.spec(), Workload.POINT_BY_ID_MISS)) {
            boolean onJdbc = Measurements.JDBC.equals(leg.read().impl());
            jdbcRead = onJdbc ? leg.read() : jdbcRead;
            parts.add(leg.name().replace(" hit", " miss") + " " + time(leg.hit()) + ", "
                    + Units.ratio(leg.hit().mean() / leg.read().mean())
                    + (onJdbc ? "" : " " + leg.readName() + " (" + time(leg.read()) + ")"));
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("On " + db.label() + ", a point read that misses (a new absent id each call: look-up, "
                + "lease, database read, fill) costs, against the same read without the cache"
                + (jdbcRead == null ? "" : " (raw JDBC's: " + time(jdbcRead) + ")") + ": " + String.join("; ", parts) + ".");
    }

    /** The parent with 100 children child by child (N+1) against its one statement, raw JDBC. */
    static Optional<String> nPlusOne(Results r, Results.DatabaseInfo db) {
        Optional<Results.Measurement> one = find(r, Workload.PARENT_WITH_100_CHILDREN, db.spec(), Measurements.JDBC, Measurements.NONE);
        Optional<Results.Measurement> naive = find(r, Workload.PARENT_NAIVE, db.spec(), Measurements.JDBC, Measurements.NONE);
        if (one.isEmpty() || naive.isEmpty()) {
            return Optional.empty();
        }
        Double statements = naive.get().statementsPerOp();
        return Optional.of("On " + db.label() + ", loading the parent with 100 children child by child (N+1"
                + (statements == null ? "" : ", " + Units.perOp(statements) + " statements") + ") costs "
                + Units.ratio(naive.get().mean() / one.get().mean()) + " its one statement (raw JDBC: "
                + time(naive.get()) + " against " + time(one.get()) + ").");
    }

    /** 1,000 inserts as one batch against 1,000 single inserts in one transaction, raw JDBC. */
    static Optional<String> batch(Results r, Results.DatabaseInfo db) {
        Optional<Results.Measurement> batch = find(r, Workload.BATCH_INSERT, db.spec(), Measurements.JDBC, Measurements.NONE);
        Optional<Results.Measurement> single = find(r, Workload.SINGLE_INSERTS, db.spec(), Measurements.JDBC, Measurements.NONE);
        if (batch.isEmpty() || single.isEmpty()) {
            return Optional.empty();
        }
        double ratio = single.get().mean() / batch.get().mean();
        return Optional.of("On " + db.label() + ", 1,000 inserts as one JDBC batch take " + time(batch.get()) + " ("
                + Units.time(batch.get().nsPerRow()) + " per row), " + speed(ratio) + " than 1,000 single inserts "
                + "in one transaction (" + time(single.get()) + ").");
    }

    /** Raw JDBC's point read on MySQL against MariaDB, when the run measured both. */
    static Optional<String> mysqlVsMariaDb(Results r) {
        Optional<Results.DatabaseInfo[]> pair = mariaDbAndMySql(r);
        if (pair.isEmpty()) {
            return Optional.empty();
        }
        Results.DatabaseInfo maria = pair.get()[0];
        Results.DatabaseInfo mysql = pair.get()[1];
        Optional<Results.Measurement> onMaria = find(r, Workload.POINT_BY_ID, maria.spec(), Measurements.JDBC, Measurements.NONE);
        Optional<Results.Measurement> onMySql = find(r, Workload.POINT_BY_ID, mysql.spec(), Measurements.JDBC, Measurements.NONE);
        if (onMaria.isEmpty() || onMySql.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Raw JDBC's point read by id takes " + time(onMySql.get()) + " on MySQL (" + mysql.version()
                + ") against " + time(onMaria.get()) + " on MariaDB (" + maria.version() + "): MySQL ÷ MariaDB = "
                + Units.ratio(onMySql.get().mean() / onMaria.get().mean()) + " (every workload: the MySQL vs MariaDB section).");
    }

    /**
     * A cache's hit and the read it saves: a decorator on raw JDBC against raw JDBC, a framework's
     * own cache against the same framework uncached.
     */
    record CacheLeg(String name, Results.Measurement hit, String readName, Results.Measurement read) {
    }

    /** The legs of the cached-hit answer and chart on one database, in the cache guarantees' column order. */
    static List<CacheLeg> cacheLegs(Results r, String db) {
        return cacheLegs(r, db, Workload.POINT_BY_ID);
    }

    /** The same legs on another point-read workload (the always-missing one). */
    static List<CacheLeg> cacheLegs(Results r, String db, Workload workload) {
        List<CacheLeg> legs = new ArrayList<>();
        Optional<Results.Measurement> jdbcRead = find(r, workload, db, Measurements.JDBC, Measurements.NONE);
        for (String[] decorator : new String[][] {{"CAFFEINE", "a Caffeine hit"}, {"MEMCACHED", "a memcached hit"},
                {"REDIS", "a Redis hit"}}) {
            Optional<Results.Measurement> hit = find(r, workload, db, Measurements.JDBC, decorator[0]);
            if (hit.isPresent() && jdbcRead.isPresent()) {
                legs.add(new CacheLeg(decorator[1], hit.get(), "raw JDBC's database read", jdbcRead.get()));
            }
        }
        for (String[] own : new String[][] {{HIBERNATE, "a Hibernate second-level cache hit", "Hibernate's database read"},
                {MYBATIS, "a MyBatis <cache/> hit", "MyBatis's database read"}}) {
            Optional<Results.Measurement> hit = find(r, workload, db, own[0], "NATIVE");
            Optional<Results.Measurement> read = find(r, workload, db, own[0], Measurements.NONE);
            if (hit.isPresent() && read.isPresent()) {
                legs.add(new CacheLeg(own[1], hit.get(), own[2], read.get()));
            }
        }
        return legs;
    }

    // ---- the charts' bars

    /** (a) A point read by id on every stack of every database. */
    static List<SvgCharts.Bar> pointReadBars(Results r) {
        List<SvgCharts.Bar> bars = new ArrayList<>();
        int group = 0;
        for (Results.DatabaseInfo db : measuredDatabases(r)) {
            for (Results.Measurement m : r.measurements()) {
                if (Workload.POINT_BY_ID.id().equals(m.workload()) && db.spec().equals(m.db())) {
                    bars.add(bar(db.label() + " · " + m.stack(), m, group,
                            m.ratioVsJdbc() == null ? "" : Units.ratio(m.ratioVsJdbc()) + " raw JDBC"));
                }
            }
            group++;
        }
        return bars;
    }

    /** (b) Each cache's hit next to the database read it saves, per database. */
    static List<SvgCharts.Bar> cacheBars(Results r) {
        List<SvgCharts.Bar> bars = new ArrayList<>();
        for (Results.DatabaseInfo db : measuredDatabases(r)) {
            int group = 0;
            for (CacheLeg leg : cacheLegs(r, db.spec())) {
                bars.add(bar(db.label() + " · " + leg.read().stack() + " (database)", leg.read(), 0, ""));
                bars.add(bar(db.label() + " · " + leg.hit().stack() + " (hit)", leg.hit(), ++group,
                        speed(leg.read().mean() / leg.hit().mean())));
            }
        }
        // A database read shared by several decorators is shown once, before its first hit.
        List<SvgCharts.Bar> once = new ArrayList<>();
        for (SvgCharts.Bar b : bars) {
            if (once.stream().noneMatch(o -> o.label().equals(b.label()))) {
                once.add(b);
            }
        }
        return once;
    }

    /** (c) Each one-statement query next to its N+1 variant, raw JDBC, per database. */
    static List<SvgCharts.Bar> nPlusOneBars(Results r) {
        List<SvgCharts.Bar> bars = new ArrayList<>();
        for (Results.DatabaseInfo db : measuredDatabases(r)) {
            for (Workload w : Workload.values()) {
                if (w.naive().isEmpty()) {
                    continue;
                }
                Optional<Results.Measurement> one = find(r, w, db.spec(), Measurements.JDBC, Measurements.NONE);
                Optional<Results.Measurement> naive = find(r, w.naive().get(), db.spec(), Measurements.JDBC, Measurements.NONE);
                if (one.isPresent() && naive.isPresent()) {
                    bars.add(bar(db.label() + " · " + w.method + " (one statement)", one.get(), 0, ""));
                    bars.add(bar(db.label() + " · " + w.naive().get().method + " (N+1)", naive.get(), 3,
                            Units.ratio(naive.get().mean() / one.get().mean()) + " one statement"));
                }
            }
        }
        return bars;
    }

    private static List<Results.DatabaseInfo> measuredDatabases(Results r) {
        return r.databases().stream()
                .filter(d -> d.available() && r.measurements().stream().anyMatch(m -> d.spec().equals(m.db()))).toList();
    }

    private static SvgCharts.Bar bar(String label, Results.Measurement m, int color, String note) {
        String statements = m.statementsPerOp() == null ? "" : ", " + Units.perOp(m.statementsPerOp()) + " statements/op";
        String tooltip = label + ": mean " + Report.meanWithError(m) + (m.meanFromAverageTime() ? " (AverageTime)" : " (SampleTime)")
                + statements + (note.isEmpty() ? "" : "; " + note);
        return new SvgCharts.Bar(label, m.mean(), time(m) + (note.isEmpty() ? "" : "  " + note), tooltip, color);
    }

    // ---- helpers

    static Optional<Results.Measurement> find(Results r, Workload w, String db, String impl, String cache) {
        // The standard matrix's row: the workload at its standard size, on one thread.
        return r.measurements().stream().filter(m -> m.is(w, db, impl, cache)).findFirst();
    }

    /** {@code 135 ns†}: the mean, marked † when it comes from AverageTime. */
    static String time(Results.Measurement m) {
        return Units.time(m.mean()) + (m.meanFromAverageTime() ? "†" : "");
    }

    /** {@code 56× faster}, or {@code 1.40× slower} for a ratio under 1. */
    static String speed(double ratio) {
        return ratio >= 1 ? Units.ratio(ratio) + " faster" : Units.ratio(1 / ratio) + " slower";
    }

    private static String implName(String impl) {
        return switch (impl) {
            case HIBERNATE -> "Hibernate";
            case MYBATIS -> "MyBatis";
            default -> "raw JDBC";
        };
    }
}
