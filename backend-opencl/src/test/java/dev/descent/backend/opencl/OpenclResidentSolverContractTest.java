package dev.descent.backend.opencl;

import dev.descent.testkit.SolverContractTest;

class OpenclResidentSolverContractTest extends SolverContractTest {
  @Override
  protected String solverId() {
    return "opencl.resident";
  }

  @Override
  protected boolean requireAvailable() {
    return RequireOpencl.required() || super.requireAvailable();
  }
}
