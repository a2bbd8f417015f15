package dev.descent.backend.spark;

import dev.descent.testkit.SolverContractTest;

/** The test kit on {@code spark.gram}, on an embedded {@code local[*]} master. */
class SparkGramSolverContractTest extends SolverContractTest {
  @Override
  protected String solverId() {
    return "spark.gram";
  }

  /** Fewer cycles than the kit's 1 000: see {@link SparkContractCycles}. */
  @Override
  protected int cycleCount() {
    return SparkContractCycles.COUNT;
  }
}
