package dev.descent.backend.opencl;

import com.aparapi.Kernel;

/**
 * The smallest kernel that uses doubles. Compiling it for a device tells whether the device has
 * fp64: Aparapi checks {@code cl_khr_fp64} before it builds and throws "FP64 required but not
 * supported" instead of falling back, because {@link Kernel#compile} never falls back.
 */
final class Fp64ProbeKernel extends Kernel {
  double[] value = new double[1];

  @Override
  public void run() {
    value[0] = value[0] * 0.5;
  }
}
