package dev.descent.backend.simd;

import dev.descent.testkit.SolverContractTest;

class SimdSolverContractTest extends SolverContractTest {
  @Override
  protected String solverId() {
    return "simd";
  }

  /** The surefire JVM starts with --add-modules jdk.incubator.vector, so it must run here. */
  @Override
  protected boolean requireAvailable() {
    return true;
  }
}
