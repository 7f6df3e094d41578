package dev.sqlstudy.cli;

import dev.sqlstudy.cache.CacheKind;
import dev.sqlstudy.cache.CacheStats;
import dev.sqlstudy.stack.Impl;
import dev.sqlstudy.stack.Stack;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs one captured action (or the demo's walk) on every stack of {@code --impls} × {@code --caches}
 * over one database, and prints what each did through {@link ComparisonReport}.
 *
 * <p>All stacks share one open database (the first implementation's bare stack opens it, and a
 * container with {@code --db container}); each compared stack is {@link Stack#over} it. The counts are
 * the database's {@link dev.sqlstudy.db.StatementCounter}'s, so they are what reached the driver —
 * the same numbers {@code --explain} prints — and stacks run one after the other, never at once.
 */
final class Comparison {

    private Comparison() {
    }

    /** {@code --impls} and {@code --caches} as given; empty when not given. */
    record Axes(List<Impl> impls, List<CacheKind> caches) {

        List<Impl> implsOrDefault() {
            return impls.isEmpty() ? List.of(Impl.values()) : impls;
        }

        /** The default is no cache: the implementations side by side. */
        List<CacheKind> cachesOrDefault() {
            return caches.isEmpty() ? List.of(CacheKind.NONE) : caches;
        }

        /** A combination the user named, both halves: one that cannot be opened is their error, not a gap. */
        boolean named() {
            return !impls.isEmpty() && !caches.isEmpty();
        }
    }

    /** The compared command: its words, its captured action, and whether it writes ({@link Writes}). */
    record Job(String command, StudyCommand.Action action, boolean writes) {
    }

    /** What the warm runs of a read did, together. */
    record Warm(int runs, long statements, long commits, long rollbacks, CacheStats cache) {
    }

    /**
     * What one stack did on its first run — the answer or the failure, the SQL and cache events in
     * order, the counts — and, for a read, on its warm runs. For the demo, its steps.
     */
    record Outcome(Impl impl, CacheKind cache, Result result, Throwable failure, List<String> events,
                   long statements, long commits, long rollbacks, CacheStats cacheStats, Warm warm, double millis,
                   List<DemoCommand.Step> steps) {

        String label() {
            return impl + "/" + cache;
        }

        int exit() {
            return failure == null ? ExitCode.OK : Errors.exitCode(failure);
        }

        /** What reached the database: every statement (a batch once), every commit and rollback. */
        long roundTrips() {
            return statements + commits + rollbacks;
        }

        String error() {
            if (failure == null) {
                return null;
            }
            String message = failure.getMessage();
            return Errors.oneLine(message == null || message.isBlank() ? failure.getClass().getSimpleName() : message);
        }

        /** Whether this stack did what {@code baseline} did: the same answer, or a failure with the same exit code. */
        boolean sameAs(Outcome baseline) {
            if (failure != null || baseline.failure != null) {
                return exit() == baseline.exit();
            }
            if (steps != null) {
                return stepsDiffering(baseline).isEmpty();
            }
            return result.json().equals(baseline.result.json());
        }

        /** The demo steps (numbers) whose answers differ from {@code baseline}'s, or that one of the two did not reach. */
        List<Integer> stepsDiffering(Outcome baseline) {
            List<Integer> differing = new ArrayList<>();
            for (int i = 0; i < Math.max(steps.size(), baseline.steps.size()); i++) {
                if (i >= steps.size() || i >= baseline.steps.size()
                        || !steps.get(i).result().json().equals(baseline.steps.get(i).result().json())) {
                    differing.add(i + 1);
                }
            }
            return differing;
        }

        CacheStats cacheTotal() {
            return warm == null ? cacheStats : cacheStats.plus(warm.cache());
        }
    }

    // ---- running ----------------------------------------------------------------------------

    /** Runs {@code job} on every stack and prints the comparison; returns the worst exit code. */
    static int run(StudyCommand root, PrintWriter out, PrintWriter err, Axes axes, Integer repeat, Job job) {
        Totals totals = new Totals();
        int code;
        try (Stacks stacks = Stacks.open(root, axes)) {
            List<String> notes = new ArrayList<>(stacks.notes);
            if (job.writes() && repeat != null) {
                notes.add("'" + job.command() + "' writes: it runs once on each stack, from the sample data; "
                        + "--repeat applies to reads");
            }
            int warmRuns = job.writes() ? 0 : repeat == null ? CompareCommand.DEFAULT_REPEAT : repeat;
            List<Outcome> outcomes = new ArrayList<>();
            for (Stack stack : stacks.compared) {
                Outcome outcome = runOn(stack, job, warmRuns, explainSink(root, err, stack));
                totals.add(outcome);
                if (outcomes.isEmpty() && outcome.exit() == ExitCode.USAGE) {
                    // Input the domain refuses (a bad hostname, a bad CSV line) is refused before any SQL, the same on
                    // every stack (DESIGN: validated once, in the domain): the input's error, not a stack's.
                    code = Errors.report(outcome.failure(), err, root.verbose());
                    return finish(root, err, totals, code);
                }
                StudyCommand.warnOnCacheErrors(err, stack.cache(), outcome.cacheTotal());
                outcomes.add(outcome);
            }
            ComparisonReport report = new ComparisonReport(job.command(), stacks.database, notes, outcomes, job.writes(), warmRuns);
            if (root.format() == StudyCommand.Format.JSON) {
                out.println(StudyCommand.JSON.writeValueAsString(report.json()));
            } else {
                out.print(report.table());
            }
            out.flush();
            code = report.worstExit();
        } catch (Exception e) {
            code = Errors.report(e, err, root.verbose());
        }
        return finish(root, err, totals, code);
    }

    /** Walks the demo on every stack and prints the walks step by step, lined up; returns the worst exit code. */
    static int runDemo(StudyCommand root, PrintWriter out, PrintWriter err, Axes axes, Integer repeat) {
        Totals totals = new Totals();
        int code;
        try (Stacks stacks = Stacks.open(root, axes)) {
            List<String> notes = new ArrayList<>(stacks.notes);
            if (repeat != null) {
                notes.add("the demo writes: each stack walks it once, from the sample data; --repeat applies to reads");
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Stack stack : stacks.compared) {
                Outcome outcome = walkOn(stack, explainSink(root, err, stack));
                totals.add(outcome);
                StudyCommand.warnOnCacheErrors(err, stack.cache(), outcome.cacheTotal());
                outcomes.add(outcome);
            }
            ComparisonReport report = new ComparisonReport("demo", stacks.database, notes, outcomes, true, 0);
            if (root.format() == StudyCommand.Format.JSON) {
                out.println(StudyCommand.JSON.writeValueAsString(report.json()));
            } else {
                out.print(report.demoTable());
            }
            out.flush();
            code = report.worstExit();
        } catch (Exception e) {
            code = Errors.report(e, err, root.verbose());
        }
        return finish(root, err, totals, code);
    }

    private static int finish(StudyCommand root, PrintWriter err, Totals totals, int code) {
        if (root.explain()) {
            err.println(Trace.summary(totals.statements, totals.hits, totals.misses));
        }
        err.flush();
        return code;
    }

    /** With {@code --explain}, every line as it happens, after the stack it happened on. */
    private static Consumer<String> explainSink(StudyCommand root, PrintWriter err, Stack stack) {
        if (!root.explain()) {
            return null;
        }
        String prefix = "[" + stack.impl() + "/" + stack.cache() + "] ";
        return line -> {
            err.println(prefix + line);
            err.flush();
        };
    }

    /**
     * The same start for every stack: a write after a reset to the sample data, a read on the data as
     * it is; either way with the stack's cache emptied, so its first run is a cold one.
     */
    private static Outcome runOn(Stack stack, Job job, int warmRuns, Consumer<String> sink) {
        try {
            if (job.writes()) {
                stack.reset();
            } else {
                stack.clearCache();
            }
        } catch (RuntimeException e) {
            return new Outcome(stack.impl(), stack.cache(), null, e, List.of(), 0, 0, 0, CacheStats.ZERO, null, 0, null);
        }
        try (Trace trace = new Trace(stack, sink)) {
            Result result = null;
            Throwable failure = null;
            long start = System.nanoTime();
            try {
                result = job.action().run(stack, trace);
            } catch (Exception e) {
                failure = e;
            }
            long first = System.nanoTime() - start;
            List<String> events = trace.drain();
            long statements = trace.statements();
            long commits = trace.commits();
            long rollbacks = trace.rollbacks();
            CacheStats cache = trace.cache();
            if (warmRuns == 0) {
                return new Outcome(stack.impl(), stack.cache(), result, failure, events, statements, commits, rollbacks,
                        cache, null, millis(first), null);
            }
            long[] times = new long[warmRuns];
            for (int i = 0; i < warmRuns; i++) {
                long warmStart = System.nanoTime();
                try {
                    job.action().run(stack, trace);
                } catch (Exception sameAsTheFirstRun) {
                    // A read that failed cold fails warm too (not found stays not found); the first run's is reported.
                }
                times[i] = System.nanoTime() - warmStart;
                trace.drain();
            }
            Warm warm = new Warm(warmRuns, trace.statements() - statements, trace.commits() - commits,
                    trace.rollbacks() - rollbacks, trace.cache().minus(cache));
            return new Outcome(stack.impl(), stack.cache(), result, failure, events, statements, commits, rollbacks,
                    cache, warm, median(times), null);
        }
    }

    private static Outcome walkOn(Stack stack, Consumer<String> sink) {
        try (Trace trace = new Trace(stack, sink)) {
            List<DemoCommand.Step> steps = new ArrayList<>();
            Throwable failure = null;
            long start = System.nanoTime();
            try {
                new DemoCommand.Walk(stack, trace).run(steps::add);
            } catch (RuntimeException e) {
                failure = e;
            }
            long elapsed = System.nanoTime() - start;
            return new Outcome(stack.impl(), stack.cache(), null, failure, List.of(), trace.statements(), trace.commits(),
                    trace.rollbacks(), trace.cache(), null, millis(elapsed), List.copyOf(steps));
        }
    }

    static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double middle = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        return millis(middle);
    }

    /** Milliseconds, to the microsecond. */
    private static double millis(double nanos) {
        return BigDecimal.valueOf(nanos / 1_000_000.0).setScale(3, RoundingMode.HALF_UP).doubleValue();
    }

    /** The {@code --explain} summary's counts over every stack and run. */
    private static final class Totals {
        long statements;
        long hits;
        long misses;

        void add(Outcome outcome) {
            statements += outcome.statements() + (outcome.warm() == null ? 0 : outcome.warm().statements());
            CacheStats cache = outcome.cacheTotal();
            hits += cache.hits();
            misses += cache.misses();
        }
    }

    /** The compared stacks over one database, and what was left out. */
    private static final class Stacks implements AutoCloseable {

        final Stack owner;
        final String database;
        final List<Stack> compared = new ArrayList<>();
        final List<String> notes = new ArrayList<>();

        private Stacks(Stack owner) {
            this.owner = owner;
            this.database = owner.database().server() + " at " + owner.database().config().safeUrl();
        }

        static Stacks open(StudyCommand root, Axes axes) {
            StudyCommand.Choices choices = root.choices();
            // Opens the database once (pool, Flyway, a container for --db container) for every stack to share.
            Stack owner = new StudyCommand.Choices(Impl.values()[0], CacheKind.NONE, choices.db(), choices.cacheSettings()).open();
            Stacks stacks = new Stacks(owner);
            try {
                for (Impl impl : axes.implsOrDefault()) {
                    for (CacheKind cache : axes.cachesOrDefault()) {
                        stacks.add(root, axes, impl, cache, choices);
                    }
                }
                if (stacks.compared.isEmpty()) {
                    throw Errors.Failure.usage("no stack to compare: " + String.join("; ", stacks.notes), null);
                }
                return stacks;
            } catch (RuntimeException e) {
                stacks.close();
                throw e;
            }
        }

        private void add(StudyCommand root, Axes axes, Impl impl, CacheKind cache, StudyCommand.Choices choices) {
            try {
                compared.add(Stack.over(owner.database(), impl, cache, choices.cacheSettings(),
                        repositories -> root.wrapper().wrap(impl, cache, repositories)));
            } catch (IllegalArgumentException | IllegalStateException e) {
                // A combination the stack cannot serve (a framework's own cache under another framework).
                if (axes.named()) {
                    throw Errors.Failure.usage("cannot compare " + impl + "/" + cache + ": " + e.getMessage(), e);
                }
                notes.add("left out " + impl + "/" + cache + " (" + Errors.oneLine(String.valueOf(e.getMessage())) + ")");
            }
        }

        @Override
        public void close() {
            for (Stack stack : compared) {
                try {
                    stack.close();
                } catch (RuntimeException e) {
                    // Closing one stack's implementation cannot change what the others answered.
                }
            }
            owner.close();
        }
    }
}
