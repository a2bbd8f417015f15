package dev.descent.backend.opencl;

import dev.descent.api.Fit;
import dev.descent.api.Schedule;
import dev.descent.api.Workspace;

/** The open/closed state and the device string both OpenCL workspaces share. */
abstract class OpenclWorkspace implements Workspace {
  /** p + 1. */
  final int weightCount;
  final DeviceKernel kernel;
  private final String device;
  private boolean closed;

  OpenclWorkspace(int weightCount, DeviceKernel kernel, String device) {
    this.weightCount = weightCount;
    this.kernel = kernel;
    this.device = device;
  }

  /** Runs the schedule from {@code start}, the p + 1 starting weights. */
  abstract Fit run(Schedule schedule, double[] start);

  @Override
  public final Fit descend(Schedule schedule) {
    ensureOpen();
    return run(schedule, schedule.initialWeights(weightCount));
  }

  @Override
  public final String device() {
    ensureOpen();
    return device;
  }

  /** Disposes the kernel: its OpenCL context, program and device buffers. */
  @Override
  public final void close() {
    if (!closed) {
      closed = true;
      kernel.close();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("workspace is closed");
    }
  }
}
