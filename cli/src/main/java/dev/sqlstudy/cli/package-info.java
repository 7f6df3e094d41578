/**
 * The {@code ./study} command line: picocli commands over one {@link dev.sqlstudy.stack.Stack}, each
 * printing a readable table or exactly one JSON document, with DESIGN §6's exit codes and the SQL
 * each command ran under {@code --explain}.
 */
package dev.sqlstudy.cli;
