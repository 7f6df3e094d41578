/** The shared backend: memcached through spymemcached, with leases against stale fills and a circuit per server. */
package dev.sqlstudy.cache.memcached;
