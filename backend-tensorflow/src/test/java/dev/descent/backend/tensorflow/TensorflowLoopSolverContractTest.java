package dev.descent.backend.tensorflow;

import dev.descent.testkit.SolverContractTest;

class TensorflowLoopSolverContractTest extends SolverContractTest {
  @Override
  protected String solverId() {
    return "tensorflow.loop";
  }
}
