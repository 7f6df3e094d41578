/**
 * {@link dev.sqlstudy.db.errors.SqlErrors}: a driver's {@code SQLException} turned into the
 * domain's exception, read from vendor codes and SQLStates — the one piece of database support
 * the implementations compile against.
 */
package dev.sqlstudy.db.errors;
