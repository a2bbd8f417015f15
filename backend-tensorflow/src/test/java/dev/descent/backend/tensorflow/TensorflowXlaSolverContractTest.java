package dev.descent.backend.tensorflow;

import dev.descent.testkit.SolverContractTest;

class TensorflowXlaSolverContractTest extends SolverContractTest {
  @Override
  protected String solverId() {
    return "tensorflow.xla";
  }
}
