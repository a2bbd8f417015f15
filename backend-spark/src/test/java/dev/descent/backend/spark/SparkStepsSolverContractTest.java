package dev.descent.backend.spark;

import dev.descent.testkit.SolverContractTest;

/** The test kit on {@code spark.steps}, on an embedded {@code local[*]} master. */
class SparkStepsSolverContractTest extends SolverContractTest {
  @Override
  protected String solverId() {
    return "spark.steps";
  }

  /** Fewer cycles than the kit's 1 000: see {@link SparkContractCycles}. */
  @Override
  protected int cycleCount() {
    return SparkContractCycles.COUNT;
  }
}
