package dev.descent.backend.opencl;

import com.aparapi.Kernel;

/**
 * A kernel that runs a whole descent in one launch of one work-group, seen from the host. The
 * kernel classes implement it outside {@code run()}, so Aparapi never translates these methods.
 */
interface ResidentProgram {

  /** The kernel itself, for {@link DeviceKernel}. */
  Kernel kernel();

  /** Bytes of local memory one work-group of {@code localSize} work-items needs. */
  long localBytes(int localSize);

  /**
   * Rows per segment must be a multiple of this for {@code localSize} work-items, so that no
   * work-item's lane group or block crosses a segment's end (see {@link Segments}).
   */
  int rowQuantum(int localSize);

  /** Allocates the local arrays and splits the samples for {@code localSize} work-items. */
  void size(int localSize);

  /**
   * Sets up the next launch: starting weights (rounded to the kernel's precision), mu, the
   * number of epochs and the trace interval (0 for none).
   */
  void load(double[] weights, double learningRate, int epochs, int traceInterval);

  /** The weights the last launch ended with, widened to double. */
  double[] weights();

  /** The first {@code count} traced losses of the last launch, in the kernel's precision. */
  double[] losses(int count);
}
