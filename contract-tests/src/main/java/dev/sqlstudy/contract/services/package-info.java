/**
 * The services the tests talk to — memcached and Redis processes they start and stop, and the one
 * rule for a service that is missing (skip with the reason on a laptop, fail with {@code CI=true}).
 * Shared by every module's tests, so no module keeps a copy.
 */
package dev.sqlstudy.contract.services;
