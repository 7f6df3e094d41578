package dev.sqlstudy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sqlstudy.cache.CacheKind;
import dev.sqlstudy.stack.Impl;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs the CLI in-process, exactly as {@code ./study} would (same command tree, same handlers),
 * with stdout and stderr captured. Every run uses {@code --db mem}: one in-memory H2 database that
 * lives as long as the test JVM, so {@link #fresh} resets it to the sample data first.
 */
final class Study {

    static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> globalOptions;

    private Study(List<String> globalOptions) {
        this.globalOptions = globalOptions;
    }

    /** A stack on the shared in-memory database, reset to the sample data. */
    static Study fresh(Impl impl) {
        return fresh(impl, CacheKind.NONE);
    }

    static Study fresh(Impl impl, CacheKind cache) {
        Study study = new Study(List.of("--db", "mem", "--impl", impl.toString(), "--cache", cache.toString()));
        study.run("reset").succeeds();
        return study;
    }

    /** Runs {@code ./study <global options> args…}. */
    Outcome run(String... args) {
        List<String> all = new ArrayList<>(globalOptions);
        all.addAll(Arrays.asList(args));
        return raw(all.toArray(String[]::new));
    }

    /** Runs {@code ./study <global options> --format json args…}. */
    Outcome json(String... args) {
        List<String> all = new ArrayList<>(List.of("--format", "json"));
        all.addAll(Arrays.asList(args));
        return run(all.toArray(String[]::new));
    }

    /** Runs exactly {@code ./study args…}, nothing added. */
    static Outcome raw(String... args) {
        return raw(Map.of(), args);
    }

    static Outcome raw(Map<String, String> env, String... args) {
        return raw(env, StudyCommand.StackWrapper.NONE, args);
    }

    /** Runs {@code ./study args…} with {@code wrapper} around each stack {@code compare} opens (a test double). */
    static Outcome raw(Map<String, String> env, StudyCommand.StackWrapper wrapper, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = StudyCli.execute(args, new PrintWriter(out), new PrintWriter(err), env, wrapper);
        return new Outcome(code, out.toString(), err.toString());
    }

    /** {@code expected("{'id':1}")}: test JSON with single quotes, for readability. */
    static JsonNode expected(String singleQuoted) {
        try {
            return JSON.readTree(singleQuoted.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(singleQuoted, e);
        }
    }

    static List<Impl> impls() {
        return List.of(Impl.values());
    }

    /** What one command line did. */
    record Outcome(int exitCode, String out, String err) {

        /** Exit 0 and nothing on stderr. */
        Outcome succeeds() {
            assertThat(exitCode).as("exit code; stderr: %s", err).isZero();
            assertThat(err).as("stderr").isEmpty();
            return this;
        }

        /** Exit 0 with exactly this JSON document, and nothing on stderr. */
        Outcome printsJson(String singleQuoted) {
            succeeds();
            assertThat(json()).isEqualTo(Study.expected(singleQuoted));
            return this;
        }

        /** The exit code, nothing on stdout, and exactly one stderr line: {@code error: <start>…}. */
        Outcome failsWith(int expectedCode, String messageStart) {
            assertThat(exitCode).as("exit code; stderr: %s", err).isEqualTo(expectedCode);
            assertThat(out).as("stdout").isEmpty();
            assertThat(errLines()).as("stderr").hasSize(1);
            assertThat(errLines().get(0)).startsWith("error: " + messageStart);
            return this;
        }

        List<String> errLines() {
            return err.lines().toList();
        }

        /** stdout as exactly one JSON document (fails if there is none, or more than one). */
        JsonNode json() {
            try (JsonParser parser = JSON.createParser(out)) {
                JsonNode document = JSON.readTree(parser);
                assertThat(document).as("a JSON document on stdout").isNotNull();
                assertThat(parser.nextToken()).as("anything after the first JSON document: %s", out).isNull();
                return document;
            } catch (IOException e) {
                throw new AssertionError("stdout is not JSON: " + out, e);
            }
        }
    }
}
