package dev.descent.backend.scalar;

import dev.descent.api.Dataset;
import dev.descent.api.Workspace;

/**
 * {@code scalar}: the fused plain-Java loop — one pass per epoch, no arrays written, four
 * independent accumulators per sum. The fastest honest sample loop without vector instructions.
 */
public final class ScalarSolver extends ScalarFamilySolver {

  /** For ServiceLoader. */
  public ScalarSolver() {}

  @Override
  public String id() {
    return "scalar";
  }

  @Override
  public String description() {
    return "plain Java, one fused pass per epoch with 4 independent accumulators, "
        + "no arrays written";
  }

  @Override
  Workspace prepare64(Dataset data) {
    return new FusedF64Workspace(data);
  }

  @Override
  Workspace prepare32(Dataset data) {
    return new FusedF32Workspace(data);
  }
}
