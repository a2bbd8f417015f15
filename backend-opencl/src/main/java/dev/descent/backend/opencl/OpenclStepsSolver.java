package dev.descent.backend.opencl;

import dev.descent.api.Dataset;
import dev.descent.api.Precision;
import dev.descent.api.Workspace;

/**
 * {@code opencl.steps}: one Aparapi kernel launch per epoch — the faithful "one graph step per
 * epoch" shape. Work-items sum errors and errors times features per work-group; the host adds
 * up the groups and updates the weights. Its time is mostly launch overhead (measured in the
 * README).
 */
public final class OpenclStepsSolver extends OpenclSolver {

  /** For ServiceLoader. */
  public OpenclStepsSolver() {}

  @Override
  public String id() {
    return "opencl.steps";
  }

  @Override
  public String description() {
    return "Aparapi OpenCL, one kernel launch per epoch: group sums on the device, "
        + "reduction and update on the host";
  }

  @Override
  Workspace open(Target target, Dataset data, Precision precision) {
    return StepsWorkspace.open(target, data, precision);
  }
}
