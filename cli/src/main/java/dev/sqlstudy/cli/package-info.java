/**
 * The {@code ./study} command line: picocli commands over one {@link dev.sqlstudy.stack.Stack}, each
 * printing a readable table or exactly one JSON document, with the exit code (cli/README.md)s and the SQL
 * each command ran under {@code --explain}; {@code compare} runs one command's action on every stack.
 */
package dev.sqlstudy.cli;
