/**
 * The contract test kit (TCK) of descent: extend {@link dev.descent.testkit.SolverContractTest}
 * once per solver in your module's tests, name the solver's id, and JUnit 5 runs every check a
 * solver must pass to be raced — the article's result, agreement with the float64 reference,
 * repeatability, honest initial weights, traces, bad input, and leak-free prepare/close cycles.
 */
package dev.descent.testkit;
