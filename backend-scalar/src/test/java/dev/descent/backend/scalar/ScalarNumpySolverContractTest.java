package dev.descent.backend.scalar;

import dev.descent.testkit.SolverContractTest;

class ScalarNumpySolverContractTest extends SolverContractTest {
  @Override
  protected String solverId() {
    return "scalar.numpy";
  }
}
