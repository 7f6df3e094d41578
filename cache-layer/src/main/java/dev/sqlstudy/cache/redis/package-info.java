/** The shared backend on Redis (one server or a Redis Cluster) through Lettuce: leases by SET NX and a compare-and-set script, a circuit per server. */
package dev.sqlstudy.cache.redis;
