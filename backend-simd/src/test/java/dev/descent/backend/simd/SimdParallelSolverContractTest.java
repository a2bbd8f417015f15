package dev.descent.backend.simd;

import dev.descent.testkit.SolverContractTest;

class SimdParallelSolverContractTest extends SolverContractTest {
  @Override
  protected String solverId() {
    return "simd.parallel";
  }

  @Override
  protected boolean requireAvailable() {
    return true;
  }
}
