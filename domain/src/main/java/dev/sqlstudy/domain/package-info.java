/**
 * The study's one API: immutable records, the {@link dev.sqlstudy.domain.HostRepository} and
 * {@link dev.sqlstudy.domain.FamilyRepository} contracts every implementation and cache decorator
 * honours, input validation (done once, here) and the domain exceptions.
 *
 * <p>The records are {@link java.io.Serializable} for one reader only: the MyBatis memcached adapter
 * (a framework cache the study measures, see {@link dev.sqlstudy.domain.NativeCache}) stores values
 * with Java serialisation and refuses anything else. The study's own caches never use it (JSON).
 */
package dev.sqlstudy.domain;
