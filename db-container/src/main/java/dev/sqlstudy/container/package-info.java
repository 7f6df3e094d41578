/**
 * A MySQL-protocol server in a throw-away container (Testcontainers 2): {@link
 * dev.sqlstudy.container.MySqlContainers#start()} gives a running {@link
 * dev.sqlstudy.container.DatabaseContainer} whose {@code config()} any part of the study opens like
 * any other database, and which fault tests may stop, start, pause and resume.
 */
package dev.sqlstudy.container;
