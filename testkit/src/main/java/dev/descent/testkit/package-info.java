/**
 * The contract test kit (TCK) of descent: extend {@link dev.descent.testkit.SolverContractTest}
 * once per solver in your module's tests, name the solver's id, and JUnit 5 runs every check a
 * solver must pass to be raced — the article's result and agreement with the reference of the
 * solver's own precision within {@link dev.descent.reference.Tolerances}, repeatability, honest
 * initial weights, traces, bad input, and prepare/close cycles that leak neither memory nor
 * threads, native ones included.
 */
package dev.descent.testkit;
