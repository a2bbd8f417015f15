package com.example.descent;

import dev.descent.testkit.SolverContractTest;

/** descent's contract, applied to this plug-in: everything a solver must do to be raced. */
class KahanSolverTest extends SolverContractTest {
  @Override
  protected String solverId() {
    return "example.kahan";
  }
}
