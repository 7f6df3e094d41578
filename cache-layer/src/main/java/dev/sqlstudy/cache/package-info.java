/**
 * Caching decorators for any implementation of the repository API — read-through, invalidated
 * after commit, safe against stale fills and stampedes — over a small {@link dev.sqlstudy.cache.CacheBackend} port.
 */
package dev.sqlstudy.cache;
