package dev.descent.backend.opencl;

import dev.descent.api.Dataset;
import dev.descent.api.Precision;
import dev.descent.api.Workspace;

/**
 * {@code opencl.grid}: the GPU shape — every epoch runs over many work-groups, and the groups'
 * sums are reduced and the weights updated on the device, with no host round trip between epochs
 * (one Aparapi launch of one pass per epoch). A solver of its own rather than a shape the others
 * pick by device: the race can then show both shapes on any device, and each row's
 * {@code device()} names its grid.
 */
public final class OpenclGridSolver extends OpenclSolver {

  /** For ServiceLoader. */
  public OpenclGridSolver() {}

  @Override
  public String id() {
    return "opencl.grid";
  }

  @Override
  public String description() {
    return "Aparapi OpenCL, one pass per epoch over many work-groups: group sums, reduction "
        + "and update all on the device";
  }

  @Override
  Workspace open(Target target, Dataset data, Precision precision) {
    return GridWorkspace.open(target, data, precision);
  }
}
