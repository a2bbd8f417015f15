package dev.descent.backend.tensorflow;

import dev.descent.testkit.SolverContractTest;

class TensorflowStepsSolverContractTest extends SolverContractTest {
  @Override
  protected String solverId() {
    return "tensorflow.steps";
  }
}
