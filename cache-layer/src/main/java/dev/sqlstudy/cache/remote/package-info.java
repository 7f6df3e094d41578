/**
 * What every remote cache backend (memcached, Redis) shares: the item format stored under our keys,
 * the circuit per server that makes a dead server cost one timeout, and the rule that an
 * invalidation which could not reach a server is applied before that server is used again.
 */
package dev.sqlstudy.cache.remote;
