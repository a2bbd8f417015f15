package dev.descent.backend.scalar;

import dev.descent.testkit.SolverContractTest;

class ScalarSolverContractTest extends SolverContractTest {
  @Override
  protected String solverId() {
    return "scalar";
  }
}
