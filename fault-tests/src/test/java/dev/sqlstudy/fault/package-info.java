/**
 * Fault injection on real processes: a MySQL-protocol container stopped, killed and frozen under
 * load, a database that is down when the application starts, a pool run dry, and 32 threads racing
 * to insert one host; on the cache side, private memcached processes killed and frozen under load,
 * a Ketama node that returns holding a row made stale while it was away, and eight threads soaking
 * each cache. Every test measures what the user would see and states the figure.
 */
package dev.sqlstudy.fault;
