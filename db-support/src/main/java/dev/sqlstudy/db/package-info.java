/**
 * What the three implementations share below them: the HikariCP pool, the Flyway schema and the
 * sample data, the statement counter over the DataSource, and the translation of driver errors
 * into the domain's exceptions.
 */
package dev.sqlstudy.db;
