package dev.descent.backend.opencl;

import dev.descent.testkit.SolverContractTest;

class OpenclGridSolverContractTest extends SolverContractTest {
  @Override
  protected String solverId() {
    return "opencl.grid";
  }

  @Override
  protected boolean requireAvailable() {
    return RequireOpencl.required() || super.requireAvailable();
  }
}
