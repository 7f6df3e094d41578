/**
 * The repositories in plain {@code java.sql}: SQL in text blocks, every value bound as a
 * parameter, one-to-many folded by hand from a left join. The baseline the other two are measured
 * against.
 */
package dev.sqlstudy.jdbc;
