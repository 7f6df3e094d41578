/**
 * The repositories as MyBatis mappers without Spring: SQL in XML beside each mapper interface,
 * one-to-many folded by nested resultMaps over a join, batches through {@code ExecutorType.BATCH},
 * and MyBatis's own caches switched off so that only the study's decorators cache.
 */
package dev.sqlstudy.mybatis;
