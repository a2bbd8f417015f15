package dev.descent.backend.python;

import dev.descent.testkit.SolverContractTest;

class PythonGramSolverContractTest extends SolverContractTest {
  @Override
  protected String solverId() {
    return "python.gram";
  }

  /**
   * Every prepare starts a CPython process and imports its libraries, 0.1–0.5 s here: the
   * kit's thousand cycles would take minutes per precision. Fifty still catch a leaked process,
   * pipe or thread per cycle.
   */
  @Override
  protected int cycleCount() {
    return 50;
  }
}
