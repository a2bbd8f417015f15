package dev.descent.backend.opencl;

import dev.descent.api.Dataset;
import dev.descent.api.Precision;
import dev.descent.api.Workspace;

/**
 * {@code opencl.resident}: the whole descent in one Aparapi kernel launch — one work-group loops
 * over the epochs, reducing in local memory between {@code localBarrier()}s, so the data and
 * the weights stay on the device. For p = 1 each work-item keeps sixteen lanes of sums, which
 * the OpenCL compiler vectorises without fast-math. Data of 2 GiB or more per array is split
 * into row segments ({@link Segments}) with the same sums bit for bit.
 */
public final class OpenclResidentSolver extends OpenclSolver {

  /** For ServiceLoader. */
  public OpenclResidentSolver() {}

  @Override
  public String id() {
    return "opencl.resident";
  }

  @Override
  public String description() {
    return "Aparapi OpenCL, one launch for all epochs: a persistent work-group with "
        + "local-memory reductions and barriers";
  }

  /** Data of 2 GiB or more runs in segments; refused only when even they cannot hold it. */
  @Override
  void check(Target target, Dataset data, Precision precision) {
    Segments.plan(target, data.samples(), data.features(), precision);
  }

  @Override
  Workspace open(Target target, Dataset data, Precision precision) {
    return ResidentWorkspace.open(target, data, precision);
  }
}
