package dev.descent.backend.simd;

import dev.descent.api.Dataset;
import dev.descent.api.Precision;
import dev.descent.api.Workspace;

/**
 * The one door from the solvers to the classes that use {@code jdk.incubator.vector}: its
 * signature names only API types, so loading and verifying the solvers never loads a kernel.
 */
final class Kernels {

  private Kernels() {}

  /** A workspace for the data in this precision, split by the plan. */
  static Workspace prepare(Dataset data, Precision precision, Plan plan) {
    return precision == Precision.FLOAT64
        ? new F64Workspace(data, plan)
        : new F32Workspace(data, plan);
  }
}
