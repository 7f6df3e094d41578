/** Private cache servers a test starts, stops, freezes and restarts on free loopback ports (Redis, a Redis Cluster). */
package dev.sqlstudy.contract.services;
