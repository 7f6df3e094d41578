/**
 * A MySQL-protocol server — MySQL 9.7 or MariaDB 10.11, a {@link
 * dev.sqlstudy.container.ContainerKind} — in a throw-away container (Testcontainers 2): {@link
 * dev.sqlstudy.container.MySqlContainers#start(ContainerKind, String)} gives a running {@link
 * dev.sqlstudy.container.DatabaseContainer} whose {@code config()} any part of the study opens like
 * any other database, whose {@code server()} says which server answered, and which fault tests may
 * stop, start, pause and resume.
 */
package dev.sqlstudy.container;
