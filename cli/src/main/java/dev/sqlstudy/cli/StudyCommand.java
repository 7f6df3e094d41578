package dev.sqlstudy.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.ConsoleAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sqlstudy.cache.CacheKind;
import dev.sqlstudy.cache.CacheSettings;
import dev.sqlstudy.cache.CacheStats;
import dev.sqlstudy.domain.Repositories;
import dev.sqlstudy.stack.DbTarget;
import dev.sqlstudy.stack.Impl;
import dev.sqlstudy.stack.Stack;
import dev.sqlstudy.stack.StudyEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code study}: the global options cli/README.md documents and the commands under them. Every option here is
 * inherited, so it may come before or after the command ({@code study family list --explain}).
 * Each command opens one stack through {@link #run}, which owns output, errors and {@code --explain}.
 */
@Command(name = "study",
        mixinStandardHelpOptions = true,
        versionProvider = StudyCommand.Version.class,
        sortOptions = false,
        subcommands = {ResetCommand.class, DemoCommand.class, HostsCommand.class, FamilyCommand.class,
                JoinsCommand.class, CompareCommand.class, BenchCommand.class},
        description = {
                "Runs the sample queries of the SQLAlchemy tutorial on raw JDBC, MyBatis or Hibernate, "
                        + "with or without a cache, on an embedded or a real database.",
                "",
                "Start with: study demo",
                ""},
        footer = {"",
                "Output: a table, or with --format json exactly one JSON document on stdout.",
                "Errors: one line on stderr starting 'error:'. Exit codes: 0 ok, 1 not found,",
                "2 invalid input or usage, 3 duplicate hostname/ip_addr, 4 database unavailable",
                "(70: an unexpected failure; rerun with --verbose).",
                "Environment: STUDY_HOME (h2 files, default ~/.sqlstudy), STUDY_DB_USER,",
                "STUDY_DB_PASSWORD, STUDY_MEMCACHED."})
public final class StudyCommand implements Callable<Integer> {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The only environment the CLI reads: the map {@link StudyCli} was given. */
    private final StudyEnvironment environment;

    /** The environment as given, for the command line {@code compare} parses its command with. */
    private final Map<String, String> env;

    /** What {@code compare} puts around each stack's repositories: nothing but in tests. */
    private final StackWrapper wrapper;

    /**
     * When set, {@link #run} hands each command's action to it instead of running it: how
     * {@code compare} gets a data command's action, parsed and validated by the command's own
     * class, to run on every stack.
     */
    private final Capture capture;

    /** Standard input, read once: {@code compare hosts import -} runs the import on every stack. */
    private byte[] standardInput;

    @Spec
    private CommandSpec spec;

    // No defaultValue on these: an inherited option's default would be applied again when a
    // subcommand is parsed; the defaults are resolved in choices() instead.
    @Option(names = "--impl", scope = ScopeType.INHERIT, paramLabel = "IMPL", converter = ImplConverter.class,
            completionCandidates = ImplNames.class,
            description = "Implementation: ${COMPLETION-CANDIDATES} (default jdbc).")
    private Impl impl;

    @Option(names = "--cache", scope = ScopeType.INHERIT, paramLabel = "CACHE", converter = CacheConverter.class,
            completionCandidates = CacheNames.class,
            description = "Cache in front: ${COMPLETION-CANDIDATES} (default none).")
    private CacheKind cache;

    @Option(names = "--db", scope = ScopeType.INHERIT, paramLabel = "DB",
            description = "Database: h2 (a file under $STUDY_HOME, default ~/.sqlstudy), mem (in memory, "
                    + "gone at exit), container[:mysql|:mariadb] (a server in Docker: image $STUDY_MYSQL_IMAGE, "
                    + "$STUDY_MARIADB_IMAGE, or $STUDY_CONTAINER_IMAGE for plain container), or a JDBC URL such as "
                    + "jdbc:mysql://127.0.0.1:3306/test (default h2). Only bench takes it more than once: "
                    + "it measures every database given.")
    private List<String> db = new ArrayList<>();

    @Option(names = "--db-user", scope = ScopeType.INHERIT, paramLabel = "USER",
            description = "Database user for a JDBC URL (default $STUDY_DB_USER).")
    private String dbUser;

    @Option(names = "--db-password", scope = ScopeType.INHERIT, paramLabel = "PASSWORD",
            description = "Its password (default $STUDY_DB_PASSWORD; prefer the variable: options show in ps).")
    private String dbPassword;

    @Option(names = "--memcached", scope = ScopeType.INHERIT, paramLabel = "HOST:PORT[,…]",
            description = "memcached servers for --cache memcached (default $STUDY_MEMCACHED or "
                    + CacheSettings.DEFAULT_MEMCACHED + ").")
    private String memcached;

    @Option(names = "--redis", scope = ScopeType.INHERIT, paramLabel = "HOST:PORT[,…]",
            description = "Redis for --cache redis: one server, or the nodes of a Redis Cluster (default $STUDY_REDIS or "
                    + CacheSettings.DEFAULT_REDIS + ").")
    private String redis;

    @Option(names = "--format", scope = ScopeType.INHERIT, paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "table (default) or json: exactly one JSON document on stdout.")
    private Format format;

    @Option(names = "--explain", scope = ScopeType.INHERIT,
            description = "Print on stderr every SQL statement the command ran and every cache event, then "
                    + "'explain: statements=N cache_hits=H cache_misses=M' as the last line.")
    private boolean explain;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Stack traces with errors, and library logging on stderr.")
    private boolean verbose;

    public StudyCommand(Map<String, String> env) {
        this(env, StackWrapper.NONE, null);
    }

    StudyCommand(Map<String, String> env, StackWrapper wrapper, Capture capture) {
        this.environment = StudyEnvironment.of(env);
        this.env = Map.copyOf(env);
        this.wrapper = wrapper;
        this.capture = capture;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command: one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    boolean verbose() {
        return verbose;
    }

    boolean explain() {
        return explain;
    }

    Map<String, String> env() {
        return env;
    }

    StackWrapper wrapper() {
        return wrapper;
    }

    /** {@code --impl} and {@code --cache} as given (null when not), which {@code compare} refuses. */
    Impl implOption() {
        return impl;
    }

    CacheKind cacheOption() {
        return cache;
    }

    /** Every byte of standard input, read on the first call and kept for the next ones. */
    synchronized byte[] standardInput() throws IOException {
        if (standardInput == null) {
            standardInput = System.in.readAllBytes();
        }
        return standardInput;
    }

    Format format() {
        return format == null ? Format.TABLE : format;
    }

    /** What the global options chose, defaults and environment applied. */
    Choices choices() {
        Impl chosenImpl = impl != null ? impl : Impl.parse("jdbc");
        CacheKind chosenCache = cache != null ? cache : CacheKind.NONE;
        DbTarget target;
        try {
            target = DbTarget.parse(dbOption(), dbUser, dbPassword, environment);
        } catch (IllegalArgumentException e) {
            throw Errors.Failure.usage(e.getMessage(), e);
        }
        return new Choices(chosenImpl, chosenCache, target, cacheSettings());
    }

    /**
     * The {@code --db} given on the command line, or null for the default.
     *
     * @throws Errors.Failure a usage error when it was given more than once (only bench takes several)
     */
    String dbOption() {
        if (db.size() > 1) {
            throw Errors.Failure.usage("--db was given " + db.size() + " times (" + String.join(", ", db)
                    + "); only bench measures several databases", null);
        }
        return db.isEmpty() ? null : db.get(0);
    }

    /** Every {@code --db} given, in order: the databases {@code bench} measures besides H2. */
    List<String> dbOptions() {
        return List.copyOf(db);
    }

    /** The cache servers: the options, else the environment's, else the defaults. */
    CacheSettings cacheSettings() {
        CacheSettings settings = environment.cacheSettings();
        if (memcached != null) {
            settings = settings.withMemcachedServers(memcached);
        }
        return redis == null ? settings : settings.withRedisServers(redis);
    }

    /** Redis servers given by {@code --redis} or {@code $STUDY_REDIS}; null when neither is. */
    String redisGiven() {
        return redis != null ? redis : environment.get("STUDY_REDIS").orElse(null);
    }

    /** memcached servers given by {@code --memcached} or {@code $STUDY_MEMCACHED}; null when neither is. */
    String memcachedGiven() {
        return memcached != null ? memcached : environment.get("STUDY_MEMCACHED").orElse(null);
    }

    /** The stack the global options describe. */
    record Choices(Impl impl, CacheKind cache, DbTarget db, CacheSettings cacheSettings) {

        Stack open() {
            try {
                return Stack.open(db, impl, cache, cacheSettings);
            } catch (IllegalArgumentException | IllegalStateException e) {
                // A choice the stack cannot serve (a cache not wired, a bad server list): the user's to fix.
                throw Errors.Failure.usage(e.getMessage(), e);
            }
        }

        @Override
        public String toString() {
            // The URL without credentials: a password may be part of a JDBC URL.
            return "impl=" + impl + ", cache=" + cache + ", db=" + db.describe();
        }
    }

    /** A command's data operation on an open stack; returns its answer, or null if it printed it already. */
    @FunctionalInterface
    interface Action {
        Result run(Stack stack, Trace trace) throws Exception;
    }

    /** Receives a parsed command's action instead of {@link #run} running it (see {@code capture}). */
    @FunctionalInterface
    interface Capture {
        void accept(CommandSpec command, Action action);
    }

    /**
     * What {@code compare} puts around one stack's outermost repositories. The seam for tests: a
     * double that makes one stack answer differently or fail; production code never sets it.
     */
    @FunctionalInterface
    interface StackWrapper {
        StackWrapper NONE = (impl, cache, repositories) -> repositories;

        Repositories wrap(Impl impl, CacheKind cache, Repositories repositories);
    }

    /**
     * Opens the stack, runs {@code action}, prints its answer in the chosen format, and turns any
     * failure into one {@code error:} line and its exit code. With {@code --explain}, the SQL and
     * cache events go to stderr as they happen and the summary is always the last line. Under
     * {@code compare}'s capture, hands {@code action} over instead and opens nothing.
     */
    int run(CommandSpec command, Action action) {
        if (capture != null) {
            capture.accept(command, action);
            return ExitCode.OK;
        }
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        if (verbose) {
            verboseLogging();
        }
        String summary = Trace.summary(0, 0, 0);
        int code;
        try {
            Choices choices = choices();
            if (verbose) {
                err.println("verbose: " + choices);
            }
            try (Stack stack = choices.open();
                 Trace trace = new Trace(stack, explain ? line -> {
                     err.println(line);
                     err.flush();
                 } : null)) {
                if (choices.db().isContainer()) {
                    // Which server an image holds is only known once it answers: say it.
                    err.println("note: " + choices.db().describe() + " answered as " + stack.database().server());
                    err.flush();
                }
                try {
                    Result result = action.run(stack, trace);
                    if (result != null) {
                        print(out, result);
                    }
                    // A cache that failed open has said so itself, once per outage and with the
                    // reason ("warning: redis 127.0.0.1:1 is unavailable (…)"): one line, not two.
                } finally {
                    summary = trace.summary();
                }
            }
            code = ExitCode.OK;
        } catch (Exception e) {
            code = Errors.report(e, err, verbose);
        }
        if (explain) {
            err.println(summary);
        }
        if (verbose) {
            defaultLogging();
        }
        out.flush();
        err.flush();
        return code;
    }

    void print(PrintWriter out, Result result) throws IOException {
        if (format() == Format.JSON) {
            out.println(JSON.writeValueAsString(result.json()));
        } else {
            out.print(result.table());
        }
        out.flush();
    }

    /** A cache that fails open is a warning, never an error: the answer came from the database. */
    static void warnOnCacheErrors(PrintWriter err, CacheKind cache, CacheStats delta) {
        if (delta.errors() > 0) {
            err.println("warning: the " + cache + " cache failed " + delta.errors()
                    + (delta.errors() == 1 ? " time" : " times") + "; the answers came from the database");
        }
    }

    private static void verboseLogging() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%-5level %logger{30} - %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.INFO);
        context.getLogger("dev.sqlstudy").setLevel(Level.DEBUG);
    }

    /** Back to logback.xml's quiet settings (matters when commands run in-process, as in the tests). */
    private static void defaultLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.reset();
            try {
                new ContextInitializer(context).autoConfig();
            } catch (Exception e) {
                // Logging stays as reset left it (off); the command's answer is unaffected.
            }
        }
    }

    /** {@code --format}. */
    enum Format {
        TABLE, JSON
    }

    static final class FormatConverter implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "table" -> Format.TABLE;
                case "json" -> Format.JSON;
                default -> throw new TypeConversionException("unknown format '" + value + "' (one of table, json)");
            };
        }
    }

    static final class ImplConverter implements ITypeConverter<Impl> {
        @Override
        public Impl convert(String value) {
            try {
                return Impl.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class CacheConverter implements ITypeConverter<CacheKind> {
        @Override
        public CacheKind convert(String value) {
            try {
                return CacheKind.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Every implementation the stack knows, so help lists new ones without a change here. */
    static final class ImplNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Impl.values()).map(Impl::toString).iterator();
        }
    }

    static final class CacheNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(CacheKind.values()).map(CacheKind::toString).iterator();
        }
    }

    /** {@code --version}: the project version, filtered into a resource at build time. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = StudyCommand.class.getResourceAsStream("/sqlstudy-cli-version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"sqlstudy " + properties.getProperty("version", "unknown"),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
