/**
 * The repositories with Hibernate ORM 7, bootstrapped without Spring from the shared DataSource:
 * entities apart from the domain records, a bidirectional one-to-many read with fetch joins, and
 * bulk changes as mutation queries.
 */
package dev.sqlstudy.hibernate;
