/**
 * Turns the three choices of the study — which database, which implementation, which cache — into
 * an open {@link dev.sqlstudy.stack.Stack}. The CLI and the benchmark both build through here.
 */
package dev.sqlstudy.stack;
