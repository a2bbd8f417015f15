package dev.descent.backend.opencl;

import dev.descent.testkit.SolverContractTest;

class OpenclStepsSolverContractTest extends SolverContractTest {
  @Override
  protected String solverId() {
    return "opencl.steps";
  }

  @Override
  protected boolean requireAvailable() {
    return RequireOpencl.required() || super.requireAvailable();
  }
}
