package dev.descent.backend.opencl;

import dev.descent.api.Dataset;
import dev.descent.api.support.BaseWorkspace;

/** What both OpenCL workspaces hold: one compiled kernel and the line that says where it runs. */
abstract class OpenclWorkspace extends BaseWorkspace {
  final DeviceKernel kernel;
  private final String device;

  OpenclWorkspace(Dataset data, DeviceKernel kernel, String device) {
    super(data.samples(), data.weightCount());
    this.kernel = kernel;
    this.device = device;
  }

  @Override
  protected final String describe() {
    return device;
  }

  /** Disposes the kernel: its OpenCL context, program and device buffers. */
  @Override
  protected final void release() {
    kernel.close();
  }
}
