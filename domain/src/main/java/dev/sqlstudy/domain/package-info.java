/**
 * The study's one API: immutable records, the {@link dev.sqlstudy.domain.HostRepository} and
 * {@link dev.sqlstudy.domain.FamilyRepository} contracts every implementation and cache decorator
 * honours, input validation (done once, here) and the domain exceptions.
 */
package dev.sqlstudy.domain;
