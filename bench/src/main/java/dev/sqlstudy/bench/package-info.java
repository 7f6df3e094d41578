/**
 * The performance comparison behind {@code ./study bench}: JMH benchmarks over every
 * implementation × cache stack on every database given, the reference baselines the goals need,
 * and the runner that writes {@code results.json}, {@code report.md} and {@code report.html}.
 */
package dev.sqlstudy.bench;
