/**
 * The contract: abstract JUnit suites that state, test by test, what every implementation of the
 * repository API does. Each implementation and each cache decorator proves itself with a subclass
 * of a few lines; {@link dev.sqlstudy.contract.TestDatabase} supplies the databases it runs on.
 */
package dev.sqlstudy.contract;
