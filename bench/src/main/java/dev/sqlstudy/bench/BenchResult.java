package dev.sqlstudy.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a benchmark run wrote and how it went.
 *
 * @param measurements trials measured
 * @param failures     trials that failed (each is named in the report)
 * @param goalsMet     goals of the report's goals table met, on every database they were measured on
 * @param goalsMissed  goals missed on at least one database
 * @param jmhResultJson JMH's own JSON of the run ({@code jmh-result.json}, for jmh-visualizer)
 */
public record BenchResult(Path resultsJson, Path reportMarkdown, Path reportHtml, int measurements,
                          int failures, int goalsMet, int goalsMissed, Duration elapsed, Path jmhResultJson) {
}
