/** The in-process backend: a bounded, expiring Caffeine cache with per-key atomic fills. */
package dev.sqlstudy.cache.caffeine;
