package dev.descent.backend.scalar;

import dev.descent.testkit.SolverContractTest;

class ScalarGramSolverContractTest extends SolverContractTest {
  @Override
  protected String solverId() {
    return "scalar.gram";
  }
}
